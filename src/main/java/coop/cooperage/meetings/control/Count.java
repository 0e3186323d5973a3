package coop.cooperage.meetings.control;

import coop.cooperage.meetings.entity.Channel;
import coop.cooperage.meetings.entity.CountedVote;
import coop.cooperage.meetings.entity.Poll;
import coop.cooperage.meetings.entity.ProxyAppointment;
import coop.cooperage.meetings.entity.ProxyBook;
import coop.cooperage.meetings.entity.ProxyHolder;
import coop.cooperage.meetings.entity.Submission;
import coop.cooperage.meetings.entity.Tally;
import coop.cooperage.meetings.entity.VoteChoice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns members' own votes and the proxy book into exactly one counted vote per member per item.
 * A member's own vote (whichever channel won in the {@link Poll}) always wins; otherwise their
 * proxy votes as directed on that item, or, undirected, as the holder chose at their discretion.
 * A discretionary proxy the holder did not use is no vote at all, not an abstention: nobody chose.
 */
public final class Count {

    private Count() {
    }

    /**
     * @param discretion each proxy holder's choice per item for the proxies they hold undirected;
     *                   one choice per holder and item, applied to every undirected proxy they hold
     */
    public static List<CountedVote> count(Collection<String> items, Poll poll, ProxyBook proxies,
            Map<ProxyHolder, Map<String, VoteChoice>> discretion) {
        List<CountedVote> votes = new ArrayList<>();
        for (String item : items) {
            for (Submission own : poll.countedVotes()) {
                if (own.item().equals(item)) {
                    votes.add(new CountedVote(own.member(), item, own.choice(), own.channel()));
                }
            }
            for (ProxyAppointment proxy : proxies.appointments()) {
                if (poll.entitles(proxy.appointer()) && poll.countedVote(proxy.appointer(), item).isEmpty()) {
                    proxyChoice(proxy, item, discretion)
                            .ifPresent(choice -> votes.add(new CountedVote(proxy.appointer(), item, choice, Channel.PROXY)));
                }
            }
        }
        return votes;
    }

    private static Optional<VoteChoice> proxyChoice(ProxyAppointment proxy, String item,
            Map<ProxyHolder, Map<String, VoteChoice>> discretion) {
        return proxy.directionOn(item)
                .or(() -> Optional.ofNullable(discretion.getOrDefault(proxy.holder(), Map.of()).get(item)));
    }

    public static Tally tally(Collection<CountedVote> votes, String item) {
        Tally tally = Tally.NONE;
        for (CountedVote vote : votes) {
            if (vote.item().equals(item)) {
                tally = tally.add(vote.choice());
            }
        }
        return tally;
    }
}
