package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.meetings.entity.MeetingKind;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class NoticeVisibilityTest {

    private static Meeting draft() {
        return new Meeting(1L, MeetingKind.AGM, "AGM", LocalDateTime.of(2026, 6, 1, 19, 0), null, "Hall", null,
                "1. Accounts", LocalDate.of(2026, 5, 1), LocalDateTime.of(2026, 4, 1, 9, 0));
    }

    private static void state(Meeting m, String state) throws Exception {
        Field f = Meeting.class.getDeclaredField("state");
        f.setAccessible(true);
        f.set(m, coop.cooperage.meetings.entity.MeetingState.valueOf(state));
    }

    @Test
    void membersCannotReadTheAgendaOfADraft() {
        assertThat(Notice.readableByMembers(draft())).isFalse();
    }

    @Test
    void membersReadTheNoticeOnceItHasBeenGiven() throws Exception {
        var m = draft();
        m.giveNotice(LocalDate.of(2026, 5, 1), 14);
        assertThat(Notice.readableByMembers(m)).isTrue();
        state(m, "OPEN");
        assertThat(Notice.readableByMembers(m)).isTrue();
        state(m, "CLOSED");
        assertThat(Notice.readableByMembers(m)).isTrue();
        state(m, "CANCELLED");
        assertThat(Notice.readableByMembers(m)).as("cancelled after notice: members were told of it").isTrue();
    }

    @Test
    void aMeetingCancelledBeforeNoticeWasNeverAnnounced() throws Exception {
        var m = draft();
        state(m, "CANCELLED");
        assertThat(Notice.readableByMembers(m)).isFalse();
    }
}
