package coop.cooperage.members.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegisterSearchTest {

    @Test
    void wordsBecomeRequiredPrefixesOfTheFullTextIndex() {
        assertThat(Register.fullTextQuery("Siân Llewellyn")).isEqualTo("+siân* +llewellyn*");
        assertThat(Register.fullTextQuery("BS1 4RW")).isEqualTo("+bs1* +4rw*");
        assertThat(Register.fullTextQuery("ann@example.org")).isEqualTo("+ann* +example* +org*");
    }

    @Test
    void operatorsCannotBeSmuggledIn() {
        assertThat(Register.fullTextQuery("smith -jones \"evans\" (morgan) <lewis>~"))
                .isEqualTo("+smith* +jones* +evans* +morgan* +lewis*");
    }

    @Test
    void shortWordsFallBackToAScan() {
        assertThat(Register.fullTextQuery("Jo Smith")).isNull();
        assertThat(Register.fullTextQuery("   ")).isNull();
    }
}
