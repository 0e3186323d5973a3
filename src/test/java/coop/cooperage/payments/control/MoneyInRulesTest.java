package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.BankStatementLine;
import coop.cooperage.payments.entity.BankStatementLine.Basis;
import coop.cooperage.payments.entity.BankStatementLine.Kind;
import coop.cooperage.payments.entity.StatementLine;
import coop.cooperage.shares.entity.PaymentMethod;
import coop.cooperage.shares.entity.PayoutState;
import coop.cooperage.shares.entity.ShareApplication;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The money-in rules that keep share capital honest: what may be confirmed in bulk, and which payments may be reversed. */
class MoneyInRulesTest {

    private static BankStatementLine proposed(String reference, Basis basis, Kind kind) {
        var parsed = new ParsedLine(1, LocalDate.of(2025, 9, 1), "GRANT FROM COUNCIL", reference, Money.parse("250.00"),
                Optional.empty(), "");
        StatementLine line = StatementFingerprints.assign("acct", List.of(parsed)).get(0);
        var stored = new BankStatementLine(1, 1, 1, line);
        stored.propose(7, basis, kind);
        return stored;
    }

    @Test
    void bulkConfirmationTakesOnlyExactMatchesOnTheReference() {
        assertThat(MoneyIn.confirmableInBulk(proposed("SH-0001", Basis.REFERENCE, Kind.EXACT))).isTrue();
        // a £250 grant with no reference, proposed because an application owes £250, is checked line by line
        assertThat(MoneyIn.confirmableInBulk(proposed("", Basis.AMOUNT, Kind.EXACT))).isFalse();
        assertThat(MoneyIn.confirmableInBulk(proposed("SH-0001", Basis.REFERENCE, Kind.PARTIAL))).isFalse();
        assertThat(MoneyIn.confirmableInBulk(proposed("SH-0001", Basis.REFERENCE, Kind.OVER))).isFalse();
    }

    private static ShareApplication application() {
        return new ShareApplication(1, 1, 1, null, "SH-0042", 250, Money.parse("250.00"), PaymentMethod.BANK_TRANSFER, true, null,
                LocalDateTime.of(2025, 9, 1, 12, 0));
    }

    @Test
    void aPaymentForAnApplicationAwaitingAllotmentMayBeReversed() {
        assertThat(MoneyIn.whyNotReversible(application(), null)).isNull();
    }

    @Test
    void aPaymentForAnAllottedApplicationIsNotReversedAndTheTreasurerIsToldWhatToDo() {
        var a = application();
        a.allot(250, true);
        assertThat(MoneyIn.whyNotReversible(a, null)).contains("SH-0042").contains("allotted").contains("share ledger")
                .contains("take the shares off the ledger");
        // an allotment that refunded an excess is allotted still: its shares are in the ledger
        assertThat(MoneyIn.whyNotReversible(a, PayoutState.CANCELLED)).contains("allotted");
    }

    @Test
    void aPaymentWhoseRefundHasBeenMadeOrIsWaitingIsNotReversed() {
        var a = application();
        a.allot(0, true);
        assertThat(MoneyIn.whyNotReversible(a, PayoutState.PAID)).contains("refund has been paid").contains("recover the refund");
        assertThat(MoneyIn.whyNotReversible(a, PayoutState.IN_RUN)).contains("gone into a payment run");
        assertThat(MoneyIn.whyNotReversible(a, PayoutState.DUE)).contains("refund waiting to be paid");
        // a refund that was cancelled pays nothing back: the payment may be put right
        assertThat(MoneyIn.whyNotReversible(a, PayoutState.CANCELLED)).isNull();
    }
}
