package coop.cooperage.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {

    @ParameterizedTest
    @ValueSource(strings = {"sam@riverside.example", "o'brien+coop@mail.co.uk", "a@b.cd"})
    void acceptsRealAddresses(String email) {
        assertThat(Emails.isValid(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sam", "sam@", "@riverside.example", "sam@riverside", "sam smith@x.example", "a@-b.example"})
    void refusesOthers(String email) {
        assertThat(Emails.isValid(email)).isFalse();
    }
}
