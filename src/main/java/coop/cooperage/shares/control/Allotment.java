package coop.cooperage.shares.control;

import coop.cooperage.shares.entity.Locality;
import coop.cooperage.shares.entity.ScaleBack;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How a closed offer's shares are shared out: pure arithmetic, no container, no database.
 *
 * <p>Each application can have at most the shares it asked for and paid for ({@code min(requested, floor(paid / price))});
 * the money it paid that buys no allotted share is refunded, over-payments included, so for every application
 * {@code refund + allotted × price = paid} exactly. When the offer is oversubscribed (more affordable shares than the
 * maximum target buys) the offer's scale-back policy decides:
 * <ul>
 * <li>{@link Locality#LOCAL_ONLY}: applicants outside the area of benefit get nothing (their money back);
 * {@link Locality#LOCAL_PRIORITY}: local applicants are served in full first, and only what is left is shared among
 * the others (if even the local applications oversubscribe the offer, the policy below applies among them and the
 * others get nothing);</li>
 * <li>{@link ScaleBack#LARGEST_FIRST}: the largest applications are cut first, all down to one level (everyone
 * above the level gets the level, everyone below keeps what they asked for), the few shares left over at the level
 * going one each to the earliest applications;</li>
 * <li>{@link ScaleBack#PRO_RATA}: everyone gets the same fraction, in whole shares rounded down, and the shares
 * that rounding leaves go one each to the largest remainders (earliest application first on a tie), so the total
 * is exactly the target.</li>
 * </ul>
 * <p>Never below the minimum holding: an application that would leave its member holding less than the society's
 * minimum (counting shares they already hold) is not scaled below it. One that did not pay for the minimum gets
 * nothing and a full refund. If the target cannot give every remaining application its minimum, the latest
 * applications are left out (first come, first served) until it can.
 *
 * <p>Applications are given in the order they were made (earliest first): that order breaks every tie.
 */
public final class Allotment {

    private Allotment() {
    }

    /**
     * One application as the allotment sees it. {@code heldShares}: what the member already holds; {@code admissible}:
     * false when the applicant cannot hold shares (their membership ceased, or their application to join was refused).
     */
    public record Applicant(long applicationId, long sharesRequested, long paidPence, boolean local, long heldShares,
            boolean admissible) {

        public Applicant(long applicationId, long sharesRequested, long paidPence, boolean local, long heldShares) {
            this(applicationId, sharesRequested, paidPence, local, heldShares, true);
        }

        public Applicant {
            if (sharesRequested < 1) {
                throw new IllegalArgumentException("An application asks for at least one share: " + applicationId);
            }
            if (paidPence < 0) {
                throw new IllegalArgumentException("Application " + applicationId + " has been paid less than nothing ("
                        + paidPence + "p): correct its payments before allotting");
            }
            if (heldShares < 0) {
                throw new IllegalArgumentException("A holding cannot be negative: " + applicationId);
            }
        }
    }

    /** Why an application gets what it gets. */
    public enum Outcome {
        IN_FULL("Allotted in full"),
        PART_PAID("Allotted what was paid for"),
        SCALED_BACK("Scaled back"),
        CAPPED("Cut to the society's maximum holding"),
        NOT_PAID("Not paid: nothing allotted"),
        BELOW_MINIMUM("Paid for less than the minimum holding: nothing allotted, full refund"),
        NOT_LOCAL("Outside the area of benefit (local applicants only): full refund"),
        NOT_ADMISSIBLE("Cannot hold shares (membership ceased or refused): full refund"),
        CROWDED_OUT("Oversubscribed: the minimum holding could not be allotted, full refund");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What one application gets. {@code affordable}: the most it could have had (0 if it could have none). */
    public record Allocation(long applicationId, long sharesRequested, long paidPence, boolean local, long affordable,
            long sharesAllotted, long refundPence, Outcome outcome) {
    }

    /** The whole allotment: per application in the order given, and the totals. */
    public record Result(List<Allocation> allocations, long maximumShares, long sharesAllotted, long paidPence,
            long allottedPence, long refundPence, boolean oversubscribed) {
    }

    /**
     * @param applications in the order they were made
     * @param sharePricePence the price of one share, at least 1p
     * @param maximumTargetPence the most the offer raises; it buys {@code floor(maximumTarget / price)} shares
     * @param minimumHolding the society's minimum holding in shares (0 or 1 for none)
     */
    public static Result allot(List<Applicant> applications, long sharePricePence, long maximumTargetPence, Locality locality,
            ScaleBack scaleBack, long minimumHolding) {
        return allot(applications, sharePricePence, maximumTargetPence, locality, scaleBack, minimumHolding, Long.MAX_VALUE);
    }

    /**
     * As above, and no member is taken above the society's maximum holding ({@code maximumHolding} shares, counting
     * what they already hold): the excess is refunded.
     */
    public static Result allot(List<Applicant> applications, long sharePricePence, long maximumTargetPence, Locality locality,
            ScaleBack scaleBack, long minimumHolding, long maximumHolding) {
        Objects.requireNonNull(applications, "applications");
        Objects.requireNonNull(locality, "locality");
        Objects.requireNonNull(scaleBack, "scaleBack");
        if (sharePricePence < 1) {
            throw new IllegalArgumentException("A share costs at least 1p");
        }
        if (maximumTargetPence < 0) {
            throw new IllegalArgumentException("The maximum target cannot be negative");
        }
        int n = applications.size();
        long maximumShares = maximumTargetPence / sharePricePence;
        long[] affordable = new long[n];
        long[] floor = new long[n];
        long[] allotted = new long[n];
        Outcome[] outcome = new Outcome[n];
        List<Integer> local = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        long demand = 0;
        for (int i = 0; i < n; i++) {
            Applicant a = applications.get(i);
            long room = Math.max(0, maximumHolding - a.heldShares());
            affordable[i] = Math.min(Math.min(a.sharesRequested(), a.paidPence() / sharePricePence), room);
            floor[i] = Math.max(1, minimumHolding - a.heldShares());
            if (a.paidPence() == 0) {
                outcome[i] = Outcome.NOT_PAID;
            } else if (affordable[i] < floor[i]) {
                outcome[i] = Outcome.BELOW_MINIMUM;
            } else if (!a.admissible()) {
                outcome[i] = Outcome.NOT_ADMISSIBLE;
                affordable[i] = 0;
            } else if (locality == Locality.LOCAL_ONLY && !a.local()) {
                outcome[i] = Outcome.NOT_LOCAL;
                affordable[i] = 0;
            } else {
                (a.local() || locality != Locality.LOCAL_PRIORITY ? local : others).add(i);
                demand += affordable[i];
            }
        }
        boolean oversubscribed = demand > maximumShares;
        long left = maximumShares;
        // Under LOCAL_PRIORITY "local" holds the local applications and "others" the rest; otherwise all are in "local".
        left -= share(local, left, affordable, floor, allotted, scaleBack);
        share(others, left, affordable, floor, allotted, scaleBack);

        List<Allocation> result = new ArrayList<>(n);
        long totalShares = 0;
        long totalPaid = 0;
        long totalRefund = 0;
        for (int i = 0; i < n; i++) {
            Applicant a = applications.get(i);
            if (outcome[i] == null) {
                outcome[i] = allotted[i] == 0 ? Outcome.CROWDED_OUT
                        : allotted[i] < affordable[i] ? Outcome.SCALED_BACK
                        : affordable[i] < Math.min(a.sharesRequested(), a.paidPence() / sharePricePence) ? Outcome.CAPPED
                        : affordable[i] < a.sharesRequested() ? Outcome.PART_PAID : Outcome.IN_FULL;
            }
            long refund = a.paidPence() - allotted[i] * sharePricePence;
            result.add(new Allocation(a.applicationId(), a.sharesRequested(), a.paidPence(), a.local(), affordable[i], allotted[i],
                    refund, outcome[i]));
            totalShares += allotted[i];
            totalPaid += a.paidPence();
            totalRefund += refund;
        }
        return new Result(List.copyOf(result), maximumShares, totalShares, totalPaid, totalShares * sharePricePence, totalRefund,
                oversubscribed);
    }

    /** Shares {@code capacity} among {@code group}; writes {@code allotted}; returns how many shares it gave. */
    private static long share(List<Integer> group, long capacity, long[] affordable, long[] floor, long[] allotted,
            ScaleBack scaleBack) {
        long demand = 0;
        for (int i : group) {
            demand += affordable[i];
        }
        if (demand <= capacity) {
            for (int i : group) {
                allotted[i] = affordable[i];
            }
            return demand;
        }
        // Not everyone can have their minimum: the latest applications are left out until everyone left can.
        List<Integer> kept = new ArrayList<>(group);
        long floors = 0;
        for (int i : kept) {
            floors += floor[i];
        }
        while (floors > capacity) {
            floors -= floor[kept.remove(kept.size() - 1)];
        }
        if (kept.isEmpty()) {
            return 0;
        }
        long given = scaleBack == ScaleBack.LARGEST_FIRST ? level(kept, capacity, affordable, floor, allotted)
                : proRata(kept, capacity, affordable, floor, allotted);
        if (given != Math.min(capacity, kept.stream().mapToLong(i -> affordable[i]).sum())) {
            throw new IllegalStateException("Allotment did not add up: " + given + " of " + capacity);
        }
        return given;
    }

    /** What each gets at level L: what they can afford, but not more than L, and never less than their minimum. */
    private static long at(long level, int i, long[] affordable, long[] floor) {
        return Math.min(affordable[i], Math.max(level, floor[i]));
    }

    private static long level(List<Integer> kept, long capacity, long[] affordable, long[] floor, long[] allotted) {
        long lo = 0;
        long hi = 0;
        for (int i : kept) {
            hi = Math.max(hi, affordable[i]);
        }
        // The highest level whose total fits: the total rises with the level, and at level 0 it is the sum of the
        // minimums, which fits (the caller made sure).
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            long total = 0;
            for (int i : kept) {
                total += at(mid, i, affordable, floor);
            }
            if (total <= capacity) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long given = 0;
        for (int i : kept) {
            allotted[i] = at(lo, i, affordable, floor);
            given += allotted[i];
        }
        // The next level does not fit, so fewer shares are left than applications that would take one more: one
        // each, earliest first.
        for (int i : kept) {
            if (given >= capacity) {
                break;
            }
            if (allotted[i] == lo && lo >= floor[i] && affordable[i] > lo) {
                allotted[i]++;
                given++;
            }
        }
        return given;
    }

    private static long proRata(List<Integer> kept, long capacity, long[] affordable, long[] floor, long[] allotted) {
        // Applications whose fair share would fall below their minimum are held at the minimum; the rest share what
        // is left in proportion. Holding some at the minimum lowers everyone else's share, so repeat until stable.
        boolean[] atFloor = new boolean[affordable.length];
        while (true) {
            long rest = capacity;
            long restDemand = 0;
            for (int i : kept) {
                if (atFloor[i]) {
                    rest -= floor[i];
                } else {
                    restDemand += affordable[i];
                }
            }
            boolean changed = false;
            for (int i : kept) {
                if (!atFloor[i] && restDemand > 0 && exact(affordable[i], rest, restDemand)[0].longValueExact() < floor[i]) {
                    atFloor[i] = true;
                    changed = true;
                }
            }
            if (changed) {
                continue;
            }
            long given = 0;
            List<Integer> sharing = new ArrayList<>();
            BigInteger[] remainders = new BigInteger[affordable.length];
            for (int i : kept) {
                if (atFloor[i]) {
                    allotted[i] = floor[i];
                } else if (rest >= restDemand) {
                    allotted[i] = affordable[i];
                } else {
                    BigInteger[] qr = exact(affordable[i], rest, restDemand);
                    allotted[i] = qr[0].longValueExact();
                    remainders[i] = qr[1];
                    sharing.add(i);
                }
                given += allotted[i];
            }
            // Largest remainder: the shares that rounding down left go one each to the largest fractions (indices follow the
            // order of application, so the lower index is the earlier application on a tie).
            Integer[] order = sharing.toArray(Integer[]::new);
            Arrays.sort(order, Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                    .thenComparing(i -> i));
            for (int k = 0; k < order.length && given < capacity; k++) {
                allotted[order[k]]++;
                given++;
            }
            return given;
        }
    }

    /** {@code affordable × capacity ÷ demand}, quotient and remainder, without overflow. */
    private static BigInteger[] exact(long affordable, long capacity, long demand) {
        return BigInteger.valueOf(affordable).multiply(BigInteger.valueOf(capacity)).divideAndRemainder(BigInteger.valueOf(demand));
    }
}
