package coop.cooperage.meetings.control;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Single transferable vote by Meek's method, counted exactly as the "Meek Parametric" rule of
 * Droop.py ({@code droop meek}, fixed-point, 9 places, omega 10<sup>-6</sup>, one defeat at a
 * time) and stv-rs ({@code --arithmetic fixed9 meek}), so that a society can check a count
 * against either tool. The tests reproduce their published transcripts to the last digit.
 *
 * <p>Each elected candidate has a keep factor: the share of each vote reaching them that they
 * keep; the rest passes to the next preference. Keep factors are lowered until every elected
 * candidate holds about a quota. The details that decide results:
 *
 * <ul>
 *   <li>Arithmetic is fixed-point with 9 decimal places in a {@code long}. Products and quotients
 *       are truncated, except that new keep factors are rounded <em>up</em> (so an elected
 *       candidate never keeps less than the quota through rounding).
 *   <li>The quota is recomputed at every iteration as (votes not exhausted) &divide; (seats + 1),
 *       truncated, plus 10<sup>-9</sup>: as papers exhaust, the quota falls.
 *   <li>A candidate whose votes reach the quota is elected. Iteration stops when someone is
 *       elected, when the total surplus is at most omega (10<sup>-6</sup>), or when the surplus
 *       stops falling (a stable state that fixed-point arithmetic can reach above omega).
 *   <li>Then the hopeful candidate with fewest votes is excluded. Every hopeful candidate within
 *       the total surplus of the lowest counts as tied with them, since moving the surplus could
 *       reorder them; the tie goes against the candidate earliest in the contest's
 *       {@link Contest#tieBreakOrder() tie-break order} (the ballot-paper order unless the
 *       ballot file gives one). Unlike Scottish STV there is no look-back and no lot: this is
 *       what the reference implementations do. A society that wants a fair draw should draw
 *       the tie-break order by lot before the count.
 *   <li>When the hopeful candidates are no more than the seats left, they are all elected; when
 *       every seat is filled, the rest are excluded.
 * </ul>
 *
 * <p>Equal preferences ({@code 2=3}) have no single accepted treatment, so there are two:
 * {@link EqualPreferences}.
 */
public final class MeekStv {

    /** How to count a paper that gives the same preference to several candidates. */
    public enum EqualPreferences {
        /**
         * As Droop.py: the vote is split evenly among the equally ranked candidates that are not
         * excluded, and what each one passes on goes to the next preference. Faithful to the
         * reference, with its quirk: if every candidate at some preference on such a paper has
         * been excluded, the paper goes no further (it is not passed to later preferences).
         */
        DROOP_COMPATIBLE,
        /**
         * As stv-rs {@code --equalize}: the paper counts as an even mix of every order of the
         * equally ranked candidates. Fairer, and it never stops at excluded candidates, but no
         * other tool implements it.
         */
        EQUALIZED
    }

    /** One vote, in the units the count works in (nine decimal places). */
    static final long ONE = 1_000_000_000L;
    private static final long OMEGA = ONE / 1_000_000;
    private static final int SCALE = 9;

    private final EqualPreferences equalPreferences;

    /** Meek's method counting equal preferences as Droop.py does. */
    public MeekStv() {
        this(EqualPreferences.DROOP_COMPATIBLE);
    }

    public MeekStv(EqualPreferences equalPreferences) {
        this.equalPreferences = equalPreferences;
    }

    public CountResult count(Contest contest) {
        return new Count(contest, equalPreferences).run();
    }

    private enum Status { HOPEFUL, ELECTED, EXCLUDED, WITHDRAWN }

    private enum Outcome { ELECTED, OMEGA, STABLE }

    /** Votes per candidate from one pass over the papers with the current keep factors. */
    private record Tally(long[] votes, long exhausted, long residual) {}

    private static final class Count {
        private final Contest contest;
        private final EqualPreferences equalPreferences;
        private final int n;
        private final int[][][] ranks; // ranks[ballot][rank] = candidates at that preference
        private final long[] weights;
        private final boolean[] hasEqual;
        private final long papers;
        private final Status[] status;
        private final long[] keep;
        private final List<Integer> electedOrder = new ArrayList<>();
        private final List<long[]> pascal = new ArrayList<>();
        private long threshold;
        private long surplus;
        private Tally tally;
        // running sums for one tally
        private long[] sums;
        private long used;
        private long exhausted;

