package coop.cooperage.shares.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.shares.control.Allotment.Allocation;
import coop.cooperage.shares.control.Allotment.Applicant;
import coop.cooperage.shares.control.Allotment.Outcome;
import coop.cooperage.shares.control.Allotment.Result;
import coop.cooperage.shares.entity.Locality;
import coop.cooperage.shares.entity.ScaleBack;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** £1 shares (100p) unless said otherwise; applicants hold nothing yet unless said otherwise. */
class AllotmentTest {

    private static long id = 1;

    private static Applicant paid(long shares) {
        return new Applicant(id++, shares, shares * 100, true, 0);
    }

    private static Applicant away(long shares) {
        return new Applicant(id++, shares, shares * 100, false, 0);
    }

    private static List<Long> shares(Result r) {
        return r.allocations().stream().map(Allocation::sharesAllotted).toList();
    }

    private static List<Long> refunds(Result r) {
        return r.allocations().stream().map(Allocation::refundPence).toList();
    }

    private static Result allot(List<Applicant> apps, long maxShares, Locality locality, ScaleBack policy, long minimum) {
        return Allotment.allot(apps, 100, maxShares * 100, locality, policy, minimum);
    }

    @Test
    void undersubscribedEveryoneGetsWhatTheyPaidFor() {
        var r = allot(List.of(paid(100), paid(250), paid(50)), 1000, Locality.ANYONE, ScaleBack.LARGEST_FIRST, 50);
        assertThat(shares(r)).containsExactly(100L, 250L, 50L);
        assertThat(refunds(r)).containsExactly(0L, 0L, 0L);
        assertThat(r.oversubscribed()).isFalse();
        assertThat(r.sharesAllotted()).isEqualTo(400);
        assertThat(r.allocations()).extracting(Allocation::outcome).containsOnly(Outcome.IN_FULL);
    }

    @Test
    void overpaymentIsRefundedAndPartPaymentBuysWholeSharesOnly() {
        var over = new Applicant(1, 100, 12_345, true, 0);   // asked for 100 shares, paid £123.45
        var part = new Applicant(2, 100, 7_050, true, 0);    // asked for 100, paid £70.50: 70 shares and 50p back
        var r = allot(List.of(over, part), 1000, Locality.ANYONE, ScaleBack.PRO_RATA, 1);
        assertThat(shares(r)).containsExactly(100L, 70L);
        assertThat(refunds(r)).containsExactly(2_345L, 50L);
        assertThat(r.allocations().get(1).outcome()).isEqualTo(Outcome.PART_PAID);
        assertThat(r.allottedPence() + r.refundPence()).isEqualTo(r.paidPence()).isEqualTo(19_395);
    }

    @Test
    void unpaidGetsNothingAndNoRefund() {
        var r = allot(List.of(new Applicant(1, 100, 0, true, 0)), 1000, Locality.ANYONE, ScaleBack.PRO_RATA, 1);
        assertThat(shares(r)).containsExactly(0L);
        assertThat(refunds(r)).containsExactly(0L);
        assertThat(r.allocations().get(0).outcome()).isEqualTo(Outcome.NOT_PAID);
    }

    @Test
    void paidForLessThanTheMinimumHoldingGetsNothingAndAFullRefund() {
        var r = allot(List.of(new Applicant(1, 100, 4_999, true, 0)), 1000, Locality.ANYONE, ScaleBack.LARGEST_FIRST, 50);
        assertThat(shares(r)).containsExactly(0L);
        assertThat(refunds(r)).containsExactly(4_999L);
        assertThat(r.allocations().get(0).outcome()).isEqualTo(Outcome.BELOW_MINIMUM);
    }

    @Test
    void anExistingMemberAlreadyAtTheMinimumMayBuyLess() {
        var r = allot(List.of(new Applicant(1, 10, 1_000, true, 60)), 1000, Locality.ANYONE, ScaleBack.LARGEST_FIRST, 50);
        assertThat(shares(r)).containsExactly(10L);
        var topUp = allot(List.of(new Applicant(1, 10, 1_000, true, 45)), 1000, Locality.ANYONE, ScaleBack.LARGEST_FIRST, 50);
        assertThat(shares(topUp)).containsExactly(10L);
        var notEnough = allot(List.of(new Applicant(1, 10, 1_000, true, 30)), 1000, Locality.ANYONE, ScaleBack.LARGEST_FIRST, 50);
        assertThat(shares(notEnough)).containsExactly(0L);
    }

