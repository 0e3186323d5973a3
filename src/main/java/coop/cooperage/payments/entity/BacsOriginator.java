package coop.cooperage.payments.entity;

import coop.cooperage.money.BankDetails;
import java.util.Objects;

/**
 * The society as a Bacs service user: the number its bank gave it, the name payees see, and the
 * account the payments are drawn from.
 *
 * @param serviceUserNumber the 6-digit Service User Number (SUN)
 * @param serviceUserName   shown to payees; Bacs carries 18 characters of it
 * @param account           the society's own account, debited for the total
 */
public record BacsOriginator(String serviceUserNumber, String serviceUserName, BankDetails account) {

    public BacsOriginator {
        Objects.requireNonNull(account, "account");
        if (serviceUserNumber == null || !serviceUserNumber.strip().matches("[0-9]{6}")) {
            throw new IllegalArgumentException(
                    "A Bacs Service User Number is 6 digits, as given by your bank; got '" + serviceUserNumber + "'");
        }
        serviceUserNumber = serviceUserNumber.strip();
        if (serviceUserName == null || serviceUserName.isBlank()) {
            throw new IllegalArgumentException("Enter the Bacs service user name");
        }
        serviceUserName = serviceUserName.strip();
    }
}
