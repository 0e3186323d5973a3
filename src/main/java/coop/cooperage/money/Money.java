package coop.cooperage.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of sterling held as whole pence. Every step that could lose a fraction of a
 * penny takes an explicit {@link RoundingMode}, so nothing is rounded silently.
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    private final long pence;

    private Money(long pence) {
        this.pence = pence;
    }

    public static Money ofPence(long pence) {
        return pence == 0 ? ZERO : new Money(pence);
    }

    public static Money ofPounds(long pounds) {
        return ofPence(Math.multiplyExact(pounds, 100L));
    }

    /**
     * Parses "1234", "1234.5", "1,234.56" or "£1,234.56". More than two decimal places is
     * refused rather than rounded: a user who typed it meant something we cannot represent.
     */
    public static Money parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Enter an amount");
        }
        String cleaned = text.trim().replace("£", "").replace(",", "");
        BigDecimal value;
        try {
            value = new BigDecimal(cleaned);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Enter an amount in pounds, like 250 or 250.00");
        }
        if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("Enter an amount in pounds and pence, with no more than 2 decimal places");
        }
        try {
            return ofPence(value.movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("That amount is too large");
        }
    }

    public long pence() {
        return pence;
    }

    public BigDecimal pounds() {
        return BigDecimal.valueOf(pence, 2);
    }

    public Money plus(Money other) {
        return ofPence(Math.addExact(pence, other.pence));
    }

    public Money minus(Money other) {
        return ofPence(Math.subtractExact(pence, other.pence));
    }

    public Money times(long factor) {
        return ofPence(Math.multiplyExact(pence, factor));
    }

    /** Multiplies by a rate and rounds to the penny with the rounding the caller names. */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        return ofPence(BigDecimal.valueOf(pence).multiply(factor).setScale(0, rounding).longValueExact());
    }

    public boolean isNegative() {
        return pence < 0;
    }

    public boolean isZero() {
        return pence == 0;
    }

    public boolean isGreaterThan(Money other) {
        return pence > other.pence;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(pence, other.pence);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.pence == pence;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(pence);
    }

    /** "£1,234.56"; negative amounts as "-£1,234.56". */
    @Override
    public String toString() {
        long abs = Math.abs(pence);
        String pounds = String.format("%,d", abs / 100);
        return (pence < 0 ? "-£" : "£") + pounds + "." + String.format("%02d", abs % 100);
    }
}
