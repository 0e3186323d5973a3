package coop.cooperage.payments.entity;

import coop.cooperage.money.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One transaction on an imported bank statement.
 *
 * @param date        the day the bank posted it
 * @param description the bank's description (payee or payer name, often with a reference in it);
 *                    empty if the bank gave none
 * @param reference   the reference, where the format has a field for it apart from the
 *                    description (Starling CSV, OFX MEMO); empty otherwise
 * @param amount      signed: money in (credits) positive, money out negative
 * @param balance     the running balance the bank printed on this line, where it printed one
 * @param type        the bank's own transaction type as the file states it ("FASTER PAYMENT",
 *                    "CREDIT"); empty when the format has none. Kept as text: each bank has its
 *                    own vocabulary and nothing here decides on it
 * @param fingerprint SHA-256 (hex) identifying this line within the account, stable across
 *                    re-imports of the same statement; see
 *                    {@code coop.cooperage.payments.control.StatementFingerprints}
 */
public record StatementLine(
        LocalDate date,
        String description,
        String reference,
        Money amount,
        Optional<Money> balance,
        String type,
        String fingerprint) {

    public StatementLine {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (!fingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("fingerprint must be 64 lower-case hex digits (SHA-256)");
        }
    }

    /** Money in. Zero-value lines ("BROUGHT FORWARD 0.00") are neither credit nor debit. */
    public boolean isCredit() {
        return amount.pence() > 0;
    }
}
