package coop.cooperage.shares.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.money.Money;
import coop.cooperage.platform.control.AccessDeniedException;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.shares.entity.Holding;
import org.junit.jupiter.api.Test;

/** The rules behind the review's fixes: no deciding one's own withdrawal; no entry below what approved withdrawals will take. */
class ReviewFixesRulesTest {

    @Test
    void aBoardMemberCannotDecideTheirOwnWithdrawalButCanDecideAnothers() {
        assertThatThrownBy(() -> Withdrawals.refuseOwnDecision(7L, 7L)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("your own withdrawal request");
        assertThatCode(() -> Withdrawals.refuseOwnDecision(7L, 8L)).doesNotThrowAnyException();
        // a secretary or platform admin with no member record of their own
        assertThatCode(() -> Withdrawals.refuseOwnDecision(7L, null)).doesNotThrowAnyException();
    }

    @Test
    void aWriteDownCannotLeaveLessThanAnApprovedUnpaidWithdrawalWillTake() {
        // 1,000 shares worth £1,000; 500 approved to withdraw at £500, not yet paid
        var holding = new Holding(1_000, Money.ofPence(1_000_00));
        var reserved = new Holding(500, Money.ofPence(500_00));
        assertThatThrownBy(() -> Adjustments.keepsApprovedWithdrawals(12, holding, 0, -600_00, reserved))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Member 12 has 500 shares approved to withdraw")
                .hasMessageContaining("cannot go below £500.00");
        assertThatCode(() -> Adjustments.keepsApprovedWithdrawals(12, holding, 0, -500_00, reserved)).doesNotThrowAnyException();
    }

    @Test
    void aCorrectionCannotTakeAwayApprovedShares() {
        var holding = new Holding(1_000, Money.ofPence(1_000_00));
        var reserved = new Holding(500, Money.ofPence(500_00));
        assertThatThrownBy(() -> Adjustments.keepsApprovedWithdrawals(12, holding, -501, 0, reserved))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cannot go below 500 shares");
        assertThatCode(() -> Adjustments.keepsApprovedWithdrawals(12, holding, -500, -500_00, reserved)).doesNotThrowAnyException();
        // nothing approved: the ledger's own limits decide
        assertThatCode(() -> Adjustments.keepsApprovedWithdrawals(12, holding, -1_000, -1_000_00, Holding.NONE)).doesNotThrowAnyException();
    }
}
