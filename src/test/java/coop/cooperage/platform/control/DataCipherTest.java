package coop.cooperage.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class DataCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER = Base64.getEncoder().encodeToString("another key of exactly 32 bytes!".getBytes());

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        var cipher = new DataCipher(KEY);
        String a = cipher.encrypt("20-00-00 55779911");
        String b = cipher.encrypt("20-00-00 55779911");
        assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("55779911");
        assertThat(cipher.decrypt(a)).isEqualTo("20-00-00 55779911");
    }

    @Test
    void tamperingOrTheWrongKeyIsRefused() {
        String sealed = new DataCipher(KEY).encrypt("secret");
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> new DataCipher(KEY).decrypt(new String(chars))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataCipher(OTHER).decrypt(sealed)).hasMessageContaining("another key");
    }

    @Test
    void aKeyMustBe32Bytes() {
        assertThatThrownBy(() -> new DataCipher("c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new DataCipher("not base64!")).hasMessageContaining("base64");
    }
}
