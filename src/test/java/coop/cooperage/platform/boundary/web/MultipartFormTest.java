package coop.cooperage.platform.boundary.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    @Test
    void readsTextAndFileParts() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"register.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "Name,Postcode\r\nSiân,BS1 4RW\r\n\r\n--XyZ--\r\n";
        var form = MultipartForm.parse("multipart/form-data; boundary=XyZ", body.getBytes(StandardCharsets.UTF_8));
        assertThat(form.text("note")).isEqualTo("hello");
        assertThat(form.part("file").fileName()).isEqualTo("register.csv");
        assertThat(form.part("file").text()).isEqualTo("Name,Postcode\r\nSiân,BS1 4RW\r\n");
        assertThat(form.part("missing")).isNull();
    }

    @Test
    void refusesABodyThatIsNotMultipart() {
        assertThatThrownBy(() -> MultipartForm.parse("application/x-www-form-urlencoded", new byte[0]))
                .hasMessageContaining("multipart");
    }
}
