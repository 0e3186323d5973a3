package coop.cooperage.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AccountTest {

    private final LocalDateTime now = LocalDateTime.of(2026, 11, 28, 10, 0);

    @Test
    void theFifthFailureInARowLocksForFifteenMinutes() {
        var account = new Account("Sam@Riverside.example ", "Sam", now);
        assertThat(account.email()).isEqualTo("sam@riverside.example");
        for (int i = 0; i < 4; i++) {
            account.failedSignIn(now);
            assertThat(account.isLockedAt(now)).isFalse();
        }
        account.failedSignIn(now);
        assertThat(account.isLockedAt(now)).isTrue();
        assertThat(account.isLockedAt(now.plusMinutes(14))).isTrue();
        assertThat(account.isLockedAt(now.plusMinutes(15))).isFalse();
    }

    @Test
    void aSuccessResetsTheCount() {
        var account = new Account("sam@riverside.example", "Sam", now);
        for (int i = 0; i < 4; i++) {
            account.failedSignIn(now);
        }
        account.signedIn(now);
        account.failedSignIn(now);
        assertThat(account.isLockedAt(now)).isFalse();
    }

    @Test
    void aNewPasswordLiftsALockout() {
        var account = new Account("sam@riverside.example", "Sam", now);
        for (int i = 0; i < 5; i++) {
            account.failedSignIn(now);
        }
        account.changePassword("hash");
        assertThat(account.isLockedAt(now)).isFalse();
    }
}
