package coop.cooperage.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashVerifiesOnlyItsOwnPassword() {
        String hash = hasher.hash("correct horse battery");
        assertThat(hash).startsWith("pbkdf2-sha512$210000$").doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        assertThat(hasher.matches("x", "plain-text")).isFalse();
        assertThat(hasher.matches("x", null)).isFalse();
    }

    @Test
    void weakPasswordsAreNamed() {
        assertThat(PasswordHasher.weakness("short", "a@b.example")).contains("at least 10");
        assertThat(PasswordHasher.weakness("a@b.example", "a@b.example")).isNotNull();
        assertThat(PasswordHasher.weakness("long enough password", "a@b.example")).isNull();
    }
}
