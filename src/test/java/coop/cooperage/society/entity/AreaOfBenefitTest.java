package coop.cooperage.society.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AreaOfBenefitTest {

    @Test
    void districtsAndSectorsAreNormalised() {
        var area = AreaOfBenefit.parse(" bs1, BS4  1;\nec1a ,  w1");
        assertThat(area.entries()).containsExactly("BS1", "BS4 1", "EC1A", "W1");
        assertThat(area).hasToString("BS1, BS4 1, EC1A, W1");
    }

    @Test
    void aPostcodeIsLocalByDistrictOrSector() {
        var area = AreaOfBenefit.parse("BS1, BS4 1");
        assertThat(area.contains("BS1 4RW")).isTrue();
        assertThat(area.contains("bs14rw")).isTrue();
        assertThat(area.contains("BS4 1AB")).isTrue();
        assertThat(area.contains("BS4 2AB")).isFalse();
        assertThat(area.contains("BS10 1AB")).isFalse(); // BS10 is not BS1
        assertThat(area.contains("not a postcode")).isFalse();
    }

    @Test
    void everyBadEntryIsNamed() {
        assertThatThrownBy(() -> AreaOfBenefit.parse("BS1, Bristol, 12345"))
                .hasMessageContaining("Bristol").hasMessageContaining("12345");
        assertThatThrownBy(() -> AreaOfBenefit.parse(" , ")).hasMessageContaining("at least one");
    }
}
