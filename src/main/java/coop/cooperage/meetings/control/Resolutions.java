package coop.cooperage.meetings.control;

import coop.cooperage.meetings.entity.ResolutionKind;
import coop.cooperage.meetings.entity.ResolutionResult;
import coop.cooperage.meetings.entity.Tally;
import coop.cooperage.society.entity.RuleChangeMajority;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decides resolutions. Every threshold is compared in exact whole numbers (for * d >= cast * n),
 * never in floating point, because a result at the exact boundary (200 of 300 for two thirds)
 * must come out the same on every machine and in every recount. Across all kinds: abstentions
 * are not votes cast, a tie fails, and nothing passes when no votes were cast.
 */
public final class Resolutions {

    private static final long HUNDRED = 100;

    private Resolutions() {
    }

    public static ResolutionResult ordinary(Tally tally) {
        return simpleMajority(ResolutionKind.ORDINARY, tally);
    }

    /** A rule change, by the majority the society's rules set. */
    public static ResolutionResult special(Tally tally, RuleChangeMajority majority) {
        boolean passed = majority.isMetBy(tally.votesFor(), tally.against());
        long[] ratio = majority == RuleChangeMajority.TWO_THIRDS ? new long[] {2, 3} : new long[] {3, 4};
        return atLeast(ResolutionKind.SPECIAL, tally, ratio[0], ratio[1], majority.label(), passed);
    }

    /** Amalgamation or transfer of engagements, first meeting: two thirds of votes cast. */
    public static ResolutionResult s111FirstMeeting(Tally tally) {
        boolean passed = meets(tally, 2, 3);
        return atLeast(ResolutionKind.S111_FIRST_MEETING, tally, 2, 3, ResolutionKind.S111_FIRST_MEETING.threshold(), passed);
    }

    /**
     * The second meeting confirming an s.111 resolution: a simple majority. Only a first-stage
     * result that passed can be confirmed; asking otherwise is a bug in the caller, not a vote.
     * Whether the second meeting was properly called (its own notice) is checked by {@link Notice}.
     */
    public static ResolutionResult s111Confirmation(ResolutionResult firstMeeting, Tally tally) {
        if (firstMeeting.kind() != ResolutionKind.S111_FIRST_MEETING) {
            throw new IllegalStateException("Only an s.111 first-meeting resolution can be confirmed, not " + firstMeeting.kind());
        }
        if (!firstMeeting.passed()) {
            throw new IllegalStateException("The s.111 resolution did not pass at the first meeting, so there is nothing to confirm");
        }
        return simpleMajority(ResolutionKind.S111_CONFIRMATION, tally);
    }

    /**
     * Conversion to a company: 75% of votes cast and a turnout of at least half the members
     * entitled to vote. Turnout counts everyone who took part, abstainers included: an abstainer
     * has turned out, even though an abstention is not a vote cast.
     */
    public static ResolutionResult s113(Tally tally, long entitledToVote) {
        if (entitledToVote < 0 || tally.participated() > entitledToVote) {
            throw new IllegalArgumentException(tally.participated() + " took part but only " + entitledToVote
                    + " members are entitled to vote");
        }
        String threshold = ResolutionKind.S113.threshold();
        BigDecimal percent = percentFor(tally);
        if (tally.votesCast() == 0) {
            return new ResolutionResult(ResolutionKind.S113, false, tally, percent, threshold, noVotesCast());
        }
        if (!meets(tally, 3, 4)) {
            return new ResolutionResult(ResolutionKind.S113, false, tally, percent, threshold, shortOf(tally, 3, 4));
        }
        long neededTurnout = ceilDiv(entitledToVote, 2);
        if (tally.participated() < neededTurnout) {
            return new ResolutionResult(ResolutionKind.S113, false, tally, percent, threshold,
                    "The turnout was too low: " + tally.participated() + " of " + entitledToVote
                            + " members entitled to vote took part, and at least " + neededTurnout + " must");
        }
        return new ResolutionResult(ResolutionKind.S113, true, tally, percent, threshold, null);
    }

    private static ResolutionResult simpleMajority(ResolutionKind kind, Tally tally) {
        BigDecimal percent = percentFor(tally);
        String reason = null;
        if (tally.votesCast() == 0) {
            reason = noVotesCast();
        } else if (tally.votesFor() == tally.against()) {
            reason = "The vote was a tie (" + tally.votesFor() + " each), and a tie fails";
        } else if (tally.votesFor() < tally.against()) {
            reason = "More votes were cast against (" + tally.against() + ") than for (" + tally.votesFor() + ")";
        }
        return new ResolutionResult(kind, reason == null, tally, percent, kind.threshold(), reason);
    }

    private static ResolutionResult atLeast(ResolutionKind kind, Tally tally, long n, long d, String threshold, boolean passed) {
        String reason = null;
        if (!passed) {
            reason = tally.votesCast() == 0 ? noVotesCast() : shortOf(tally, n, d);
        }
        return new ResolutionResult(kind, passed, tally, percentFor(tally), threshold, reason);
    }

    private static boolean meets(Tally tally, long n, long d) {
        long cast = tally.votesCast();
        return cast > 0 && Math.multiplyExact(tally.votesFor(), d) >= Math.multiplyExact(cast, n);
    }

    private static String shortOf(Tally tally, long n, long d) {
        long needed = ceilDiv(Math.multiplyExact(tally.votesCast(), n), d);
        return "It needed at least " + needed + " of " + tally.votesCast() + " votes cast in favour and had "
                + tally.votesFor();
    }

    private static String noVotesCast() {
        return "No votes were cast for or against (abstentions are not votes cast)";
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    static BigDecimal percentFor(Tally tally) {
        if (tally.votesCast() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(tally.votesFor()).multiply(BigDecimal.valueOf(HUNDRED))
                .divide(BigDecimal.valueOf(tally.votesCast()), 2, RoundingMode.HALF_UP);
    }
}
