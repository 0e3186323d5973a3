package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.money.BankDetails;
import coop.cooperage.platform.control.DataCipher;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.shares.entity.PayoutKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class BankDetailsVaultTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    final BankDetailsVault vault = new BankDetailsVault(new DataCipher(KEY));

    @Test
    void sealedDetailsOpenToTheSameAccountAndHoldNoPlainDigitsOrName() {
        var details = new BankDetails("30-94-30", "00733445", "Ann | O'Neill");
        byte[] sealed = vault.seal(details);
        String stored = new String(sealed, StandardCharsets.US_ASCII);
        assertThat(stored).startsWith("v1:").doesNotContain("309430").doesNotContain("00733445").doesNotContain("Neill");
        assertThat(vault.open(sealed)).isEqualTo(details);
        // a fresh nonce each time: equal accounts do not give equal ciphertexts
        assertThat(vault.seal(details)).isNotEqualTo(sealed);
    }

    @Test
    void anotherKeyCannotOpenThem() {
        byte[] sealed = vault.seal(new BankDetails("309430", "00733445", "Ann"));
        var other = new BankDetailsVault(new DataCipher(Base64.getEncoder().encodeToString(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})));
        assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("another key");
    }

    @Test
    void validationNamesEachFormFieldAndRefusesANameBanksCannotCarry() {
        assertThatThrownBy(() -> BankAccounts.validate("12", "1234567", " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.byField()).containsOnlyKeys("sortCode", "accountNumber", "accountName"));
        assertThatThrownBy(() -> BankAccounts.validate("30-94-30", "00733445", "李小龍"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsOnlyKeys("accountName"));
        assertThat(BankAccounts.validate("30 94 30", "0073 3445", "Ann Smith").masked()).isEqualTo("**-**-30 ****3445");
    }

    @Test
    void referencesSayWhoAndWhatInEighteenBacsCharacters() {
        assertThat(PaymentRuns.referenceFor(PayoutKind.WITHDRAWAL, 123456L, "A-X")).isEqualTo("M123456 WITHDRAWAL");
        assertThat(PaymentRuns.referenceFor(PayoutKind.DEATH, 7L, null)).isEqualTo("M7 ON DEATH");
        assertThat(PaymentRuns.referenceFor(PayoutKind.REFUND, null, "rx-7f3k")).isEqualTo("RX-7F3K REFUND");
        assertThat(PaymentRuns.referenceFor(PayoutKind.INTEREST, 1234567890L, null)).hasSize(18);
    }

    @Test
    void withoutTheDataKeyNothingIsStoredAndTheReasonIsSaidPlainlyAndLoggedOnce() {
        var unkeyed = new BankDetailsVault();
        unkeyed.key = Optional.empty();
        var logged = new ArrayList<LogRecord>();
        var handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(BankDetailsVault.class.getName());
        logger.addHandler(handler);
        try {
            var details = new BankDetails("30-94-30", "00733445", "Ann");
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> unkeyed.seal(details)).isInstanceOf(DataKeyMissingException.class)
                        .hasMessageContaining("Bank details cannot be stored").hasMessageContaining("not configured")
                        .hasMessageNotContaining("00733445");
            }
            assertThat(logged).hasSize(1);
            unkeyed.key = Optional.of("  ");
            assertThatThrownBy(() -> unkeyed.open(new byte[] {1})).isInstanceOf(DataKeyMissingException.class);
        } finally {
            logger.removeHandler(handler);
        }
    }
}
