package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.meetings.entity.NoticeCheck;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NoticeTest {

    static final LocalDate FIRST = LocalDate.of(2026, 3, 1);

    @Test
    void fourteenClearDaysFromTheFirstAllowsAMeetingOnTheSixteenth() {
        NoticeCheck check = Notice.check(FIRST, LocalDate.of(2026, 3, 16), 14);
        assertThat(check.lawful()).isTrue();
        assertThat(check.clearDaysGiven()).isEqualTo(14);
        assertThat(check.refusal()).isEmpty();
    }

    @Test
    void theFifteenthIsOneDayShortAndTheRefusalNamesBothRemedies() {
        NoticeCheck check = Notice.check(FIRST, LocalDate.of(2026, 3, 15), 14);
        assertThat(check.lawful()).isFalse();
        assertThat(check.clearDaysGiven()).isEqualTo(13);
        assertThat(check.earliestMeeting()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(check.latestSending()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(check.refusal()).hasValueSatisfying(message -> assertThat(message)
                .contains("13 clear days", "14", "2026-03-16", "2026-02-28"));
    }

    @Test
    void neitherTheDayOfSendingNorTheDayOfTheMeetingCounts() {
        assertThat(Notice.check(FIRST, FIRST.plusDays(1), 0).lawful()).isTrue();
        assertThat(Notice.check(FIRST, FIRST.plusDays(1), 1).lawful()).isFalse();
        assertThat(Notice.check(FIRST, FIRST.plusDays(2), 1).lawful()).isTrue();
    }

    @Test
    void aMeetingOnTheDayOfSendingOrBeforeIsNeverLawful() {
        assertThat(Notice.check(FIRST, FIRST, 0).lawful()).isFalse();
        assertThat(Notice.check(FIRST, FIRST.minusDays(3), 0).clearDaysGiven()).isZero();
    }

    @Test
    void clearDaysRunAcrossMonthAndLeapYearEnds() {
        // 2028 is a leap year: 16 Feb + 14 clear days (17 Feb .. 1 Mar) -> 2 Mar
        assertThat(Notice.earliestMeeting(LocalDate.of(2028, 2, 16), 14)).isEqualTo(LocalDate.of(2028, 3, 2));
        assertThat(Notice.earliestMeeting(LocalDate.of(2027, 2, 16), 14)).isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(Notice.latestSending(LocalDate.of(2027, 1, 10), 14)).isEqualTo(LocalDate.of(2026, 12, 26));
    }

    @Test
    void postalNoticeIsDeemedServedLaterOnlyWhenTheSocietySaysSo() {
        LocalDate meeting = LocalDate.of(2026, 3, 16);
        assertThat(Notice.check(FIRST, meeting, 14, 0).lawful()).isTrue();
        NoticeCheck posted = Notice.check(FIRST, meeting, 14, 2);
        assertThat(posted.lawful()).isFalse();
        assertThat(posted.clearDaysGiven()).isEqualTo(12);
        assertThat(posted.earliestMeeting()).isEqualTo(LocalDate.of(2026, 3, 18));
        assertThat(posted.latestSending()).isEqualTo(LocalDate.of(2026, 2, 27));
    }

    @Test
    void negativeDaysAreAProgrammingError() {
        assertThatThrownBy(() -> Notice.check(FIRST, FIRST, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Notice.check(FIRST, FIRST, 14, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
