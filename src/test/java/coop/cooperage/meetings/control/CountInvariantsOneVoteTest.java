package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.meetings.entity.Channel;
import coop.cooperage.meetings.entity.CountedVote;
import coop.cooperage.meetings.entity.Poll;
import coop.cooperage.meetings.entity.ProxyBook;
import coop.cooperage.meetings.entity.ProxyHolder;
import coop.cooperage.meetings.entity.ProxyRefusedException;
import coop.cooperage.meetings.entity.Submission;
import coop.cooperage.meetings.entity.VoteChoice;
import coop.cooperage.meetings.entity.VoteRefusedException;
import coop.cooperage.society.entity.RuleChangeMajority;
import coop.cooperage.society.entity.SocietyRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One member, one vote, on random meetings (seeded, so a failure names the seed that reproduces
 * it): any mix of channels, late votes, proxies, revocations and discretion still yields at most
 * one counted vote per member per item, only for members on the roll, and a member's own vote
 * is always the one counted when there is one.
 */
class CountInvariantsOneVoteTest {

    static final ZonedDateTime MEETING = ZonedDateTime.of(2026, 6, 20, 14, 0, 0, 0, ZoneId.of("Europe/London"));
    static final Instant CLOSE = MEETING.plusHours(2).toInstant();
    static final VoteChoice[] CHOICES = VoteChoice.values();
    static final Channel[] OWN = {Channel.IN_PERSON, Channel.POSTAL, Channel.ONLINE};

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void atMostOneCountedVotePerMemberPerItem(long seed) {
        Random random = new Random(seed * 31 + 7);
        int members = 1 + random.nextInt(30);
        List<String> items = new ArrayList<>();
        for (int i = 1, n = 1 + random.nextInt(4); i <= n; i++) {
            items.add(Integer.toString(i));
        }
        Set<Long> roll = new HashSet<>();
        for (long m = 1; m <= members; m++) {
            if (random.nextInt(5) > 0) {
                roll.add(m);
            }
        }
        SocietyRules rules = new SocietyRules(100, 50, 100_000, 100_000_00, 16, 91, new BigDecimal("10.00"), 14, 20,
                new BigDecimal("10.00"), true, RuleChangeMajority.TWO_THIRDS, random.nextInt(6) > 0,
                1 + random.nextInt(4), random.nextInt(72), 10);
        ProxyBook proxies = new ProxyBook(rules, MEETING);
        Poll poll = new Poll(CLOSE, roll);

        for (int i = 0, n = random.nextInt(members * 2); i < n; i++) {
            long appointer = 1 + random.nextInt(members);
            ProxyHolder holder = random.nextBoolean() ? ProxyHolder.chair() : ProxyHolder.member(1 + random.nextInt(members));
            Map<String, VoteChoice> directions = new HashMap<>();
            items.stream().filter(x -> random.nextBoolean()).forEach(x -> directions.put(x, CHOICES[random.nextInt(3)]));
            ZonedDateTime at = MEETING.minusHours(random.nextInt(100));
            try {
                if (random.nextInt(4) == 0) {
                    proxies.revoke(appointer, at);
                } else {
                    proxies.appoint(appointer, holder, directions, at);
                }
            } catch (ProxyRefusedException refused) {
                // refusals are part of the mix; the invariant must hold whatever was accepted
            }
        }
        for (int i = 0, n = random.nextInt(members * items.size() * 3 + 1); i < n; i++) {
            Instant at = CLOSE.minusSeconds(random.nextInt(100_000) - 50);
            var vote = new Submission(1 + random.nextInt(members), items.get(random.nextInt(items.size())),
                    OWN[random.nextInt(3)], at, CHOICES[random.nextInt(3)]);
            try {
                poll.submit(vote);
            } catch (VoteRefusedException refused) {
                assertThat(!vote.at().isBefore(CLOSE) || !roll.contains(vote.member())).isTrue();
            }
        }
        Map<ProxyHolder, Map<String, VoteChoice>> discretion = new HashMap<>();
        discretion.put(ProxyHolder.chair(), items.stream().collect(Collectors.toMap(x -> x, x -> CHOICES[random.nextInt(3)])));

        List<CountedVote> votes = Count.count(items, poll, proxies, discretion);

        Set<String> seen = new HashSet<>();
        for (CountedVote vote : votes) {
            assertThat(seen.add(vote.member() + "/" + vote.item())).as("duplicate %s", vote).isTrue();
            assertThat(roll).contains(vote.member());
            poll.countedVote(vote.member(), vote.item()).ifPresentOrElse(
                    own -> assertThat(vote.choice()).isEqualTo(own.choice()),
                    () -> assertThat(vote.channel()).isEqualTo(Channel.PROXY));
        }
        for (String item : items) {
            assertThat(Count.tally(votes, item).participated())
                    .isEqualTo(votes.stream().filter(v -> v.item().equals(item)).count());
        }
    }
}
