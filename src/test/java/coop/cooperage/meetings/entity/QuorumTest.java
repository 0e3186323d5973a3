package coop.cooperage.meetings.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.society.entity.RuleChangeMajority;
import coop.cooperage.society.entity.SocietyRules;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuorumTest {

    static SocietyRules rules(int members, String percent, boolean countsProxies, boolean proxiesAllowed) {
        return new SocietyRules(100, 50, 100_000, 100_000_00, 16, 91, new BigDecimal("10.00"), 14,
                members, new BigDecimal(percent), countsProxies, RuleChangeMajority.TWO_THIRDS,
                proxiesAllowed, 5, 48, 10);
    }

    @Test
    void tenPercentOfOneHundredAndOneRoundsUpToEleven() {
        Quorum q = Quorum.of(rules(20, "10", true, true), 101, 10, 0);
        assertThat(q.required()).isEqualTo(11);
        assertThat(q.quorate()).isFalse();
        assertThat(q.shortBy()).isEqualTo(1);
        assertThat(q.describe()).contains("1 more");
    }

    @Test
    void theFixedNumberWinsWhenItIsTheLesser() {
        Quorum q = Quorum.of(rules(20, "10", true, true), 1000, 20, 0);
        assertThat(q.required()).isEqualTo(20);
        assertThat(q.quorate()).isTrue();
        assertThat(q.shortBy()).isZero();
    }

    @Test
    void proxiesCountOnlyWhenTheRulesSaySo() {
        assertThat(Quorum.of(rules(20, "10", true, true), 100, 6, 4).quorate()).isTrue();
        Quorum without = Quorum.of(rules(20, "10", false, true), 100, 6, 4);
        assertThat(without.counted()).isEqualTo(6);
        assertThat(without.shortBy()).isEqualTo(4);
    }

    @Test
    void proxiesNeverCountWhereProxiesAreNotAllowed() {
        assertThat(Quorum.of(rules(20, "10", true, false), 100, 6, 4).counted()).isEqualTo(6);
    }

    @Test
    void aTinySocietyStillNeedsOnePersonPresent() {
        Quorum q = Quorum.of(rules(20, "10", true, true), 3, 0, 0);
        assertThat(q.required()).isEqualTo(1);
        assertThat(q.quorate()).isFalse();
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> Quorum.of(rules(20, "10", true, true), 10, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
