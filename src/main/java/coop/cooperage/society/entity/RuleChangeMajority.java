package coop.cooperage.society.entity;

import java.math.BigDecimal;

/** The share of votes cast that a rule change needs, as the society's rules set it. */
public enum RuleChangeMajority {
    TWO_THIRDS("Two thirds of votes cast", 2, 3),
    THREE_QUARTERS("75% of votes cast", 3, 4);

    private final String label;
    private final int numerator;
    private final int denominator;

    RuleChangeMajority(String label, int numerator, int denominator) {
        this.label = label;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public String label() {
        return label;
    }

    /** Exact comparison in whole numbers: for/(for+against) >= n/d. */
    public boolean isMetBy(long votesFor, long votesAgainst) {
        long cast = votesFor + votesAgainst;
        return cast > 0 && votesFor * denominator >= cast * numerator;
    }

    public BigDecimal fraction() {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, java.math.RoundingMode.HALF_UP);
    }
}
