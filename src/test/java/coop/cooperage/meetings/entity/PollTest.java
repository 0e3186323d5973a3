package coop.cooperage.meetings.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PollTest {

    static final Instant CLOSE = Instant.parse("2026-06-20T15:00:00Z");
    final Poll poll = new Poll(CLOSE, Set.of(1L, 2L, 3L));

    static Submission vote(long member, Channel channel, Instant at, VoteChoice choice) {
        return new Submission(member, "1", channel, at, choice);
    }

    @Test
    void theLastOnlineVoteBeforeTheCloseCounts() {
        poll.submit(vote(1, Channel.ONLINE, CLOSE.minusSeconds(300), VoteChoice.FOR));
        poll.submit(vote(1, Channel.ONLINE, CLOSE.minusSeconds(60), VoteChoice.AGAINST));
        assertThat(poll.countedVote(1, "1")).map(Submission::choice).contains(VoteChoice.AGAINST);
    }

    @Test
    void orderOfArrivalDoesNotMatterOnlyTheTimestamp() {
        poll.submit(vote(1, Channel.ONLINE, CLOSE.minusSeconds(60), VoteChoice.AGAINST));
        poll.submit(vote(1, Channel.ONLINE, CLOSE.minusSeconds(300), VoteChoice.FOR));
        assertThat(poll.countedVote(1, "1")).map(Submission::choice).contains(VoteChoice.AGAINST);
    }

    @Test
    void postalBeatsOnlineWhateverTheTimes() {
        poll.submit(vote(1, Channel.POSTAL, CLOSE.minusSeconds(86_400), VoteChoice.FOR));
        poll.submit(vote(1, Channel.ONLINE, CLOSE.minusSeconds(60), VoteChoice.AGAINST));
        assertThat(poll.countedVote(1, "1")).map(Submission::channel).contains(Channel.POSTAL);
    }

    @Test
    void inPersonBeatsPostalAndOnline() {
        poll.submit(vote(1, Channel.POSTAL, CLOSE.minusSeconds(86_400), VoteChoice.FOR));
        poll.submit(vote(1, Channel.IN_PERSON, CLOSE.minusSeconds(3_600), VoteChoice.ABSTAIN));
        poll.submit(vote(1, Channel.ONLINE, CLOSE.minusSeconds(60), VoteChoice.AGAINST));
        assertThat(poll.countedVote(1, "1")).map(Submission::choice).contains(VoteChoice.ABSTAIN);
    }

    @Test
    void aVoteAtOrAfterTheCloseIsRefused() {
        assertThatThrownBy(() -> poll.submit(vote(1, Channel.ONLINE, CLOSE, VoteChoice.FOR)))
                .isInstanceOf(VoteRefusedException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> poll.submit(vote(1, Channel.IN_PERSON, CLOSE.plusSeconds(1), VoteChoice.FOR)))
                .isInstanceOf(VoteRefusedException.class);
        assertThat(poll.countedVote(1, "1")).isEmpty();
    }

    @Test
    void aLateVoteDoesNotDisturbTheEarlierOne() {
        poll.submit(vote(1, Channel.ONLINE, CLOSE.minusSeconds(60), VoteChoice.FOR));
        assertThatThrownBy(() -> poll.submit(vote(1, Channel.ONLINE, CLOSE.plusSeconds(1), VoteChoice.AGAINST)))
                .isInstanceOf(VoteRefusedException.class);
        assertThat(poll.countedVote(1, "1")).map(Submission::choice).contains(VoteChoice.FOR);
    }

    @Test
    void onlyMembersOnTheRollMayVote() {
        assertThatThrownBy(() -> poll.submit(vote(99, Channel.ONLINE, CLOSE.minusSeconds(1), VoteChoice.FOR)))
                .isInstanceOf(VoteRefusedException.class).hasMessageContaining("not entitled");
    }

    @Test
    void proxyVotesComeFromTheProxyBookNotFromSubmissions() {
        assertThatThrownBy(() -> poll.submit(vote(1, Channel.PROXY, CLOSE.minusSeconds(1), VoteChoice.FOR)))
                .isInstanceOf(VoteRefusedException.class);
    }

    @Test
    void oneCountedVotePerMemberPerItem() {
        poll.submit(vote(1, Channel.ONLINE, CLOSE.minusSeconds(9), VoteChoice.FOR));
        poll.submit(vote(1, Channel.ONLINE, CLOSE.minusSeconds(8), VoteChoice.FOR));
        poll.submit(vote(2, Channel.POSTAL, CLOSE.minusSeconds(7), VoteChoice.AGAINST));
        poll.submit(new Submission(1, "2", Channel.ONLINE, CLOSE.minusSeconds(6), VoteChoice.ABSTAIN));
        assertThat(poll.countedVotes()).hasSize(3);
    }
}