    @Test
    void largestFirstCutsTheLargestDownToOneLevel() {
        // 1,000 shares; 100 + 300 + 500 + 800 = 1,700 asked. Level 300: 100 + 300 + 300 + 300 = 1,000.
        var r = allot(List.of(paid(100), paid(300), paid(500), paid(800)), 1000, Locality.ANYONE, ScaleBack.LARGEST_FIRST, 50);
        assertThat(shares(r)).containsExactly(100L, 300L, 300L, 300L);
        assertThat(refunds(r)).containsExactly(0L, 0L, 20_000L, 50_000L);
        assertThat(r.allocations()).extracting(Allocation::outcome)
                .containsExactly(Outcome.IN_FULL, Outcome.IN_FULL, Outcome.SCALED_BACK, Outcome.SCALED_BACK);
        assertThat(r.oversubscribed()).isTrue();
    }

    @Test
    void largestFirstGivesTheLeftoverSharesToTheEarliestAtTheLevel() {
        // 1,001 shares over 400 + 400 + 400: level 333 makes 999, two left: the first two get 334.
        var r = allot(List.of(paid(400), paid(400), paid(400)), 1001, Locality.ANYONE, ScaleBack.LARGEST_FIRST, 1);
        assertThat(shares(r)).containsExactly(334L, 334L, 333L);
        assertThat(r.sharesAllotted()).isEqualTo(1001);
    }

    @Test
    void largestFirstNeverCutsBelowTheMinimum() {
        // 300 shares, minimum 100; 120 + 500 + 500. Levelling to 100 each and 0 left would be 300: nobody below 100.
        var r = allot(List.of(paid(120), paid(500), paid(500)), 300, Locality.ANYONE, ScaleBack.LARGEST_FIRST, 100);
        assertThat(shares(r)).containsExactly(100L, 100L, 100L);
        assertThat(r.sharesAllotted()).isEqualTo(300);
    }

    @Test
    void whenTheMinimumsDoNotFitTheLatestApplicationsAreLeftOut() {
        var r = allot(List.of(paid(100), paid(100), paid(100)), 250, Locality.ANYONE, ScaleBack.LARGEST_FIRST, 100);
        assertThat(shares(r)).containsExactly(100L, 100L, 0L);
        assertThat(r.allocations().get(2).outcome()).isEqualTo(Outcome.CROWDED_OUT);
        assertThat(refunds(r)).containsExactly(0L, 0L, 10_000L);
        var pro = allot(List.of(paid(100), paid(100), paid(100)), 250, Locality.ANYONE, ScaleBack.PRO_RATA, 100);
        assertThat(shares(pro)).containsExactly(100L, 100L, 0L);
    }

    @Test
    void proRataScalesEveryoneByTheSameFractionAndAddsUpExactly() {
        // 1,000 shares over 200 + 600 + 1,200 = 2,000: half each.
        var r = allot(List.of(paid(200), paid(600), paid(1200)), 1000, Locality.ANYONE, ScaleBack.PRO_RATA, 1);
        assertThat(shares(r)).containsExactly(100L, 300L, 600L);
        // 1,000 over three of 1,000: 333.33 each, one left over, to the earliest (equal remainders).
        var thirds = allot(List.of(paid(1000), paid(1000), paid(1000)), 1000, Locality.ANYONE, ScaleBack.PRO_RATA, 1);
        assertThat(shares(thirds)).containsExactly(334L, 333L, 333L);
    }

    @Test
    void proRataGivesLeftoversToTheLargestRemainders() {
        // 10 shares over 3 + 3 + 4 + 5 = 15: exact 2, 2, 2.67, 3.33 → floors 2,2,2,3 (9), one left: to 2.67.
        var r = allot(List.of(paid(3), paid(3), paid(4), paid(5)), 10, Locality.ANYONE, ScaleBack.PRO_RATA, 1);
        assertThat(shares(r)).containsExactly(2L, 2L, 3L, 3L);
    }

    @Test
    void proRataHoldsSmallApplicationsAtTheMinimumAndSharesTheRest() {
        // 1,000 shares, minimum 50; 60 + 1,000 + 1,000. Pro rata would give 60 about 29: held at 50, the other two
        // share 950 in proportion: 475 each.
        var r = allot(List.of(paid(60), paid(1000), paid(1000)), 1000, Locality.ANYONE, ScaleBack.PRO_RATA, 50);
        assertThat(shares(r)).containsExactly(50L, 475L, 475L);
        assertThat(r.sharesAllotted()).isEqualTo(1000);
    }

    @Test
    void localPriorityServesLocalApplicantsFirst() {
        // 1,000 shares: locals ask 700 in all and get it; the 300 left go to the others, largest first.
        var r = allot(List.of(away(500), paid(400), away(100), paid(300)), 1000, Locality.LOCAL_PRIORITY, ScaleBack.LARGEST_FIRST, 1);
        assertThat(shares(r)).containsExactly(200L, 400L, 100L, 300L);
        var pro = allot(List.of(away(500), paid(400), away(100), paid(300)), 1000, Locality.LOCAL_PRIORITY, ScaleBack.PRO_RATA, 1);
        assertThat(shares(pro)).containsExactly(250L, 400L, 50L, 300L);
    }