        Count(Contest contest, EqualPreferences equalPreferences) {
            this.contest = contest;
            this.equalPreferences = equalPreferences;
            this.n = contest.candidates().size();
            List<RankedBallot> ballots = contest.standingBallots();
            ranks = new int[ballots.size()][][];
            weights = new long[ballots.size()];
            hasEqual = new boolean[ballots.size()];
            long total = 0;
            for (int b = 0; b < ballots.size(); b++) {
                RankedBallot ballot = ballots.get(b);
                ranks[b] = ballot.ranks().stream()
                        .map(rank -> rank.stream().mapToInt(Integer::intValue).toArray())
                        .toArray(int[][]::new);
                weights[b] = ballot.weight();
                hasEqual[b] = ballot.hasEqualPreferences();
                total += ballot.weight();
            }
            papers = total;
            status = new Status[n];
            keep = new long[n];
            for (int c = 0; c < n; c++) {
                status[c] = contest.isWithdrawn(c) ? Status.WITHDRAWN : Status.HOPEFUL;
                keep[c] = ONE;
            }
        }

        CountResult run() {
            List<Stage> stages = new ArrayList<>();
            threshold = quota(0);
            tally = tally();
            stages.add(stage(stages, StageAction.FIRST_PREFERENCES, null, List.of(), List.of(), List.of()));

            while (true) {
                long hopeful = count(Status.HOPEFUL);
                int seatsLeft = contest.seats() - electedOrder.size();
                if (seatsLeft == 0 || hopeful <= seatsLeft) {
                    break;
                }
                List<Integer> electedNow = new ArrayList<>();
                Outcome outcome = iterate(electedNow);
                if (outcome == Outcome.ELECTED) {
                    stages.add(stage(stages, StageAction.ELECTION, null, electedNow, List.of(), List.of()));
                    continue;
                }
                List<String> notes = new ArrayList<>();
                notes.add(outcome == Outcome.OMEGA
                        ? "Total surplus " + decimal(surplus) + " is within omega (" + decimal(OMEGA)
                                + "), so the candidate with fewest votes is excluded."
                        : "Total surplus " + decimal(surplus) + " stopped falling (stable state), so the"
                                + " candidate with fewest votes is excluded.");
                int loser = lowest(notes);
                stages.add(stage(stages, StageAction.EXCLUSION, loser, List.of(), List.of(loser), notes));
                status[loser] = Status.EXCLUDED;
                keep[loser] = 0;
                tally = tally();
            }

            List<Integer> electedAtEnd = new ArrayList<>();
            List<Integer> excludedAtEnd = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (status[c] != Status.HOPEFUL) {
                    continue;
                }
                if (electedOrder.size() < contest.seats()) {
                    status[c] = Status.ELECTED;
                    electedOrder.add(c);
                    electedAtEnd.add(c);
                } else {
                    status[c] = Status.EXCLUDED;
                    keep[c] = 0;
                    excludedAtEnd.add(c);
                    tally = tally();
                }
            }
            if (!electedAtEnd.isEmpty() || !excludedAtEnd.isEmpty()) {
                List<String> notes = new ArrayList<>();
                if (!electedAtEnd.isEmpty()) {
                    notes.add("Hopeful candidates were no more than the seats left, so they are elected.");
                }
                if (!excludedAtEnd.isEmpty()) {
                    notes.add("Every seat is filled, so the remaining candidates are excluded.");
                }
                stages.add(stage(stages, StageAction.COMPLETION, null, electedAtEnd, excludedAtEnd, notes));
            }
            return new CountResult(contest.title(), CountMethod.MEEK_STV, contest.seats(), contest.candidates(),
                    contest.withdrawnNames(), BigDecimal.valueOf(papers), contest.paperCount() - papers,
                    decimal(quota(0)), electedOrder.stream().map(this::name).toList(), stages);
        }

