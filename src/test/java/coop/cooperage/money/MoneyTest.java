package coop.cooperage.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesPoundsAndPence() {
        assertThat(Money.parse("£1,234.56").pence()).isEqualTo(123456);
        assertThat(Money.parse("250").pence()).isEqualTo(25000);
        assertThat(Money.parse("0.5").pence()).isEqualTo(50);
        assertThat(Money.parse("10.500").pence()).isEqualTo(1050);
    }

    @Test
    void refusesFractionsOfAPennyAndNonsense() {
        assertThatThrownBy(() -> Money.parse("1.005")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("ten pounds")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsAsSterling() {
        assertThat(Money.ofPounds(100_000)).hasToString("£100,000.00");
        assertThat(Money.ofPence(-5)).hasToString("-£0.05");
    }

    @Test
    void roundingIsExplicit() {
        Money m = Money.ofPence(1001);
        assertThat(m.times(new BigDecimal("0.05"), RoundingMode.HALF_EVEN).pence()).isEqualTo(50);
        assertThat(m.times(new BigDecimal("0.05"), RoundingMode.UP).pence()).isEqualTo(51);
    }

    @Test
    void valueEquality() {
        assertThat(Money.ofPounds(1)).isEqualTo(Money.ofPence(100)).hasSameHashCodeAs(Money.ofPence(100));
    }

    @Test
    void anAmountTooLargeToHoldInPenceIsABadAmountNotACrash() {
        // 10^20 pounds overflows a long of pence: every form and API catches IllegalArgumentException as bad input
        assertThatThrownBy(() -> Money.parse("99999999999999999999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }
}
