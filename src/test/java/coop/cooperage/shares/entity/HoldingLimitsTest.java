package coop.cooperage.shares.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.money.Money;
import coop.cooperage.platform.control.InvalidInputException;
import org.junit.jupiter.api.Test;

class HoldingLimitsTest {

    private final HoldingLimits limits = new HoldingLimits(100_000, 100_000_00, false);

    private static Holding h(long shares, long pence) {
        return new Holding(shares, Money.ofPence(pence));
    }

    @Test
    void aHoldingNeverGoesBelowZero() {
        assertThat(limits.apply(h(10, 1000), -10, -1000)).isEqualTo(h(0, 0));
        assertThatThrownBy(() -> limits.apply(h(10, 1000), -11, -1100)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("The holding is 10 shares: it cannot lose 11");
        assertThatThrownBy(() -> limits.apply(h(10, 1000), 0, -1001)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot lose £10.01");
    }

    @Test
    void theCapStopsAnIndividualButNotARegisteredSociety() {
        assertThat(limits.apply(h(99_000, 99_000_00), 1_000, 1_000_00)).isEqualTo(h(100_000, 100_000_00));
        assertThatThrownBy(() -> limits.apply(h(99_000, 99_000_00), 1_001, 1_001_00)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("above the maximum holding of 100000 shares");
        var money = new HoldingLimits(1_000_000, 100_000_00, false);
        assertThatThrownBy(() -> money.apply(h(0, 0), 10, 100_000_01)).hasMessageContaining("above the holding cap of £100,000.00");
        var society = new HoldingLimits(100_000, 100_000_00, true);
        assertThat(society.apply(h(99_000, 99_000_00), 50_000, 50_000_00)).isEqualTo(h(149_000, 149_000_00));
    }

    @Test
    void aHoldingAboveALoweredCapMayStillShrink() {
        assertThat(new HoldingLimits(100, 100_00, false).apply(h(500, 500_00), -100, -100_00)).isEqualTo(h(400, 400_00));
    }

    @Test
    void sharesAreWorthTheirPartOfTheHoldingRoundedDownAndAllOfItTakesEverything() {
        assertThat(HoldingLimits.valueOf(h(300, 300_00), 100)).isEqualTo(Money.ofPence(100_00));
        // written down to £200 for 300 shares: 100 shares are worth £66.66, all 300 exactly £200
        assertThat(HoldingLimits.valueOf(h(300, 200_00), 100)).isEqualTo(Money.ofPence(66_66));
        assertThat(HoldingLimits.valueOf(h(300, 200_00), 300)).isEqualTo(Money.ofPence(200_00));
        assertThat(HoldingLimits.valueOf(h(0, 0), 5)).isEqualTo(Money.ZERO);
    }
}
