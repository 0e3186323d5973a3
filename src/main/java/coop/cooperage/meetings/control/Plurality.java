package coop.cooperage.meetings.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plurality ("vote for up to N", N being the number of seats): every candidate marked on a paper
 * gets one vote from it, whatever the order of the marks, and the N candidates with most votes are
 * elected.
 *
 * <ul>
 *   <li>A paper marking more candidates than there are seats is rejected: the voter's choice
 *       cannot be cut down to N without guessing. A paper with no mark for a standing candidate
 *       is rejected too. Marks for withdrawn candidates are ignored.
 *   <li>A tie for the last seat(s) is decided by lot ({@link Lot}, seeded): the tied candidates
 *       are drawn one at a time until the seats are filled; the stage notes say so.
 *   <li>When there are no more standing candidates than seats, all are elected, even without a
 *       vote.
 * </ul>
 */
public final class Plurality {

    private final long lotSeed;

    /** @param lotSeed seed for a tie for the last seat; see {@link Lot} */
    public Plurality(long lotSeed) {
        this.lotSeed = lotSeed;
    }

    public CountResult count(Contest contest) {
        int n = contest.candidates().size();
        long[] votes = new long[n];
        long valid = 0;
        for (RankedBallot ballot : contest.standingBallots()) {
            List<Integer> marked = ballot.ranks().stream().flatMap(List::stream).toList();
            if (marked.size() > contest.seats()) {
                continue;
            }
            valid += ballot.weight();
            for (int c : marked) {
                votes[c] += ballot.weight();
            }
        }

        List<Integer> standing = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (!contest.isWithdrawn(c)) {
                standing.add(c);
            }
        }
        standing.sort(Comparator.<Integer>comparingLong(c -> votes[c]).reversed().thenComparing(c -> c));

        List<Integer> elected = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int seats = contest.seats();
        if (standing.size() <= seats) {
            elected.addAll(standing);
            if (standing.size() < seats) {
                notes.add("Fewer candidates than seats: all are elected and " + (seats - standing.size())
                        + " seat(s) stay empty.");
            }
        } else {
            long cutOff = votes[standing.get(seats - 1)];
            standing.stream().filter(c -> votes[c] > cutOff).forEach(elected::add);
            List<Integer> tied = new ArrayList<>(standing.stream().filter(c -> votes[c] == cutOff).toList());
            int places = seats - elected.size();
            if (tied.size() > places) {
                String names = tied.stream().map(contest.candidates()::get).collect(Collectors.joining(", "));
                Lot lot = new Lot(lotSeed);
                for (int i = 0; i < places; i++) {
                    int chosen = lot.draw(tied, contest.candidates());
                    tied.remove(Integer.valueOf(chosen));
                    elected.add(chosen);
                    notes.add("Tie for the last seat(s) between " + names + " (" + cutOff + " votes each): "
                            + contest.candidates().get(chosen) + " elected " + lot.describeLastDraw() + ".");
                }
            } else {
                elected.addAll(tied);
            }
        }

        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            if (!contest.isWithdrawn(c)) {
                totals.put(contest.candidates().get(c), BigDecimal.valueOf(votes[c]));
            }
        }
        List<String> electedNames = elected.stream().map(contest.candidates()::get).toList();
        Stage stage = new Stage(1, StageAction.FIRST_PREFERENCES, null, electedNames, List.of(), totals,
                BigDecimal.ZERO, BigDecimal.ZERO, null, notes);
        return new CountResult(contest.title(), CountMethod.PLURALITY, seats, contest.candidates(),
                contest.withdrawnNames(), BigDecimal.valueOf(valid), contest.paperCount() - valid, null,
                electedNames, List.of(stage));
    }
}
