package coop.cooperage.shares.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Shares leaving a living member's holding keep the society's minimum holding, or take everything. */
class MinimumHoldingTest {

    @Test
    void aPartialWithdrawalMayNotLeaveLessThanTheMinimumButEverythingOrEnoughMay() {
        // 100 shares held, minimum 50
        assertThatCode(() -> MinimumHolding.checkRequest(100, 0, 50, 50)).doesNotThrowAnyException();
        assertThatCode(() -> MinimumHolding.checkRequest(100, 0, 100, 50)).doesNotThrowAnyException();
        assertThatCode(() -> MinimumHolding.checkRequest(100, 0, 1, 50)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MinimumHolding.checkRequest(100, 0, 51, 50)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("would leave 49 shares").hasMessageContaining("minimum holding of 50 shares")
                .hasMessageContaining("withdraw at most 50 shares").hasMessageContaining("all 100");
        assertThatThrownBy(() -> MinimumHolding.checkRequest(100, 0, 99, 50)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("would leave 1 share,");
    }

    @Test
    void sharesAlreadyAskedForCountAsGone() {
        // 100 held, 30 already asked for: 70 can go, at most 20 of them in part
        assertThatCode(() -> MinimumHolding.checkRequest(100, 30, 20, 50)).doesNotThrowAnyException();
        assertThatCode(() -> MinimumHolding.checkRequest(100, 30, 70, 50)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MinimumHolding.checkRequest(100, 30, 21, 50)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("would leave 49 shares").hasMessageContaining("after the 30 already asked for")
                .hasMessageContaining("withdraw at most 20 shares").hasMessageContaining("all 70");
    }

    @Test
    void aHoldingAlreadyAtOrBelowTheMinimumCanOnlyGoWhole() {
        assertThatThrownBy(() -> MinimumHolding.checkRequest(40, 0, 10, 50)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("would leave 30 shares").hasMessageContaining("only all 40 shares")
                .hasMessageNotContaining("at most");
        assertThatCode(() -> MinimumHolding.checkRequest(40, 0, 40, 50)).doesNotThrowAnyException();
        // a minimum of one share: any partial withdrawal leaves a valid holding
        assertThatCode(() -> MinimumHolding.checkRequest(2, 0, 1, 1)).doesNotThrowAnyException();
    }

    @Test
    void approvalChecksAgainstTheHoldingAsItIsNow() {
        // asked for 100 of 200; a correction has since taken the holding to 140
        assertThatThrownBy(() -> MinimumHolding.checkApproval(7, 140, 0, 100, 50)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("leave member 7 with 40 shares").hasMessageContaining("minimum holding of 50 shares")
                .hasMessageContaining("at most 90 shares").hasMessageContaining("all 140");
        assertThatCode(() -> MinimumHolding.checkApproval(7, 150, 0, 100, 50)).doesNotThrowAnyException();
        // what is already approved and unpaid is as good as gone
        assertThatCode(() -> MinimumHolding.checkApproval(7, 200, 100, 100, 50)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MinimumHolding.checkApproval(7, 200, 100, 60, 50)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("with 40 shares");
    }

    @Test
    void aTransferKeepsTheMinimumNowAndAfterTheWithdrawalsAskedFor() {
        assertThatCode(() -> MinimumHolding.checkTransfer(3, 100, 0, 100, 50)).doesNotThrowAnyException();
        assertThatCode(() -> MinimumHolding.checkTransfer(3, 100, 0, 50, 50)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MinimumHolding.checkTransfer(3, 100, 0, 60, 50)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Member 3 would keep 40 shares").hasMessageContaining("minimum holding of 50 shares")
                .hasMessageContaining("transfer at most 50 shares").hasMessageContaining("all 100, which ends their membership");
        // 100 held, 50 asked to withdraw: transferring the other 50 leaves the 50 the withdrawal will take
        assertThatCode(() -> MinimumHolding.checkTransfer(3, 100, 50, 50, 50)).doesNotThrowAnyException();
        // but not so much that the withdrawal would then leave a stub
        assertThatThrownBy(() -> MinimumHolding.checkTransfer(3, 100, 30, 30, 50)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("would keep 40 shares once the 30 asked to withdraw are paid")
                .hasMessageContaining("transfer at most 20 shares");
        // 100 held, 10 asked to withdraw: moving the other 90 would leave 10 now, below the minimum
        assertThatThrownBy(() -> MinimumHolding.checkTransfer(3, 100, 10, 90, 50)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("would keep 10 shares").hasMessageNotContaining("ends their membership");
    }
}
