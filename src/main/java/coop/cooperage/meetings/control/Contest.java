package coop.cooperage.meetings.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Everything a count needs and nothing else: the seats, the candidates in ballot-paper order, who
 * withdrew, and the ballots. Candidates are referred to by their 0-based index in
 * {@code candidates}; results use their names, so names must be unique.
 *
 * @param tieBreakOrder a permutation of the candidate indexes, used only by Meek's method to
 *     break ties (the candidate earliest in it loses), as in the reference implementations. A BLT
 *     file sets it with a {@code [tie ...]} line; otherwise it is the ballot-paper order.
 */
public record Contest(
        String title,
        int seats,
        List<String> candidates,
        Set<Integer> withdrawn,
        List<RankedBallot> ballots,
        List<Integer> tieBreakOrder) {

    public Contest {
        if (seats < 1) {
            throw new IllegalArgumentException("there must be at least one seat, was " + seats);
        }
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("there must be at least one candidate");
        }
        Set<String> names = new HashSet<>();
        for (String name : candidates) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a candidate's name cannot be blank");
            }
            // Results and reports key vote totals by name, so two candidates of the same name
            // would silently merge.
            if (!names.add(name)) {
                throw new IllegalArgumentException("two candidates are called \"" + name + "\"");
            }
        }
        withdrawn = Set.copyOf(withdrawn);
        for (int w : withdrawn) {
            checkIndex(w, candidates.size());
        }
        ballots = List.copyOf(ballots);
        for (RankedBallot ballot : ballots) {
            Set<Integer> seen = new HashSet<>();
            for (List<Integer> rank : ballot.ranks()) {
                for (int c : rank) {
                    checkIndex(c, candidates.size());
                    if (!seen.add(c)) {
                        throw new IllegalArgumentException(
                                "a ballot ranks " + candidates.get(c) + " more than once");
                    }
                }
            }
        }
        tieBreakOrder = tieBreakOrder == null
                ? IntStream.range(0, candidates.size()).boxed().toList()
                : List.copyOf(tieBreakOrder);
        if (tieBreakOrder.size() != candidates.size()
                || !new HashSet<>(tieBreakOrder).equals(new HashSet<>(IntStream.range(0, candidates.size()).boxed().toList()))) {
            throw new IllegalArgumentException("the tie-break order must list every candidate exactly once");
        }
        title = title == null ? "" : title;
    }

    /** A contest without withdrawals whose ties (for Meek's method) follow the ballot-paper order. */
    public Contest(String title, int seats, List<String> candidates, List<RankedBallot> ballots) {
        this(title, seats, candidates, Set.of(), ballots, null);
    }

    private static void checkIndex(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("no candidate number " + (index + 1) + " (there are " + size + ")");
        }
    }

    public boolean isWithdrawn(int candidate) {
        return withdrawn.contains(candidate);
    }

    /** Total number of ballot papers, counting each paper of a grouped ballot. */
    public long paperCount() {
        return ballots.stream().mapToLong(RankedBallot::weight).sum();
    }

    /**
     * The ballots as if withdrawn candidates had never stood: their marks are struck out and the
     * later preferences move up. A ballot left with no preference at all (or blank to begin
     * with) is dropped, and the count reports it as rejected, because it expresses no choice
     * among those standing.
     */
    List<RankedBallot> standingBallots() {
        List<RankedBallot> result = new ArrayList<>(ballots.size());
        for (RankedBallot ballot : ballots) {
            List<List<Integer>> ranks = new ArrayList<>();
            for (List<Integer> rank : ballot.ranks()) {
                List<Integer> standing = rank.stream().filter(c -> !withdrawn.contains(c)).toList();
                if (!standing.isEmpty()) {
                    ranks.add(standing);
                }
            }
            if (ranks.isEmpty()) {
                continue;
            }
            if (ranks.equals(ballot.ranks())) {
                result.add(ballot);
            } else {
                result.add(new RankedBallot(ballot.weight(), ranks));
            }
        }
        return result;
    }

    /** Names of the withdrawn candidates, in ballot-paper order. */
    List<String> withdrawnNames() {
        return IntStream.range(0, candidates.size()).filter(this::isWithdrawn).mapToObj(candidates::get).toList();
    }
}
