package coop.cooperage.meetings.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RecordDateTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 20);
    final RecordDate record = new RecordDate(DAY);

    @Test
    void aMemberWhoJoinsOnTheRecordDateMayVote() {
        assertThat(record.entitles(DAY, null)).isTrue();
        assertThat(record.entitles(DAY.minusYears(3), null)).isTrue();
    }

    @Test
    void aMemberWhoJoinsTheDayAfterMayNot() {
        assertThat(record.entitles(DAY.plusDays(1), null)).isFalse();
    }

    @Test
    void aMemberWhoCeasesOnTheRecordDateIsOffTheRegisterAtTheEndOfIt() {
        assertThat(record.entitles(DAY.minusYears(1), DAY)).isFalse();
        assertThat(record.entitles(DAY.minusYears(1), DAY.minusDays(1))).isFalse();
    }

    @Test
    void aMemberWhoCeasesTheDayAfterMayStillVote() {
        assertThat(record.entitles(DAY.minusYears(1), DAY.plusDays(1))).isTrue();
    }

    @Test
    void aMemberWhoNeverJoinedMayNot() {
        assertThat(record.entitles(null, null)).isFalse();
    }
}