        /** Adjusts keep factors until someone is elected or the surplus can do no more. */
        private Outcome iterate(List<Integer> electedNow) {
            long lastSurplus = papers * ONE;
            while (true) {
                tally = tally();
                threshold = quota(tally.residual());
                List<Integer> reached = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    if (status[c] == Status.HOPEFUL && tally.votes()[c] >= threshold) {
                        reached.add(c);
                    }
                }
                int seatsLeft = contest.seats() - electedOrder.size();
                if (reached.size() > seatsLeft) {
                    // Rounding could in principle lift more candidates over the quota than there
                    // are seats; the reference tools would stop with an error. Take the highest.
                    long[] votes = tally.votes();
                    reached = reached.stream()
                            .sorted(Comparator.<Integer>comparingLong(c -> votes[c]).reversed().thenComparing(c -> c))
                            .limit(seatsLeft).sorted().toList();
                }
                for (int c : reached) {
                    status[c] = Status.ELECTED;
                    electedOrder.add(c);
                    electedNow.add(c);
                }
                // Droop.py sums (votes - quota) over the elected, negative or not; kept for
                // identical results.
                surplus = 0;
                for (int c : electedOrder) {
                    surplus += tally.votes()[c] - threshold;
                }
                if (!reached.isEmpty()) {
                    return Outcome.ELECTED;
                }
                if (surplus <= OMEGA) {
                    return Outcome.OMEGA;
                }
                if (surplus >= lastSurplus) {
                    return Outcome.STABLE;
                }
                lastSurplus = surplus;
                for (int c = 0; c < n; c++) {
                    if (status[c] == Status.ELECTED && tally.votes()[c] > 0) {
                        keep[c] = divideUp(multiplyUp(keep[c], threshold), tally.votes()[c]);
                    }
                }
            }
        }

        /** The hopeful candidate to exclude; see the class comment for what counts as a tie. */
        private int lowest(List<String> notes) {
            long[] votes = tally.votes();
            long min = Long.MAX_VALUE;
            for (int c = 0; c < n; c++) {
                if (status[c] == Status.HOPEFUL) {
                    min = Math.min(min, votes[c]);
                }
            }
            long limit = min + Math.max(surplus, 0);
            List<Integer> low = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (status[c] == Status.HOPEFUL && votes[c] <= limit) {
                    low.add(c);
                }
            }
            if (low.size() == 1) {
                return low.get(0);
            }
            List<Integer> order = contest.tieBreakOrder();
            int loser = low.stream().min(Comparator.comparingInt(order::indexOf)).orElseThrow();
            notes.add("Tie for exclusion between " + low.stream().map(this::name).collect(Collectors.joining(", "))
                    + " (within the surplus of the lowest): " + name(loser)
                    + " is excluded, being earliest in the tie-break order.");
            return loser;
        }

        private long quota(long residual) {
            return (papers * ONE - residual) / (contest.seats() + 1) + 1;
        }

        private long count(Status wanted) {
            long result = 0;
            for (Status s : status) {
                if (s == wanted) {
                    result++;
                }
            }
            return result;
        }

        // ---- one pass over the papers -------------------------------------------------------

        private Tally tally() {
            sums = new long[n];
            used = 0;
            exhausted = 0;
            for (int b = 0; b < ranks.length; b++) {
                if (!hasEqual[b]) {
                    strictOrder(b);
                } else if (equalPreferences == EqualPreferences.DROOP_COMPATIBLE) {
                    droopSplit(b, ONE, 0);
                } else {
                    equalized(b);
                }
            }
            return new Tally(sums, exhausted, papers * ONE - used);
        }

        private void strictOrder(int b) {
            long power = ONE;
            for (int[] rank : ranks[b]) {
                int c = rank[0];
                long kept = multiply(power, keep[c]);
                power = multiply(power, ONE - keep[c]);
                credit(c, kept, weights[b]);
                if (power == 0) {
                    break;
                }
            }
            exhausted += power * weights[b];
        }

        private void droopSplit(int b, long power, int position) {
            if (position == ranks[b].length) {
                exhausted += power * weights[b];
                return;
            }
            int[] rank = ranks[b][position];
            int live = 0;
            for (int c : rank) {
                if (keep[c] != 0) {
                    live++;
                }
            }
            if (live == 0) {
                exhausted += power * weights[b]; // Droop.py's quirk: blocked, not passed on
                return;
            }
            long share = power / live;
            for (int c : rank) {
                if (keep[c] == 0) {
                    continue;
                }
                credit(c, multiply(share, keep[c]), weights[b]);
                long passed = multiply(share, ONE - keep[c]);
                if (passed != 0) {
                    droopSplit(b, passed, position + 1);
                }
            }
        }

        private void equalized(int b) {
            long power = ONE;
            for (int[] rank : ranks[b]) {
                if (rank.length == 1) {
                    int c = rank[0];
                    long kept = multiply(power, keep[c]);
                    power = multiply(power, ONE - keep[c]);
                    credit(c, kept, weights[b]);
                } else {
                    // Each candidate's share is its keep factor times the chance that all those
                    // placed before it (in a random order of the tied group) passed the vote on.
                    long[] unused = new long[rank.length];
                    for (int i = 0; i < rank.length; i++) {
                        unused[i] = ONE - keep[rank[i]];
                    }
                    long[] binomials = pascalRow(rank.length - 1);
                    for (int i = 0; i < rank.length; i++) {
                        long weight = multiply(polyweight(unused, i, binomials), keep[rank[i]]) / rank.length;
                        credit(rank[i], multiply(power, weight), weights[b]);
                    }
                    long passed = ONE;
                    for (long u : unused) {
                        passed = multiply(passed, u);
                    }
                    power = multiply(power, passed);
                }
                if (power == 0) {
                    break;
                }
            }
            exhausted += power * weights[b];
        }

        /**
         * Sum over k of e_k / C(m, k), where e_k are the elementary symmetric sums of the other
         * candidates' unused factors (the coefficients of the product of (X + u_j)), as stv-rs
         * computes them, rounding included.
         */
        private static long polyweight(long[] unused, int skip, long[] binomials) {
            int degree = unused.length - 1;
            long[] poly = new long[degree + 1];
            poly[0] = ONE;
            for (int i = 0; i < unused.length; i++) {
                long a = unused[i];
                if (i == skip || a == 0) {
                    continue;
                }
                long previous = poly[0];
                for (int j = 1; j <= degree; j++) {
                    long current = poly[j];
                    poly[j] += multiply(previous, a);
                    previous = current;
                }
            }
            long result = 0;
            for (int k = 0; k <= degree; k++) {
                result += poly[k] / binomials[k];
            }
            return result;
        }

        private long[] pascalRow(int row) {
            while (pascal.size() <= row) {
                int r = pascal.size();
                long[] next = new long[r + 1];
                next[0] = 1;
                next[r] = 1;
                for (int k = 1; k < r; k++) {
                    next[k] = pascal.get(r - 1)[k - 1] + pascal.get(r - 1)[k];
                }
                pascal.add(next);
            }
            return pascal.get(row);
        }

        private void credit(int candidate, long value, long papersOnBallot) {
            long scaled = value * papersOnBallot;
            sums[candidate] += scaled;
            used += scaled;
        }

        // ---- reporting ----------------------------------------------------------------------

        private Stage stage(List<Stage> stages, StageAction action, Integer subject, List<Integer> elected,
                List<Integer> excluded, List<String> notes) {
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            for (int c = 0; c < n; c++) {
                if (status[c] != Status.WITHDRAWN) {
                    totals.put(name(c), decimal(tally.votes()[c]));
                }
            }
            return new Stage(stages.size() + 1, action, subject == null ? null : name(subject),
                    elected.stream().map(this::name).toList(), excluded.stream().map(this::name).toList(), totals,
                    decimal(tally.exhausted()), decimal(tally.residual() - tally.exhausted()), decimal(threshold), notes);
        }

        private String name(int c) {
            return contest.candidates().get(c);
        }
    }

    /** a &times; b, truncated. Both are at most a few votes' worth here, so the product fits. */
    private static long multiply(long a, long b) {
        return a * b / ONE;
    }

    private static long multiplyUp(long a, long b) {
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(ONE));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    private static long divideUp(long a, long b) {
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(ONE)).divideAndRemainder(BigInteger.valueOf(b));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    private static BigDecimal decimal(long units) {
        return BigDecimal.valueOf(units, SCALE);
    }
}
