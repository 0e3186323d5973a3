package coop.cooperage.payments.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.money.Money;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PaymentRunTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    static final LocalDateTime LATER = LocalDateTime.of(2026, 12, 3, 10, 0);

    static PaymentRun run(int number) {
        var run = new PaymentRun(1, number, MONDAY, MONDAY.plusDays(2), "123456", "RIVERSIDE", new byte[] {1}, MONDAY.atTime(9, 0), "t@x");
        run.add(Money.ofPence(1500));
        run.add(Money.ofPence(250));
        return run;
    }

    @Test
    void theSerialIsTheRunNumberZeroPaddedAndNeverAllZeros() {
        assertThat(PaymentRun.serialFor(1)).isEqualTo("000001");
        assertThat(PaymentRun.serialFor(123456)).isEqualTo("123456");
        assertThatThrownBy(() -> PaymentRun.serialFor(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentRun.serialFor(1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(run(7).serial()).isEqualTo("000007");
    }

    @Test
    void aBankHolidayIsRefusedNamingTheHolidayAndTheNextWorkingDay() {
        // Friday 25 December 2026; Monday 28 is the Boxing Day substitute, so Tuesday 29 is next
        assertThat(PaymentRun.processingDateProblem(MONDAY, LocalDate.of(2026, 12, 25))).get().asString()
                .contains("bank holiday").contains("Friday 25 December 2026 is Christmas Day").contains("Tuesday 29 December 2026");
        assertThat(PaymentRun.processingDateProblem(MONDAY, LocalDate.of(2026, 12, 28))).get().asString()
                .contains("Boxing Day (substitute day)");
        assertThat(PaymentRun.processingDateProblem(MONDAY, LocalDate.of(2026, 12, 24))).isEmpty();
        assertThat(PaymentRun.processingDateProblem(MONDAY, LocalDate.of(2026, 12, 29))).isEmpty();
        assertThatThrownBy(() -> new PaymentRun(1, 1, MONDAY, LocalDate.of(2026, 12, 25), "123456", "X", new byte[0], LATER, "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Christmas Day");
    }

    @Test
    void processingDayIsAWeekdayFromTodayToThirtyOneDaysAhead() {
        assertThat(PaymentRun.processingDateProblem(MONDAY, MONDAY)).isEmpty();
        assertThat(PaymentRun.processingDateProblem(MONDAY, MONDAY.plusDays(4))).isEmpty(); // Friday
        assertThat(PaymentRun.processingDateProblem(MONDAY, MONDAY.plusDays(5))).get().asString().contains("weekend");
        assertThat(PaymentRun.processingDateProblem(MONDAY, MONDAY.plusDays(6))).get().asString().contains("weekend");
        assertThat(PaymentRun.processingDateProblem(MONDAY, MONDAY.minusDays(1))).get().asString().contains("today or later");
        assertThat(PaymentRun.processingDateProblem(MONDAY, MONDAY.plusDays(31))).isEmpty(); // Wednesday 31 Dec
        assertThat(PaymentRun.processingDateProblem(MONDAY, MONDAY.plusDays(32))).get().asString().contains("31 days");
        assertThat(PaymentRun.processingDateProblem(MONDAY, null)).isPresent();
        assertThatThrownBy(() -> new PaymentRun(1, 1, MONDAY, MONDAY.plusDays(5), "123456", "X", new byte[0], LATER, "t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void totalsFollowWhatIsAddedAndRemoved() {
        var run = run(1);
        assertThat(run.itemCount()).isEqualTo(2);
        assertThat(run.total()).isEqualTo(Money.ofPence(1750));
        run.remove(Money.ofPence(250));
        assertThat(run.itemCount()).isEqualTo(1);
        assertThat(run.total()).isEqualTo(Money.ofPence(1500));
    }

    @Test
    void aRunIsPaidOnceAndThenCannotChange() {
        var run = run(3);
        run.pay(MONDAY.plusDays(2), LATER, "t@x");
        assertThat(run.state()).isEqualTo(PaymentRunState.PAID);
        assertThat(run.paidOn()).isEqualTo(MONDAY.plusDays(2));
        assertThatThrownBy(() -> run.pay(MONDAY.plusDays(3), LATER, "u@x")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already marked paid on 2026-12-02 by t@x");
        assertThat(run.paidBy()).isEqualTo("t@x");
        assertThatThrownBy(() -> run.remove(Money.ofPence(250))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> run.cancel(LATER, "t@x")).isInstanceOf(ConflictException.class);
    }

    @Test
    void aCancelledOrEmptyRunCannotBePaid() {
        var cancelled = run(4);
        cancelled.cancel(LATER, "t@x");
        assertThatThrownBy(() -> cancelled.pay(MONDAY, LATER, "t@x")).isInstanceOf(ConflictException.class).hasMessageContaining("cancelled");
        var empty = run(5);
        empty.remove(Money.ofPence(1500));
        empty.remove(Money.ofPence(250));
        assertThatThrownBy(() -> empty.pay(MONDAY, LATER, "t@x")).isInstanceOf(ConflictException.class).hasMessageContaining("no payments");
        assertThat(empty.state()).isEqualTo(PaymentRunState.DRAFT);
    }

    @Test
    void theDayPaidIsNotBeforeTheRunWasMadeNorInTheFuture() {
        var run = run(6);
        assertThatThrownBy(() -> run.pay(MONDAY.minusDays(1), LATER, "t@x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("before it was made");
        assertThatThrownBy(() -> run.pay(LATER.toLocalDate().plusDays(2), LATER, "t@x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("future");
        assertThat(run.state()).isEqualTo(PaymentRunState.DRAFT);
    }

    @Test
    void onceItsFileIsIssuedARunCannotBeCancelledOrTrimmedOnlyRejectedByTheBank() {
        var run = run(4);
        assertThatThrownBy(() -> run.reject("too early", LATER, "t@x")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("cancel the run instead");
        assertThat(run.issueFile(LATER, "t@x")).isTrue();
        assertThat(run.issueFile(LATER.plusHours(1), "u@x")).isFalse(); // the first download is what counts
        assertThat(run.fileIssuedBy()).isEqualTo("t@x");
        assertThatThrownBy(() -> run.remove(Money.ofPence(250))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("downloaded by t@x");
        assertThatThrownBy(() -> run.cancel(LATER, "t@x")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("may already be with the bank");
        assertThat(run.total()).isEqualTo(Money.ofPence(1750));
        assertThat(run.state()).isEqualTo(PaymentRunState.DRAFT);
        run.reject("Bacs: invalid originator", LATER, "t@x");
        assertThat(run.state()).isEqualTo(PaymentRunState.REJECTED);
        assertThat(run.rejectedReason()).isEqualTo("Bacs: invalid originator");
        assertThatThrownBy(() -> run.pay(MONDAY, LATER, "t@x")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> run.reject("again", LATER, "t@x")).isInstanceOf(ConflictException.class);
    }
}
