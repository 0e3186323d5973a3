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
 * <p>A written resolution is circulated to every director in office on the day it is circulated.
 * The eligible directors are those of them still in office on the day it is decided, less those who
 * declare a conflict of interest in it: eligibility is judged when the decision is taken (as the
 * model articles' "eligible director" is), so a director who leaves office before approving neither
 * blocks it forever nor counts for it. It is passed when every eligible director has approved it,
 * and fails as soon as one refuses: a written resolution stands in for a meeting only with unanimous
 * consent. It fails, too, as soon as the eligible directors are fewer than the board quorum: they
 * could not have decided it at a meeting either, and otherwise one director could pass a
 * resolution alone once the others are conflicted.
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
     * @param inOffice   directors in office on the day the resolution was circulated and still in office today
     * @param conflicted directors who declared a conflict of interest in it
     * @param votes      FOR is an approval, AGAINST a refusal
     * @param quorum     the board quorum: fewer eligible directors than this can never pass it
     */
    public static WrittenOutcome written(Set<Long> inOffice, Set<Long> conflicted, Map<Long, DirectorChoice> votes, int quorum) {
        var eligible = inOffice.stream().filter(d -> !conflicted.contains(d)).toList();
        if (eligible.size() < Math.max(1, quorum)) {
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
            return written ? name + " is not a director in office who was sent this resolution (in office when it was circulated and still in office)"
                    : name + " is not recorded as present at this board meeting";
        }
        return null;
    }
}
