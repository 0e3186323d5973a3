package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.money.Money;
import coop.cooperage.shares.entity.SharePayment.Method;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HandPaymentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void aChequeReceivedTodayIsFine() {
        var p = new HandPayment("SH-0001", Money.parse("250.00"), TODAY, Method.CHEQUE, "J Smith", null);
        assertThat(p.validate(TODAY).isEmpty()).isTrue();
    }

    @Test
    void everyProblemIsNamedAgainstItsField() {
        var p = new HandPayment(" ", Money.ZERO, TODAY.plusDays(1), Method.STATEMENT, "x".repeat(201), null);
        assertThat(p.validate(TODAY).byField()).containsOnlyKeys("reference", "amount", "receivedOn", "method", "payer")
                .containsEntry("receivedOn", "The date received cannot be in the future")
                .containsEntry("method", "Choose cheque or bank transfer");
    }

    @Test
    void correctionsAreOnlyWrittenByReversingAPayment() {
        var p = new HandPayment("SH-0001", Money.parse("-10.00"), TODAY, Method.CORRECTION, null, null);
        assertThat(p.validate(TODAY).byField()).containsKeys("amount", "method");
    }
}
