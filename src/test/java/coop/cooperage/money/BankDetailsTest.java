package coop.cooperage.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import coop.cooperage.money.InvalidBankDetailsException.Field;
import coop.cooperage.money.InvalidBankDetailsException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BankDetailsTest {

    @Test
    void acceptsTheWaysPeopleWriteSortCodesAndAccountNumbers() {
        BankDetails typed = new BankDetails("12-34-56", "1234 5678", "  Ada   Lovelace ");
        BankDetails pasted = new BankDetails("12 34 56", "12345678", "Ada Lovelace");
        BankDetails wordProcessed = new BankDetails("12\u201334\u201356", "1234-5678", "Ada Lovelace");

        assertThat(typed).isEqualTo(pasted).isEqualTo(wordProcessed).hasSameHashCodeAs(pasted);
        assertThat(typed.sortCode()).isEqualTo("123456");
        assertThat(typed.accountNumber()).isEqualTo("12345678");
        assertThat(typed.accountName()).isEqualTo("Ada Lovelace");
        assertThat(typed.formattedSortCode()).isEqualTo("12-34-56");
    }

    @Test
    void masksAllButTheLastDigits() {
        BankDetails details = new BankDetails("123456", "12345678", "Ada Lovelace");
        assertThat(details.maskedSortCode()).isEqualTo("**-**-56");
        assertThat(details.maskedAccountNumber()).isEqualTo("****5678");
        assertThat(details.masked()).isEqualTo("**-**-56 ****5678");
    }

    @Test
    void neverPrintsFullDetailsInLogs() {
        String printed = new BankDetails("123456", "12345678", "Ada Lovelace").toString();
        assertThat(printed).doesNotContain("123456").doesNotContain("12345678").contains("**-**-56 ****5678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567", "12-34-5", "AB-CD-EF", "12.34.56x"})
    void refusesSortCodesThatAreNotSixDigits(String sortCode) {
        assertThat(problem(() -> new BankDetails(sortCode, "12345678", "Ada Lovelace")))
                .isEqualTo(new Problem(Field.SORT_CODE, "Enter a valid sort code like 30-94-30: it must be 6 digits"));
    }

    @Test
    void refusesAnAllZeroSortCode() {
        assertThat(problem(() -> new BankDetails("00-00-00", "12345678", "Ada")).message())
                .isEqualTo("Sort code 00-00-00 is not a real sort code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456", "1234567"})
    void refusesSixAndSevenDigitAccountNumbersRatherThanGuessingThePadding(String account) {
        // FIELD_LAYOUT.md gives the destination account as 8 digits and says nothing about
        // padding shorter numbers, so they are refused with a message saying what to do.
        Problem problem = problem(() -> new BankDetails("123456", account, "Ada Lovelace"));
        assertThat(problem.field()).isEqualTo(Field.ACCOUNT_NUMBER);
        assertThat(problem.message()).isEqualTo("Account number must be 8 digits; this one has " + account.length()
                + ". Ask your bank for the 8-digit form of your account number");
    }

    @Test
    void refusesLongOrNonNumericOrZeroAccountNumbers() {
        assertThat(problem(() -> new BankDetails("123456", "1234567890", "Ada")).message())
                .isEqualTo("Account number must be 8 digits; this one has 10");
        assertThat(problem(() -> new BankDetails("123456", "1234567O", "Ada")).message())
                .isEqualTo("Enter a valid account number like 00733445: it must contain only digits");
        assertThat(problem(() -> new BankDetails("123456", "00000000", "Ada")).message())
                .isEqualTo("Account number 00000000 is not a real account number");
    }

    @Test
    void refusesMissingOrUnusableNames() {
        assertThat(problem(() -> new BankDetails("123456", "12345678", " ")).message())
                .isEqualTo("Enter the name on the account");
        assertThat(problem(() -> new BankDetails("123456", "12345678", "--")).message())
                .isEqualTo("Enter the name on the account");
        assertThat(problem(() -> new BankDetails("123456", "12345678", "Ada\nLovelace")).message())
                .isEqualTo("Name on the account must not contain line breaks or control characters");
        assertThat(problem(() -> new BankDetails("123456", "12345678", "A".repeat(141))).message())
                .isEqualTo("Name on the account must be 140 characters or fewer");
    }

    @Test
    void reportsEveryBadFieldAtOnceForTheErrorSummary() {
        InvalidBankDetailsException e = catchThrowableOfType(InvalidBankDetailsException.class,
                () -> new BankDetails("", null, ""));
        assertThat(e.problems()).extracting(Problem::field)
                .containsExactly(Field.SORT_CODE, Field.ACCOUNT_NUMBER, Field.ACCOUNT_NAME);
        assertThat(e).hasMessage("Enter a sort code; Enter an account number; Enter the name on the account");
    }

    @Test
    void isAnIllegalArgument() {
        // So that callers that treat bad input generically still see it as the caller's fault.
        assertThatThrownBy(() -> new BankDetails("1", "2", "3")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Problem problem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        InvalidBankDetailsException e = catchThrowableOfType(InvalidBankDetailsException.class, call);
        assertThat(e).as("expected the details to be refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }
}
