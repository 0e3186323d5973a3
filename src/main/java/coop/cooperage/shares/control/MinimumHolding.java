package coop.cooperage.shares.control;

import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.InvalidInputException;

/**
 * The society's minimum holding (its rules' {@code minimumHoldingShares}, at least one share)
 * when shares leave a living member's holding: a member either keeps at least the minimum or
 * takes everything, which ends the membership. Never a holding above nothing and below the
 * minimum. A refusal names the minimum, the most that may go in part and the whole. Pure, so the
 * rule is tested without a database and withdrawals and transfers share it.
 */
final class MinimumHolding {

    private MinimumHolding() {
    }

    /** Whether a holding of this many shares is allowed to remain: none, or at least the minimum. */
    static boolean allows(long left, long minimum) {
        return left == 0 || left >= minimum;
    }

    /** A request to withdraw shares from a holding of which {@code claimed} are already asked for. */
    static void checkRequest(long holding, long claimed, long shares, long minimum) {
        long everything = holding - claimed;
        long left = everything - shares;
        if (allows(left, minimum)) {
            return;
        }
        throw new InvalidInputException("shares", "That would leave " + shares(left)
                + (claimed > 0 ? " (after the " + claimed + " already asked for)" : "") + ", below the society's minimum holding of "
                + shares(minimum) + ": " + choice("withdraw", everything - minimum, everything, claimed > 0 ? " not already asked for" : "",
                        ", which ends the membership"));
    }

    /**
     * Approving a request, against the holding as it is now: it may have changed since the request
     * was made. {@code approved} shares are already approved to withdraw and not yet paid.
     */
    static void checkApproval(long memberNumber, long holding, long approved, long shares, long minimum) {
        long everything = holding - approved;
        long left = everything - shares;
        if (allows(left, minimum)) {
            return;
        }
        throw new ConflictException("shares", "Approving this would leave member " + memberNumber + " with " + shares(left)
                + " (the holding is now " + shares(holding) + (approved > 0 ? ", " + approved + " already approved to withdraw" : "")
                + "), below the society's minimum holding of " + shares(minimum) + ". Refuse it; the member may ask again to "
                + choice("withdraw", everything - minimum, everything, "", ""));
    }

    /**
     * A transfer out of a holding of which {@code claimed} shares are asked to withdraw: the holding
     * must keep the minimum both now and once those withdrawals are paid.
     */
    static void checkTransfer(long memberNumber, long holding, long claimed, long shares, long minimum) {
        long now = holding - shares;
        long later = now - claimed;
        if (allows(now, minimum) && allows(later, minimum)) {
            return;
        }
        long free = holding - claimed;
        boolean wholeAllowed = allows(claimed, minimum);
        String options;
        if (free - minimum >= 1) {
            options = "transfer at most " + shares(free - minimum) + (wholeAllowed ? ", or all " + free + wholeEffect(claimed) : "");
        } else if (wholeAllowed) {
            options = "transfer only all " + shares(free) + wholeEffect(claimed) + ", or none";
        } else {
            options = "no transfer out of this holding is possible while " + claimed + " shares are asked to withdraw";
        }
        throw new InvalidInputException("shares", "Member " + memberNumber + " would keep " + shares(allows(now, minimum) ? later : now)
                + (allows(now, minimum) ? " once the " + claimed + " asked to withdraw are paid" : "")
                + ", below the society's minimum holding of " + shares(minimum) + ": " + options);
    }

    private static String wholeEffect(long claimed) {
        return claimed == 0 ? ", which ends their membership" : " not asked to withdraw";
    }

    private static String choice(String verb, long largestPart, long everything, String qualifier, String effect) {
        if (largestPart >= 1) {
            return verb + " at most " + shares(largestPart) + ", or all " + everything + qualifier + effect;
        }
        return verb + " only all " + shares(everything) + qualifier + effect + ", or none";
    }

    private static String shares(long n) {
        return n + (n == 1 ? " share" : " shares");
    }
}
