package coop.cooperage.meetings.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.meetings.control.Resolutions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** What a resolution and a meeting allow, in order: the states the pages and the API rely on. */
class ResolutionLifecycleTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 6, 1, 19, 0);

    private static Resolution ordinary() {
        return new Resolution(1, 1, 1, "Accounts", "That the accounts be received", "The board", ResolutionKind.ORDINARY, false);
    }

    @Test
    void aShowOfHandsGivesWayToAPollDemandedAfterIt() {
        var r = ordinary();
        r.declare(Resolutions.ordinary(new Tally(3, 1, 0)), DecidedBy.SHOW_OF_HANDS, 10, AT);
        assertThat(r.state()).isEqualTo(ResolutionState.CARRIED);
        assertThat(r.acceptsVotes()).isTrue();
        r.demandPoll();
        assertThat(r.state()).isEqualTo(ResolutionState.OPEN);
        assertThat(r.votesFor()).isNull();
        r.declare(Resolutions.ordinary(new Tally(4, 6, 1)), DecidedBy.POLL, 10, AT);
        assertThat(r.state()).isEqualTo(ResolutionState.LOST);
        assertThat(r.declaredTally()).isEqualTo(new Tally(4, 6, 1));
        assertThat(r.acceptsVotes()).isFalse();
        assertThatThrownBy(r::demandPoll).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(r::withdraw).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aResultOfTheWrongKindCannotDecideAResolution() {
        var r = ordinary();
        assertThatThrownBy(() -> r.declare(Resolutions.s111FirstMeeting(new Tally(3, 1, 0)), DecidedBy.POLL, 10, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(r.state()).isEqualTo(ResolutionState.PROPOSED);
    }

    @Test
    void aWithdrawnResolutionTakesNoVotesAndNoShowOfHands() {
        var r = ordinary();
        r.withdraw();
        assertThat(r.acceptsVotes()).isFalse();
        assertThatThrownBy(() -> r.declare(Resolutions.ordinary(new Tally(1, 0, 0)), DecidedBy.SHOW_OF_HANDS, 1, AT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noticeIsGivenInOnePlaceAndRefusedWhenItIsTooShort() {
        var m = new Meeting(1, MeetingKind.AGM, "AGM", AT, null, "Hall", null, "Business", LocalDate.of(2026, 5, 1), AT.minusDays(30));
        // 1 June meeting, 14 clear days: 17 May is the last day notice may go out
        assertThatThrownBy(() -> m.giveNotice(LocalDate.of(2026, 5, 18), 14)).isInstanceOf(IllegalStateException.class);
        assertThat(m.state()).isEqualTo(MeetingState.DRAFT);
        m.giveNotice(LocalDate.of(2026, 5, 17), 14);
        assertThat(m.state()).isEqualTo(MeetingState.NOTICED);
        m.giveNotice(LocalDate.of(2026, 5, 16), 14);
        assertThat(m.noticeSentOn()).as("a recorded date may be corrected").isEqualTo(LocalDate.of(2026, 5, 16));
        m.open();
        assertThatThrownBy(() -> m.giveNotice(LocalDate.of(2026, 5, 15), 14)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thePollRunsFromNoticeUntilItClosesAndClosingTheMeetingClosesIt() {
        var m = new Meeting(1, MeetingKind.AGM, "AGM", AT, null, "Hall", null, "Business", LocalDate.of(2026, 5, 1), AT.minusDays(30));
        assertThat(m.pollOpenAt(AT.minusDays(20))).as("no notice yet").isFalse();
        m.giveNotice(LocalDate.of(2026, 5, 10), 14);
        assertThat(m.pollOpenAt(AT.minusDays(20))).isTrue();
        m.open();
        m.closePoll(AT.plusMinutes(30));
        assertThat(m.pollOpenAt(AT.plusMinutes(29))).isTrue();
        assertThat(m.pollOpenAt(AT.plusMinutes(30))).as("closes at means no vote at that instant").isFalse();
        m.close(AT.plusMinutes(10));
        assertThat(m.pollClosesAt()).isEqualTo(AT.plusMinutes(10));
        assertThat(m.state()).isEqualTo(MeetingState.CLOSED);
        assertThat(m.pollClosedAt(AT)).isTrue();
        assertThatThrownBy(m::open).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMeetingCannotOpenWithoutNotice() {
        var m = new Meeting(1, MeetingKind.GENERAL, "EGM", AT, null, "Hall", null, "Business", LocalDate.of(2026, 5, 1), AT);
        assertThatThrownBy(m::open).hasMessageContaining("Notice of the meeting has not been given");
    }
}
