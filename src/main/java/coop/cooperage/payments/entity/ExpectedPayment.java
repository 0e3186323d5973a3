package coop.cooperage.payments.entity;

import coop.cooperage.money.Money;
import java.util.Objects;

/**
 * Money the society expects to receive, such as a share application awaiting payment.
 *
 * @param reference the reference the payer was asked to quote; it need not be unique in
 *                  appearance, but two expectations whose references match the same way (same
 *                  letters and digits) cannot be told apart and are refused by the matcher
 * @param amount    what is still outstanding: the caller deducts anything already received, so
 *                  that a second instalment is judged against what is left
 */
public record ExpectedPayment(String reference, Money amount) {

    public ExpectedPayment {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        if (reference.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("An expected payment needs a reference with letters or digits in it");
        }
        if (amount.pence() <= 0) {
            throw new IllegalArgumentException("An expected payment must be for more than £0.00; got " + amount);
        }
    }
}
