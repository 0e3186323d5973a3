package coop.cooperage.shares.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.money.Money;
import coop.cooperage.shares.entity.WithdrawalRequest;
import coop.cooperage.shares.entity.WithdrawalState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WithdrawalsRulesTest {

    @Test
    void theAnnualCapIsThePercentageOfCapitalRoundedDown() {
        assertThat(Withdrawals.capitalShare(Money.ofPence(2_100_00), new BigDecimal("10.00"))).isEqualTo(Money.ofPence(210_00));
        assertThat(Withdrawals.capitalShare(Money.ofPence(999), new BigDecimal("10"))).isEqualTo(Money.ofPence(99));
        assertThat(Withdrawals.capitalShare(Money.ZERO, new BigDecimal("10"))).isEqualTo(Money.ZERO);
    }

    @Test
    void noticeRunsFromTheDateOfTheRequest() {
        var r = new WithdrawalRequest(1, 2, 100, LocalDate.of(2026, 1, 1), LocalDateTime.of(2026, 1, 1, 9, 0), 91, WithdrawalRequest.Channel.PAPER);
        assertThat(r.noticeEndsOn()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(r.noticeServedOn(LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(r.noticeServedOn(LocalDate.of(2026, 4, 2))).isTrue();
    }

    @Test
    void aRequestMovesOnlyAlongTheLegalPaths() {
        var r = new WithdrawalRequest(1, 2, 100, LocalDate.of(2026, 1, 1), LocalDateTime.of(2026, 1, 1, 9, 0), 0, WithdrawalRequest.Channel.PORTAL);
        r.defer(LocalDate.of(2026, 1, 2), "board", "No surplus");
        assertThat(r.state()).isEqualTo(WithdrawalState.DEFERRED);
        r.approve(LocalDate.of(2026, 2, 1), "board", Money.ofPounds(100), 9);
        assertThatThrownBy(() -> r.defer(LocalDate.of(2026, 2, 2), "board", "x")).isInstanceOf(IllegalStateException.class);
        r.paid();
        assertThat(r.state()).isEqualTo(WithdrawalState.PAID);
        assertThatThrownBy(() -> r.cancel(LocalDate.of(2026, 2, 3), "m", "x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new WithdrawalRequest(1, 2, 0, LocalDate.of(2026, 1, 1), LocalDateTime.now(), 0, WithdrawalRequest.Channel.PORTAL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMemberIsToldEachDecisionWithTheBoardsReasonAndWhenTheMoneyIsPaid() {
        String link = "https://coop.example/s/x/my-shares";
        assertThat(Withdrawals.approvedLetter("Sun Energy", "Ann Able", 100, Money.ofPence(100_00), link))
                .contains("Dear Ann Able").contains("approved your request to withdraw 100 shares").contains("£100.00").contains(link);
        assertThat(Withdrawals.deferredLetter("Sun Energy", "Ann Able", 100, "Cash is short", link))
                .contains("deferred").contains("Reason: Cash is short").contains("keeps its place");
        assertThat(Withdrawals.refusedLetter("Sun Energy", "Ann Able", 100, "Over the cap", link))
                .contains("refused").contains("Reason: Over the cap");
        assertThat(Withdrawals.paidLetter("Sun Energy", "Ann Able", 100, Money.ofPence(100_00), LocalDate.of(2026, 3, 2), true, link))
                .contains("paid you £100.00 on 2026-03-02").contains("membership of Sun Energy has ended");
        assertThat(Withdrawals.paidLetter("Sun Energy", "Ann Able", 10, Money.ofPence(10_00), LocalDate.of(2026, 3, 2), false, link))
                .doesNotContain("ended");
    }
}
