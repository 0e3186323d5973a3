package coop.cooperage.payments.control;

import coop.cooperage.money.Money;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.shares.entity.SharePayment;
import java.time.LocalDate;

/**
 * A payment the treasurer records by hand: a cheque paid in, or a transfer seen in online banking
 * before any statement is imported.
 *
 * @param reference the application's reference, as the investor quoted it
 * @param method    CHEQUE or BANK_TRANSFER; STATEMENT and CORRECTION are written only by Cooperage
 */
public record HandPayment(String reference, Money amount, LocalDate receivedOn, SharePayment.Method method, String payer,
        String bankReference) {

    /** Every problem with the input at once, against the form's field names. */
    public FieldErrors validate(LocalDate today) {
        var errors = new FieldErrors();
        errors.check(reference != null && !reference.isBlank(), "reference", "Enter the application's reference");
        errors.check(amount != null, "amount", "Enter the amount received, like 250.00");
        errors.check(amount == null || amount.pence() > 0, "amount", "The amount received must be more than £0.00");
        errors.check(receivedOn != null, "receivedOn", "Enter the date the money was received");
        errors.check(receivedOn == null || !receivedOn.isAfter(today), "receivedOn", "The date received cannot be in the future");
        errors.check(method == SharePayment.Method.CHEQUE || method == SharePayment.Method.BANK_TRANSFER, "method",
                "Choose cheque or bank transfer");
        errors.check(payer == null || payer.length() <= 200, "payer", "The payer's name must be 200 characters or fewer");
        errors.check(bankReference == null || bankReference.length() <= 200, "bankReference",
                "The bank reference must be 200 characters or fewer");
        return errors;
    }
}
