package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.meetings.entity.Channel;
import coop.cooperage.meetings.entity.CountedVote;
import coop.cooperage.meetings.entity.Poll;
import coop.cooperage.meetings.entity.ProxyBook;
import coop.cooperage.meetings.entity.ProxyHolder;
import coop.cooperage.meetings.entity.Submission;
import coop.cooperage.meetings.entity.Tally;
import coop.cooperage.meetings.entity.VoteChoice;
import coop.cooperage.society.entity.RuleChangeMajority;
import coop.cooperage.society.entity.SocietyRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CountTest {

    static final ZonedDateTime MEETING = ZonedDateTime.of(2026, 6, 20, 14, 0, 0, 0, ZoneId.of("Europe/London"));
    static final Instant CLOSE = MEETING.plusHours(2).toInstant();
    static final SocietyRules RULES = new SocietyRules(100, 50, 100_000, 100_000_00, 16, 91, new BigDecimal("10.00"), 14,
            20, new BigDecimal("10.00"), true, RuleChangeMajority.TWO_THIRDS, true, 5, 48, 10);
    static final List<String> ITEMS = List.of("1", "2");

    final Poll poll = new Poll(CLOSE, Set.of(1L, 2L, 3L, 4L, 5L));
    final ProxyBook proxies = new ProxyBook(RULES, MEETING);

    @Test
    void aDirectedProxyVotesAsDirectedAndAnUndirectedOneAsTheHolderChooses() {
        proxies.appoint(1, ProxyHolder.chair(), Map.of("1", VoteChoice.AGAINST), MEETING.minusDays(5));
        List<CountedVote> votes = Count.count(ITEMS, poll, proxies,
                Map.of(ProxyHolder.chair(), Map.of("1", VoteChoice.FOR, "2", VoteChoice.FOR)));
        assertThat(votes).containsExactlyInAnyOrder(
                new CountedVote(1, "1", VoteChoice.AGAINST, Channel.PROXY),
                new CountedVote(1, "2", VoteChoice.FOR, Channel.PROXY));
    }

    @Test
    void aMembersOwnVoteOverridesTheirProxyOnThatItem() {
        proxies.appoint(1, ProxyHolder.member(2), Map.of("1", VoteChoice.AGAINST, "2", VoteChoice.AGAINST), MEETING.minusDays(5));
        poll.submit(new Submission(1, "1", Channel.IN_PERSON, CLOSE.minusSeconds(60), VoteChoice.FOR));
        List<CountedVote> votes = Count.count(ITEMS, poll, proxies, Map.of());
        assertThat(votes).containsExactlyInAnyOrder(
                new CountedVote(1, "1", VoteChoice.FOR, Channel.IN_PERSON),
                new CountedVote(1, "2", VoteChoice.AGAINST, Channel.PROXY));
    }

    @Test
    void aDiscretionaryProxyTheHolderDidNotUseCountsForNothing() {
        proxies.appoint(1, ProxyHolder.member(2), Map.of(), MEETING.minusDays(5));
        assertThat(Count.count(ITEMS, poll, proxies, Map.of())).isEmpty();
    }

    @Test
    void theTallyCountsEachMemberOnce() {
        proxies.appoint(1, ProxyHolder.chair(), Map.of(), MEETING.minusDays(5));
        proxies.appoint(2, ProxyHolder.chair(), Map.of("1", VoteChoice.AGAINST), MEETING.minusDays(5));
        poll.submit(new Submission(3, "1", Channel.ONLINE, CLOSE.minusSeconds(600), VoteChoice.AGAINST));
        poll.submit(new Submission(3, "1", Channel.ONLINE, CLOSE.minusSeconds(60), VoteChoice.FOR));
        poll.submit(new Submission(4, "1", Channel.POSTAL, CLOSE.minusSeconds(6000), VoteChoice.ABSTAIN));
        poll.submit(new Submission(2, "1", Channel.IN_PERSON, CLOSE.minusSeconds(60), VoteChoice.FOR));
        List<CountedVote> votes = Count.count(ITEMS, poll, proxies, Map.of(ProxyHolder.chair(), Map.of("1", VoteChoice.FOR)));
        // 1 by the chair's discretion FOR, 2 in person FOR (overriding AGAINST), 3 online last FOR, 4 postal ABSTAIN
        assertThat(Count.tally(votes, "1")).isEqualTo(new Tally(3, 0, 1));
        assertThat(Count.tally(votes, "2")).isEqualTo(Tally.NONE);
    }

    @Test
    void proxiesOfMembersOffTheRollAreNotCounted() {
        proxies.appoint(42, ProxyHolder.chair(), Map.of("1", VoteChoice.FOR), MEETING.minusDays(5));
        assertThat(Count.count(ITEMS, poll, proxies, Map.of())).isEmpty();
    }
}
