package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.meetings.entity.Channel;
import coop.cooperage.platform.control.Clocks;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The single number the vote upsert compares: it must order submissions exactly as the pure
 * rule ({@code Poll}) does, channel first and time second, or the database would keep a
 * different vote from the one the rules say counts.
 */
class VotePrecedenceTest {

    private static final Instant EARLY = LocalDateTime.of(2026, 1, 1, 9, 0).toInstant(ZoneOffset.UTC);
    private static final Instant LATE = LocalDateTime.of(2286, 1, 1, 9, 0).toInstant(ZoneOffset.UTC);

    @Test
    void aStrongerChannelWinsWhateverTheTime() {
        assertThat(MeetingVotes.precedence(Channel.IN_PERSON, EARLY)).isGreaterThan(MeetingVotes.precedence(Channel.POSTAL, LATE));
        assertThat(MeetingVotes.precedence(Channel.POSTAL, EARLY)).isGreaterThan(MeetingVotes.precedence(Channel.ONLINE, LATE));
        assertThat(MeetingVotes.precedence(Channel.ONLINE, EARLY)).isGreaterThan(MeetingVotes.precedence(Channel.PROXY, LATE));
    }

    @Test
    void withinAChannelTheLaterVoteWinsToTheMicrosecond() {
        var t = LocalDateTime.of(2026, 12, 2, 19, 0, 0, 1_000).toInstant(ZoneOffset.UTC);
        assertThat(MeetingVotes.precedence(Channel.ONLINE, t)).isGreaterThan(MeetingVotes.precedence(Channel.ONLINE, t.minusNanos(1_000)));
        assertThat(MeetingVotes.precedence(Channel.ONLINE, t)).isEqualTo(MeetingVotes.precedence(Channel.ONLINE, t));
    }

    @Test
    void aVoteChangedInTheRepeatedAutumnHourRanksAfterTheOneItReplaces() {
        // 25 October 2026: UK clocks go back at 02:00 BST, so 01:00 to 02:00 happens twice
        var firstPass = ZonedDateTime.ofLocal(LocalDateTime.of(2026, 10, 25, 1, 50), Clocks.UK, ZoneOffset.ofHours(1));
        var secondPass = ZonedDateTime.ofLocal(LocalDateTime.of(2026, 10, 25, 1, 10), Clocks.UK, ZoneOffset.UTC);
        assertThat(secondPass.toInstant()).isAfter(firstPass.toInstant());
        assertThat(MeetingVotes.precedence(Channel.ONLINE, secondPass.toInstant()))
                .isGreaterThan(MeetingVotes.precedence(Channel.ONLINE, firstPass.toInstant()));
    }

    @Test
    void theNumberFitsALongForEveryChannel() {
        assertThat(MeetingVotes.precedence(Channel.IN_PERSON, LATE)).isPositive();
    }
}
