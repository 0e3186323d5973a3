package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.meetings.entity.Channel;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The single number the vote upsert compares: it must order submissions exactly as the pure
 * rule ({@code Poll}) does, channel first and time second, or the database would keep a
 * different vote from the one the rules say counts.
 */
class VotePrecedenceTest {

    private static final LocalDateTime EARLY = LocalDateTime.of(2026, 1, 1, 9, 0);
    private static final LocalDateTime LATE = LocalDateTime.of(2286, 1, 1, 9, 0);

    @Test
    void aStrongerChannelWinsWhateverTheTime() {
        assertThat(MeetingVotes.precedence(Channel.IN_PERSON, EARLY)).isGreaterThan(MeetingVotes.precedence(Channel.POSTAL, LATE));
        assertThat(MeetingVotes.precedence(Channel.POSTAL, EARLY)).isGreaterThan(MeetingVotes.precedence(Channel.ONLINE, LATE));
        assertThat(MeetingVotes.precedence(Channel.ONLINE, EARLY)).isGreaterThan(MeetingVotes.precedence(Channel.PROXY, LATE));
    }

    @Test
    void withinAChannelTheLaterVoteWinsToTheMicrosecond() {
        var t = LocalDateTime.of(2026, 12, 2, 19, 0, 0, 1_000);
        assertThat(MeetingVotes.precedence(Channel.ONLINE, t)).isGreaterThan(MeetingVotes.precedence(Channel.ONLINE, t.minusNanos(1_000)));
        assertThat(MeetingVotes.precedence(Channel.ONLINE, t)).isEqualTo(MeetingVotes.precedence(Channel.ONLINE, t));
    }

    @Test
    void theNumberFitsALongForEveryChannel() {
        assertThat(MeetingVotes.precedence(Channel.IN_PERSON, LATE)).isPositive();
    }
}