    @Test
    void localPriorityWhenLocalsAloneOversubscribeLeavesOthersOut() {
        var r = allot(List.of(away(100), paid(800), paid(400)), 1000, Locality.LOCAL_PRIORITY, ScaleBack.LARGEST_FIRST, 1);
        assertThat(shares(r)).containsExactly(0L, 600L, 400L);
        assertThat(r.allocations().get(0).outcome()).isEqualTo(Outcome.CROWDED_OUT);
        assertThat(refunds(r).get(0)).isEqualTo(10_000L);
    }

    @Test
    void localOnlyRefundsApplicantsFromOutsideTheArea() {
        var r = allot(List.of(away(100), paid(100)), 1000, Locality.LOCAL_ONLY, ScaleBack.LARGEST_FIRST, 1);
        assertThat(shares(r)).containsExactly(0L, 100L);
        assertThat(r.allocations().get(0).outcome()).isEqualTo(Outcome.NOT_LOCAL);
        assertThat(refunds(r)).containsExactly(10_000L, 0L);
    }

    @Test
    void anyoneIgnoresLocality() {
        var r = allot(List.of(away(800), paid(800)), 1000, Locality.ANYONE, ScaleBack.LARGEST_FIRST, 1);
        assertThat(shares(r)).containsExactly(500L, 500L);
    }

    @Test
    void theMaximumTargetBuysWholeSharesOnly() {
        // £1,000.50 at £2.50 a share is 400 shares (£1,000), not 400.2.
        var r = Allotment.allot(List.of(new Applicant(1, 1000, 250_000, true, 0)), 250, 100_050, Locality.ANYONE,
                ScaleBack.PRO_RATA, 1);
        assertThat(r.maximumShares()).isEqualTo(400);
        assertThat(shares(r)).containsExactly(400L);
        assertThat(refunds(r)).containsExactly(150_000L);
    }

    @Test
    void noApplicationsIsAnEmptyAllotment() {
        var r = allot(List.of(), 1000, Locality.ANYONE, ScaleBack.PRO_RATA, 1);
        assertThat(r.allocations()).isEmpty();
        assertThat(r.sharesAllotted()).isZero();
    }

    @Test
    void aNegativePaymentTotalIsRefused() {
        assertThatThrownBy(() -> new Applicant(1, 10, -1, true, 0)).hasMessageContaining("less than nothing");
    }

    @Test
    void tenThousandApplicationsAddUpExactly() {
        var apps = new ArrayList<Applicant>();
        for (int i = 0; i < 10_000; i++) {
            apps.add(new Applicant(i, 50 + (i * 37L) % 5000, (50 + (i * 37L) % 5000) * 100 + i % 3, i % 4 != 0, 0));
        }
        for (ScaleBack policy : ScaleBack.values()) {
            var r = Allotment.allot(apps, 100, 500_000_00L, Locality.LOCAL_PRIORITY, policy, 50);
            assertThat(r.sharesAllotted()).isEqualTo(500_000);
            assertThat(r.allottedPence() + r.refundPence()).isEqualTo(r.paidPence());
            assertThat(r.allocations()).allSatisfy(a -> assertThat(a.sharesAllotted() == 0 || a.sharesAllotted() >= 50).isTrue());
        }
    }

    @Test
    void nobodyIsTakenAboveTheMaximumHolding() {
        // maximum 1,000 shares: a member holding 900 can have 100 more; the rest of their money goes back
        var r = Allotment.allot(List.of(new Applicant(1, 500, 50_000, true, 900), new Applicant(2, 500, 50_000, true, 0)), 100,
                1_000_000, Locality.ANYONE, ScaleBack.PRO_RATA, 50, 1000);
        assertThat(shares(r)).containsExactly(100L, 500L);
        assertThat(refunds(r)).containsExactly(40_000L, 0L);
        assertThat(r.allocations().get(0).outcome()).isEqualTo(Outcome.CAPPED);
        // already at the maximum: nothing, all refunded
        var full = Allotment.allot(List.of(new Applicant(1, 10, 1_000, true, 1000)), 100, 1_000_000, Locality.ANYONE,
                ScaleBack.PRO_RATA, 50, 1000);
        assertThat(shares(full)).containsExactly(0L);
        assertThat(refunds(full)).containsExactly(1_000L);
    }

    @Test
    void someoneWhoCannotHoldSharesGetsTheirMoneyBackAndLeavesTheRestForOthers() {
        var r = allot(List.of(new Applicant(1, 600, 60_000, true, 0, false), paid(600)), 1000, Locality.ANYONE,
                ScaleBack.LARGEST_FIRST, 50);
        assertThat(shares(r)).containsExactly(0L, 600L);
        assertThat(refunds(r)).containsExactly(60_000L, 0L);
        assertThat(r.allocations().get(0).outcome()).isEqualTo(Outcome.NOT_ADMISSIBLE);
        assertThat(r.oversubscribed()).isFalse();
    }
}
