package coop.cooperage.meetings.control;

import coop.cooperage.meetings.entity.DirectorChoice;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of directors' decisions, without a database.
 *
 * <p>At a board meeting an item is decided by the directors present who have not declared a
 * conflict of interest in it. The board is quorate for the item when at least {@code quorum} such
 * directors are present (the rules' board quorum, a setting: conflicted directors do not count
 * towards it, as most model rules say). The item is carried when more of those directors voted for
 * it than against; abstentions and directors who did not vote count for neither side, and a tie is
 * lost (there is no chair's casting vote unless the rules give one, and Cooperage does not assume it).
 *
 * <p>A written resolution is circulated to every director in office on the day it is circulated,
 * less those who declare a conflict of interest in it (the eligible directors). It is passed when
 * every eligible director has approved it, and fails as soon as one refuses: a written resolution
 * stands in for a meeting only with unanimous consent. A resolution with no eligible director
 * cannot pass.
 */
public final class BoardCount {

    private BoardCount() {
    }

    public record MeetingResult(boolean quorate, boolean carried, int votesFor, int votesAgainst, int abstentions, int eligible) {
        public String summary() {
            if (!quorate) {
                return "Not quorate: " + eligible + " directors without a conflict present";
            }
            return (carried ? "Carried" : "Lost") + ": " + votesFor + " for, " + votesAgainst + " against, " + abstentions + " abstaining";
        }
    }

    public enum WrittenOutcome { PENDING, PASSED, FAILED }

    /**
     * @param present    directors recorded as present at the meeting
     * @param conflicted directors who declared a conflict of interest in the item
     * @param votes      each voting director's choice
     * @param quorum     how many directors without a conflict must be present
     */
    public static MeetingResult atMeeting(Set<Long> present, Set<Long> conflicted, Map<Long, DirectorChoice> votes, int quorum) {
        Objects.requireNonNull(votes, "votes");
        int eligible = (int) present.stream().filter(d -> !conflicted.contains(d)).count();
        int votesFor = 0;
        int against = 0;
        int abstentions = 0;
        for (var vote : votes.entrySet()) {
            if (!present.contains(vote.getKey()) || conflicted.contains(vote.getKey())) {
                continue; // never counted, even if a row slipped in before a declaration
            }
            switch (vote.getValue()) {
                case FOR -> votesFor++;
                case AGAINST -> against++;
                case ABSTAIN -> abstentions++;
            }
        }
        boolean quorate = eligible >= Math.max(1, quorum);
        return new MeetingResult(quorate, quorate && votesFor > against, votesFor, against, abstentions, eligible);
    }

    /**
     * @param inOffice   directors in office on the day the resolution was circulated
     * @param conflicted directors who declared a conflict of interest in it
     * @param votes      FOR is an approval, AGAINST a refusal
     */
    public static WrittenOutcome written(Set<Long> inOffice, Set<Long> conflicted, Map<Long, DirectorChoice> votes) {
        var eligible = inOffice.stream().filter(d -> !conflicted.contains(d)).toList();
        if (eligible.isEmpty()) {
            return WrittenOutcome.FAILED;
        }
        if (eligible.stream().anyMatch(d -> votes.get(d) == DirectorChoice.AGAINST)) {
            return WrittenOutcome.FAILED;
        }
        return eligible.stream().allMatch(d -> votes.get(d) == DirectorChoice.FOR) ? WrittenOutcome.PASSED : WrittenOutcome.PENDING;
    }

    /**
     * Why this director may not vote on the item, or null if they may.
     *
     * @param entitled the directors who may take part: those present (meeting) or in office (written)
     */
    public static String refusal(long director, String name, Set<Long> entitled, Set<Long> conflicted, boolean written) {
        if (conflicted.contains(director)) {
            return name + " declared a conflict of interest in this item and cannot vote on it";
        }
        if (!entitled.contains(director)) {
            return written ? name + " was not a director in office when this resolution was circulated"
                    : name + " is not recorded as present at this board meeting";
        }
        return null;
    }
}
