package coop.cooperage.meetings.entity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The members' own votes in one poll, across channels, keeping one member one vote: for each
 * member and item it keeps only the submission that counts, by {@link Channel} precedence and,
 * within a channel, the latest timestamp (a member may change an online vote until the close;
 * a later paper replaces an earlier one). Equal channel and time: the later submitted wins, so
 * the result never depends on a hash order.
 *
 * <p>The poll closes at {@code closesAt}: a vote stamped at that instant or after is refused,
 * because "closes at 15:00" means no vote is taken at 15:00:00. Proxy votes are not submitted
 * here; they are derived from the {@link ProxyBook} when counting, after members' own votes.
 */
public class Poll {

    private final Instant closesAt;
    private final Set<Long> roll;
    private final Map<Key, Submission> counted = new LinkedHashMap<>();

    private record Key(long member, String item) {
    }

    /** @param roll the members entitled to vote, fixed by the {@link RecordDate} */
    public Poll(Instant closesAt, Set<Long> roll) {
        this.closesAt = Objects.requireNonNull(closesAt, "closesAt");
        this.roll = Set.copyOf(roll);
    }

    public void submit(Submission vote) {
        if (!vote.at().isBefore(closesAt)) {
            throw new VoteRefusedException("The poll closed at " + closesAt + "; a vote at " + vote.at() + " is too late");
        }
        if (!roll.contains(vote.member())) {
            throw new VoteRefusedException("Member " + vote.member() + " is not entitled to vote in this poll");
        }
        if (vote.channel() == Channel.PROXY) {
            throw new VoteRefusedException("Proxy votes come from the proxy book, not from submissions");
        }
        counted.merge(new Key(vote.member(), vote.item()), vote, Poll::prevailing);
    }

    private static Submission prevailing(Submission held, Submission incoming) {
        if (held.channel() != incoming.channel()) {
            return incoming.channel().outranks(held.channel()) ? incoming : held;
        }
        return incoming.at().isBefore(held.at()) ? held : incoming;
    }

    public boolean entitles(long member) {
        return roll.contains(member);
    }

    public Instant closesAt() {
        return closesAt;
    }

    public Optional<Submission> countedVote(long member, String item) {
        return Optional.ofNullable(counted.get(new Key(member, item)));
    }

    /** The one counted submission per member per item, in the order first voted. */
    public List<Submission> countedVotes() {
        return List.copyOf(counted.values());
    }
}
