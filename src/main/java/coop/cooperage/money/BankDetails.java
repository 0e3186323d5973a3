package coop.cooperage.money;

import coop.cooperage.money.InvalidBankDetailsException.Field;
import coop.cooperage.money.InvalidBankDetailsException.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A UK bank account that money can be paid into or taken from: sort code, account number and the
 * name on the account. Held in canonical form (digits only) so that two ways of typing the same
 * account are equal.
 *
 * <p>The account number must be exactly 8 digits. Some banks issue 6 or 7 digit numbers that are
 * conventionally padded with leading zeros, but the Bacs Standard 18 layout we work from
 * (shared/testdata/bacs/FIELD_LAYOUT.md) says only "8 digits" and gives no padding rule. Padding
 * by guesswork risks paying a different account, so shorter numbers are refused with a message
 * asking for the 8-digit form.
 *
 * <p>{@link #toString()} is masked so that bank details never leak into logs by accident.
 */
public record BankDetails(String sortCode, String accountNumber, String accountName) {

    /**
     * ISO 20022 party names (which Faster Payments and Confirmation of Payee carry) allow 140
     * characters; longer is a data-entry mistake, not a real account name.
     */
    public static final int MAX_NAME_LENGTH = 140;

    public BankDetails {
        List<Problem> problems = new ArrayList<>();
        sortCode = canonicalSortCode(sortCode, problems);
        accountNumber = canonicalAccountNumber(accountNumber, problems);
        accountName = canonicalName(accountName, problems);
        if (!problems.isEmpty()) {
            throw new InvalidBankDetailsException(problems);
        }
    }

    /** "12-34-56", the form people recognise from cheque books and bank letters. */
    public String formattedSortCode() {
        return sortCode.substring(0, 2) + "-" + sortCode.substring(2, 4) + "-" + sortCode.substring(4);
    }

    /** "**-**-56": enough for a member to recognise their account, not enough to pay into it. */
    public String maskedSortCode() {
        return "**-**-" + sortCode.substring(4);
    }

    /** "****5678". */
    public String maskedAccountNumber() {
        return "****" + accountNumber.substring(4);
    }

    /** "**-**-56 ****5678". */
    public String masked() {
        return maskedSortCode() + " " + maskedAccountNumber();
    }

    @Override
    public String toString() {
        return "BankDetails[" + masked() + "]";
    }

    private static String canonicalSortCode(String raw, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new Problem(Field.SORT_CODE, "Enter a sort code"));
            return raw;
        }
        // People paste sort codes with hyphens, spaces or the dashes a word processor makes.
        String digits = raw.replaceAll("[\\s\\-\u2010-\u2015]", "");
        if (!digits.matches("[0-9]{6}")) {
            problems.add(new Problem(Field.SORT_CODE, "Enter a valid sort code like 30-94-30: it must be 6 digits"));
            return raw;
        }
        if (digits.equals("000000")) {
            problems.add(new Problem(Field.SORT_CODE, "Sort code 00-00-00 is not a real sort code"));
            return raw;
        }
        return digits;
    }

    private static String canonicalAccountNumber(String raw, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new Problem(Field.ACCOUNT_NUMBER, "Enter an account number"));
            return raw;
        }
        String digits = raw.replaceAll("[\\s\\-\u2010-\u2015]", "");
        if (!digits.matches("[0-9]+")) {
            problems.add(new Problem(Field.ACCOUNT_NUMBER,
                    "Enter a valid account number like 00733445: it must contain only digits"));
            return raw;
        }
        if (digits.length() == 6 || digits.length() == 7) {
            problems.add(new Problem(Field.ACCOUNT_NUMBER, "Account number must be 8 digits; this one has "
                    + digits.length() + ". Ask your bank for the 8-digit form of your account number"));
            return raw;
        }
        if (digits.length() != 8) {
            problems.add(new Problem(Field.ACCOUNT_NUMBER,
                    "Account number must be 8 digits; this one has " + digits.length()));
            return raw;
        }
        if (digits.equals("00000000")) {
            problems.add(new Problem(Field.ACCOUNT_NUMBER, "Account number 00000000 is not a real account number"));
            return raw;
        }
        return digits;
    }

    private static String canonicalName(String raw, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new Problem(Field.ACCOUNT_NAME, "Enter the name on the account"));
            return raw;
        }
        String name = raw.strip().replaceAll("\\s+", " ");
        if (raw.chars().anyMatch(c -> Character.isISOControl(c) && c != ' ' && c != '\t')) {
            problems.add(new Problem(Field.ACCOUNT_NAME,
                    "Name on the account must not contain line breaks or control characters"));
            return raw;
        }
        if (name.codePoints().noneMatch(Character::isLetterOrDigit)) {
            problems.add(new Problem(Field.ACCOUNT_NAME, "Enter the name on the account"));
            return raw;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            problems.add(new Problem(Field.ACCOUNT_NAME,
                    "Name on the account must be " + MAX_NAME_LENGTH + " characters or fewer"));
            return raw;
        }
        return name;
    }
}
