package coop.cooperage.meetings.control;

import java.util.List;

/**
 * One or more identical ballot papers: {@code weight} papers that rank candidates in the same way.
 *
 * <p>{@code ranks} lists preferences from first to last; each rank holds the 0-based indexes of the
 * candidates given that preference. A rank normally holds one candidate; it holds several when the
 * voter gave equal preferences (written {@code 2=3} in a BLT file). Grouping identical papers keeps a
 * count of tens of thousands of papers fast without changing any result.
 */
public record RankedBallot(long weight, List<List<Integer>> ranks) {

    public RankedBallot {
        if (weight <= 0) {
            throw new IllegalArgumentException("a ballot's weight must be positive, was " + weight);
        }
        ranks = ranks.stream().map(List::copyOf).toList();
        for (List<Integer> rank : ranks) {
            if (rank.isEmpty()) {
                throw new IllegalArgumentException("a ballot cannot have an empty preference");
            }
        }
    }

    /** Papers with a strict order of candidates from first preference to last. */
    public static RankedBallot of(long weight, Integer... candidates) {
        return new RankedBallot(weight, java.util.Arrays.stream(candidates).map(List::of).toList());
    }

    /** True if the voter gave the same preference to two or more candidates somewhere. */
    public boolean hasEqualPreferences() {
        return ranks.stream().anyMatch(rank -> rank.size() > 1);
    }
}
