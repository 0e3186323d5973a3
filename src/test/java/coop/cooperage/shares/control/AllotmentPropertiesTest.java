package coop.cooperage.shares.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.shares.control.Allotment.Allocation;
import coop.cooperage.shares.control.Allotment.Applicant;
import coop.cooperage.shares.control.Allotment.Outcome;
import coop.cooperage.shares.entity.Locality;
import coop.cooperage.shares.entity.ScaleBack;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** What must hold for any offer and any applications, whatever the policy. */
class AllotmentPropertiesTest {

    @Provide
    Arbitrary<List<Applicant>> applications() {
        Arbitrary<Applicant> one = Combinators.combine(
                Arbitraries.longs().between(1, 2_000),
                Arbitraries.longs().between(0, 300_000),
                Arbitraries.of(true, false),
                Arbitraries.longs().between(0, 80)).as((requested, paid, local, held) -> new Applicant(0, requested, paid, local, held));
        return one.list().ofMaxSize(60).map(list -> {
            var numbered = new ArrayList<Applicant>();
            for (int i = 0; i < list.size(); i++) {
                var a = list.get(i);
                // one in seven cannot hold shares (membership ceased or refused)
                numbered.add(new Applicant(i + 1, a.sharesRequested(), a.paidPence(), a.local(), a.heldShares(), i % 7 != 3));
            }
            return numbered;
        });
    }

    @Property(tries = 2000)
    void totalsNeverExceedTheTargetAndMoneyAddsUp(@ForAll("applications") List<Applicant> apps,
            @ForAll @LongRange(min = 1, max = 500) long price, @ForAll @LongRange(min = 0, max = 5_000_000) long maximum,
            @ForAll Locality locality, @ForAll ScaleBack policy, @ForAll @IntRange(min = 0, max = 100) int minimumHolding) {
        long maximumHolding = minimumHolding + 500;
        var r = Allotment.allot(apps, price, maximum, locality, policy, minimumHolding, maximumHolding);
        assertThat(r.sharesAllotted()).isLessThanOrEqualTo(r.maximumShares());
        assertThat(r.sharesAllotted() * price).isLessThanOrEqualTo(maximum);
        assertThat(r.allottedPence() + r.refundPence()).isEqualTo(r.paidPence());
        assertThat(r.paidPence()).isEqualTo(apps.stream().mapToLong(Applicant::paidPence).sum());
        for (int i = 0; i < apps.size(); i++) {
            Applicant a = apps.get(i);
            Allocation x = r.allocations().get(i);
            assertThat(x.applicationId()).isEqualTo(a.applicationId());
            assertThat(x.sharesAllotted()).isBetween(0L, Math.min(a.sharesRequested(), a.paidPence() / price));
            assertThat(x.refundPence()).isEqualTo(a.paidPence() - x.sharesAllotted() * price).isNotNegative();
            if (x.sharesAllotted() > 0) {
                assertThat(x.sharesAllotted() + a.heldShares()).isBetween((long) minimumHolding, maximumHolding);
            }
            if ((locality == Locality.LOCAL_ONLY && !a.local()) || !a.admissible()) {
                assertThat(x.sharesAllotted()).isZero();
            }
        }
    }

    @Property(tries = 1000)
    void oversubscribedOffersAreFilledAsFarAsTheMinimumsAllowAndUndersubscribedInFull(
            @ForAll("applications") List<Applicant> apps, @ForAll @LongRange(min = 0, max = 50_000) long maxShares,
            @ForAll ScaleBack policy) {
        // With no minimum holding nothing stands in the way of filling the offer exactly.
        var r = Allotment.allot(apps, 100, maxShares * 100, Locality.ANYONE, policy, 1);
        long demand = r.allocations().stream().mapToLong(Allocation::affordable).sum();
        assertThat(r.sharesAllotted()).isEqualTo(Math.min(demand, maxShares));
        if (!r.oversubscribed()) {
            assertThat(r.allocations()).allSatisfy(a -> assertThat(a.sharesAllotted()).isEqualTo(a.affordable()));
        }
    }

    @Property(tries = 1000)
    void largestFirstNeverCutsASmallerApplicationMoreThanALargerOne(@ForAll("applications") List<Applicant> apps,
            @ForAll @LongRange(min = 0, max = 50_000) long maxShares) {
        var r = Allotment.allot(apps, 100, maxShares * 100, Locality.ANYONE, ScaleBack.LARGEST_FIRST, 1);
        var served = r.allocations().stream().filter(a -> a.outcome() != Outcome.NOT_PAID).toList();
        for (var a : served) {
            for (var b : served) {
                if (a.affordable() <= b.affordable()) {
                    // the smaller application never ends with more than the larger, nor more than one share less
                    // than the larger's cut level
                    assertThat(a.sharesAllotted()).isLessThanOrEqualTo(b.sharesAllotted() + 1);
                }
            }
        }
    }

    @Property(tries = 500)
    void theSameInputGivesTheSameAllotment(@ForAll("applications") List<Applicant> apps, @ForAll ScaleBack policy,
            @ForAll Locality locality) {
        var a = Allotment.allot(apps, 100, 1_000_000, locality, policy, 20);
        var b = Allotment.allot(List.copyOf(apps), 100, 1_000_000, locality, policy, 20);
        assertThat(a).isEqualTo(b);
    }
}
