package coop.cooperage.payments.entity;

import coop.cooperage.money.BankDetails;
import coop.cooperage.money.Money;
import java.util.Objects;

/**
 * One payment the society is to make: to whom, how much, and the reference the payee will see
 * on their statement.
 */
public record PaymentInstruction(BankDetails payee, Money amount, String reference) {

    public PaymentInstruction {
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reference, "reference");
        if (amount.pence() <= 0) {
            throw new IllegalArgumentException("A payment must be for more than £0.00; got " + amount);
        }
        if (reference.isBlank()) {
            throw new IllegalArgumentException("A payment needs a reference so the payee knows what it is");
        }
    }
}
