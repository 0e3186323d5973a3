package coop.cooperage.meetings.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Single transferable vote counted under the Scottish Local Government Elections Order 2007
 * (SSI 2007/42), Schedule 1, rules 45 to 52. Councils have elected since 2012 under its successor,
 * the 2011 Order (SSI 2011/399), which renumbers these rules; the tests reproduce the declared
 * 2017 Edinburgh counts figure for figure, so for those counts at least the two agree.
 *
 * <ul>
 *   <li>Quota (rule 46): valid papers divided by (seats + 1), fraction ignored, plus one.
 *   <li>A candidate whose votes equal or exceed the quota is elected (rule 47).
 *   <li>Surpluses (rule 48) are transferred by the weighted inclusive Gregory method: every paper
 *       the elected candidate holds moves on to its next continuing candidate with transfer value
 *       surplus &times; (value of the paper) &divide; (candidate's total), calculated to five
 *       decimal places with any remainder ignored. Papers with no next preference are set aside
 *       as non-transferable at that same value. The candidate keeps exactly the quota; what
 *       truncation leaves over is recorded as {@link Stage#lost()}.
 *   <li>The largest surplus goes first (rule 49); surpluses are transferred before anyone is
 *       excluded (rule 50). Excluded candidates' papers move at the value they arrived with.
 *   <li>Ties (rules 49(2) and 51(2)): the candidate with the most (surplus) or fewest (exclusion)
 *       votes at the end of the <em>most recent preceding stage</em> at which the tied candidates
 *       had unequal votes (the Order's words; not the earliest such stage, as some other rules
 *       use); if they were equal at every stage, by lot ({@link Lot}, seeded).
 *       With three or more tied, each look-back keeps only those at the extreme and looks
 *       further back among them.
 *   <li>When the continuing candidates are no more than the vacancies, they are all elected and
 *       nothing more is transferred (rule 52). Fewer candidates than seats leaves seats empty.
 * </ul>
 *
 * <p>Arithmetic is exact in whole units of 1/100,000 of a vote ({@code long}), so every figure
 * is what the Order prescribes, with no floating point anywhere.
 *
 * <p>Papers: withdrawn candidates are struck out of every paper. A paper with no preference for a
 * standing candidate, or whose first preference is shared by several candidates, is rejected. A
 * paper that gives one preference to several candidates later on is used up to that point and
 * is then non-transferable (the voter's choice between them cannot be known).
 */
public final class ScottishStv {

    /** One vote, in the units the count works in (five decimal places). */
    static final long ONE = 100_000;
    private static final int SCALE = 5;

    private final long lotSeed;

    /** @param lotSeed seed for any tie that the rules leave to lot; see {@link Lot} */
    public ScottishStv(long lotSeed) {
        this.lotSeed = lotSeed;
    }

    public CountResult count(Contest contest) {
        return new Count(contest, new Lot(lotSeed)).run();
    }

    private enum Status { HOPEFUL, ELECTED, EXCLUDED, WITHDRAWN }

    /** Papers from one ballot that sit together on a candidate's pile at the same value. */
    private record Parcel(int ballot, int position, long papers, long value) {}

    private static final class Count {
        private final Contest contest;
        private final Lot lot;
        private final int n;
        private final List<int[]> preferences = new ArrayList<>();
        private final List<Long> weights = new ArrayList<>();
        private final Status[] status;
        private final long[] votes;
        private final boolean[] surplusPending;
        private final List<List<Parcel>> piles = new ArrayList<>();
        private final List<long[]> history = new ArrayList<>();
        private long nonTransferable;
        private long lost;
        private long quota;

        Count(Contest contest, Lot lot) {
            this.contest = contest;
            this.lot = lot;
            this.n = contest.candidates().size();
            this.status = new Status[n];
            this.votes = new long[n];
            this.surplusPending = new boolean[n];
            for (int c = 0; c < n; c++) {
                status[c] = contest.isWithdrawn(c) ? Status.WITHDRAWN : Status.HOPEFUL;
                piles.add(new ArrayList<>());
            }
        }

        CountResult run() {
            long valid = 0;
            for (RankedBallot ballot : contest.standingBallots()) {
                List<List<Integer>> ranks = ballot.ranks();
                if (ranks.get(0).size() > 1) {
                    continue; // first preference for more than one candidate: rejected
                }
                int usable = 0;
                while (usable < ranks.size() && ranks.get(usable).size() == 1) {
                    usable++;
                }
                preferences.add(ranks.subList(0, usable).stream().mapToInt(rank -> rank.get(0)).toArray());
                weights.add(ballot.weight());
                valid += ballot.weight();
            }
            long rejected = contest.paperCount() - valid;
            quota = Math.multiplyExact(valid / (contest.seats() + 1) + 1, ONE);

            for (int b = 0; b < preferences.size(); b++) {
                moveOn(new Parcel(b, -1, weights.get(b), ONE));
            }

            List<Stage> stages = new ArrayList<>();
            List<String> elected = new ArrayList<>();
            StageAction action = StageAction.FIRST_PREFERENCES;
            Integer subject = null;
            List<String> notes = new ArrayList<>();
            while (true) {
                history.add(votes.clone());
                List<Integer> electedNow = electThoseWithQuota(elected.size());
                int seatsLeft = contest.seats() - elected.size() - electedNow.size();
                List<Integer> hopeful = candidates(Status.HOPEFUL);
                boolean complete = seatsLeft == 0 || hopeful.size() <= seatsLeft;
                if (complete && seatsLeft > 0 && !hopeful.isEmpty()) {
                    notes.add(hopeful.size() == seatsLeft
                            ? "Continuing candidates equal the vacancies left, so they are elected (rule 52)."
                            : "Fewer candidates than vacancies: the continuing candidates are elected and "
                                    + (seatsLeft - hopeful.size()) + " seat(s) stay empty.");
                    List<Integer> remaining = byVotesDescending(hopeful);
                    for (int c : remaining) {
                        status[c] = Status.ELECTED;
                    }
                    electedNow.addAll(remaining);
                }
                electedNow.forEach(c -> elected.add(name(c)));
                stages.add(stage(stages.size() + 1, action, subject, electedNow, notes));
                if (complete) {
                    break;
                }
                notes = new ArrayList<>();
                List<Integer> pending = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    if (surplusPending[c]) {
                        pending.add(c);
                    }
                }
                if (!pending.isEmpty()) {
                    long largest = pending.stream().mapToLong(c -> votes[c]).max().orElseThrow();
                    List<Integer> tied = pending.stream().filter(c -> votes[c] == largest).toList();
                    int c = breakTie(tied, true, "largest surplus", notes);
                    transferSurplus(c);
                    action = StageAction.SURPLUS_TRANSFER;
                    subject = c;
                } else {
                    long lowest = hopeful.stream().mapToLong(c -> votes[c]).min().orElseThrow();
                    List<Integer> tied = hopeful.stream().filter(c -> votes[c] == lowest).toList();
                    int c = breakTie(tied, false, "exclusion", notes);
                    exclude(c);
                    action = StageAction.EXCLUSION;
                    subject = c;
                }
            }
            return new CountResult(contest.title(), CountMethod.SCOTTISH_STV, contest.seats(), contest.candidates(),
                    contest.withdrawnNames(), BigDecimal.valueOf(valid), rejected, decimal(quota), elected, stages);
        }

        private List<Integer> electThoseWithQuota(int alreadyElected) {
            List<Integer> reached = byVotesDescending(
                    candidates(Status.HOPEFUL).stream().filter(c -> votes[c] >= quota).toList());
            // Cannot happen with this quota (seats + 1 candidates cannot all hold it), but a
            // count must never elect more candidates than there are seats.
            reached = reached.subList(0, Math.min(reached.size(), contest.seats() - alreadyElected));
            for (int c : reached) {
                status[c] = Status.ELECTED;
                surplusPending[c] = votes[c] > quota;
            }
            return new ArrayList<>(reached);
        }

        private List<Integer> byVotesDescending(List<Integer> candidates) {
            return candidates.stream()
                    .sorted(Comparator.<Integer>comparingLong(c -> votes[c]).reversed().thenComparing(c -> c))
                    .collect(Collectors.toCollection(ArrayList::new));
        }

        /** Rule 48: every paper on the pile moves on at its share of the surplus. */
        private void transferSurplus(int c) {
            long total = votes[c];
            long surplus = total - quota;
            long moved = 0;
            for (Parcel parcel : piles.get(c)) {
                long value = transferValue(parcel.value(), surplus, total);
                moveOn(new Parcel(parcel.ballot(), parcel.position(), parcel.papers(), value));
                moved += parcel.papers() * value;
            }
            piles.get(c).clear();
            votes[c] = quota;
            surplusPending[c] = false;
            lost += surplus - moved;
        }

        /** Rule 50: the papers move on at the value at which the excluded candidate received them. */
        private void exclude(int c) {
            status[c] = Status.EXCLUDED;
            for (Parcel parcel : piles.get(c)) {
                moveOn(parcel);
            }
            piles.get(c).clear();
            votes[c] = 0;
        }

        /** Credits the parcel to the next continuing candidate on its papers, or sets it aside. */
        private void moveOn(Parcel parcel) {
            int[] prefs = preferences.get(parcel.ballot());
            int position = parcel.position() + 1;
            while (position < prefs.length && status[prefs[position]] != Status.HOPEFUL) {
                position++;
            }
            long value = Math.multiplyExact(parcel.papers(), parcel.value());
            if (position == prefs.length) {
                nonTransferable += value;
            } else {
                int next = prefs[position];
                piles.get(next).add(new Parcel(parcel.ballot(), position, parcel.papers(), parcel.value()));
                votes[next] += value;
            }
        }

        private int breakTie(List<Integer> tied, boolean highest, String reason, List<String> notes) {
            if (tied.size() == 1) {
                return tied.get(0);
            }
            String names = tied.stream().map(this::name).collect(Collectors.joining(", "));
            List<Integer> remaining = tied;
            for (int s = history.size() - 2; s >= 0; s--) {
                long[] totals = history.get(s);
                long extreme = highest
                        ? remaining.stream().mapToLong(c -> totals[c]).max().orElseThrow()
                        : remaining.stream().mapToLong(c -> totals[c]).min().orElseThrow();
                remaining = remaining.stream().filter(c -> totals[c] == extreme).toList();
                if (remaining.size() == 1) {
                    int chosen = remaining.get(0);
                    notes.add("Tie for " + reason + " between " + names + ": " + name(chosen) + " had the "
                            + (highest ? "most" : "fewest") + " votes at stage " + (s + 1)
                            + ", the most recent stage at which they differed (rule " + (highest ? "49(2)" : "51(2)") + ").");
                    return chosen;
                }
            }
            int chosen = lot.draw(remaining, contest.candidates());
            notes.add("Tie for " + reason + " between " + names + ", equal at every stage: " + name(chosen)
                    + " chosen " + lot.describeLastDraw() + " (rule " + (highest ? "49(3)" : "51(2)(b)") + ").");
            return chosen;
        }

        private List<Integer> candidates(Status wanted) {
            List<Integer> result = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (status[c] == wanted) {
                    result.add(c);
                }
            }
            return result;
        }

        private Stage stage(int number, StageAction action, Integer subject, List<Integer> electedNow, List<String> notes) {
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            for (int c = 0; c < n; c++) {
                if (status[c] != Status.WITHDRAWN) {
                    totals.put(name(c), decimal(votes[c]));
                }
            }
            List<String> excluded = action == StageAction.EXCLUSION ? List.of(name(subject)) : List.of();
            return new Stage(number, action, subject == null ? null : name(subject),
                    electedNow.stream().map(this::name).toList(), excluded, totals,
                    decimal(nonTransferable), decimal(lost), decimal(quota), notes);
        }

        private String name(int c) {
            return contest.candidates().get(c);
        }
    }

    /**
     * Rule 48(3): surplus &times; value &divide; total, to five decimal places, remainder ignored.
     * All three are in units of 1/100,000, so the truncated quotient is already in those units.
     */
    static long transferValue(long paperValue, long surplus, long total) {
        try {
            return Math.multiplyExact(paperValue, surplus) / total;
        } catch (ArithmeticException overflow) {
            return java.math.BigInteger.valueOf(paperValue).multiply(java.math.BigInteger.valueOf(surplus))
                    .divide(java.math.BigInteger.valueOf(total)).longValueExact();
        }
    }

    private static BigDecimal decimal(long units) {
        return BigDecimal.valueOf(units, SCALE);
    }
}
