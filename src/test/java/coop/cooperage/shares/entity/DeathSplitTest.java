package coop.cooperage.shares.entity;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.money.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeathSplitTest {

    private static final Money LIMIT = Money.ofPounds(5_000);

    @Test
    void aHoldingWithinTheLimitPassesWhollyToTheNominee() {
        var r = DeathSplit.split(new Holding(3_000, Money.ofPounds(3_000)), List.of(new DeathSplit.Nominated(7, BigDecimal.valueOf(100))), LIMIT);
        assertThat(r.nominees()).containsExactly(new DeathSplit.Part(7, 3_000, Money.ofPounds(3_000)));
        assertThat(r.remainderShares()).isZero();
        assertThat(r.remainderAmount()).isEqualTo(Money.ZERO);
    }

    @Test
    void aboveFiveThousandPoundsTheRestGoesToThePersonalRepresentatives() {
        var r = DeathSplit.split(new Holding(8_000, Money.ofPounds(8_000)), List.of(new DeathSplit.Nominated(1, BigDecimal.valueOf(100))), LIMIT);
        assertThat(r.nominees()).containsExactly(new DeathSplit.Part(1, 5_000, Money.ofPounds(5_000)));
        assertThat(r.remainderShares()).isEqualTo(3_000);
        assertThat(r.remainderAmount()).isEqualTo(Money.ofPounds(3_000));
    }

    @Test
    void severalNominationsAboveTheLimitAreScaledDownInProportion() {
        var r = DeathSplit.split(new Holding(20_000, Money.ofPounds(20_000)),
                List.of(new DeathSplit.Nominated(1, BigDecimal.valueOf(60)), new DeathSplit.Nominated(2, BigDecimal.valueOf(40))), LIMIT);
        assertThat(r.nominees()).containsExactly(new DeathSplit.Part(1, 3_000, Money.ofPounds(3_000)),
                new DeathSplit.Part(2, 2_000, Money.ofPounds(2_000)));
        assertThat(r.remainderShares()).isEqualTo(15_000);
    }

    @Test
    void withoutANominationEverythingGoesToTheRepresentatives() {
        var r = DeathSplit.split(new Holding(250, Money.ofPounds(250)), List.of(), LIMIT);
        assertThat(r.nominees()).isEmpty();
        assertThat(r.remainderShares()).isEqualTo(250);
        assertThat(r.remainderAmount()).isEqualTo(Money.ofPounds(250));
    }

    @Test
    void aHalfNominationOfAWrittenDownHoldingPassesHalfTheSharesAtTheirPresentValue() {
        var r = DeathSplit.split(new Holding(1_000, Money.ofPounds(500)), List.of(new DeathSplit.Nominated(3, BigDecimal.valueOf(50))), LIMIT);
        assertThat(r.nominees()).containsExactly(new DeathSplit.Part(3, 500, Money.ofPounds(250)));
        assertThat(r.remainderShares()).isEqualTo(500);
        assertThat(r.remainderAmount()).isEqualTo(Money.ofPounds(250));
    }
}
