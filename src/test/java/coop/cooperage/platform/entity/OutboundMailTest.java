package coop.cooperage.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class OutboundMailTest {

    private final LocalDateTime now = LocalDateTime.of(2026, 11, 28, 9, 0);

    @Test
    void failuresBackOffExponentiallyThenGiveUp() {
        var mail = new OutboundMail(null, "a@b.example", "s", "b", now);
        mail.failed("connection refused", now);
        assertThat(mail.nextAttemptAt()).isEqualTo(now.plusMinutes(1));
        mail.failed("connection refused", now);
        assertThat(mail.nextAttemptAt()).isEqualTo(now.plusMinutes(2));
        mail.failed("connection refused", now);
        assertThat(mail.nextAttemptAt()).isEqualTo(now.plusMinutes(4));
        assertThat(mail.state()).isEqualTo(OutboundMail.State.PENDING);
        for (int i = 3; i < OutboundMail.MAX_ATTEMPTS; i++) {
            mail.failed("connection refused", now);
        }
        assertThat(mail.state()).isEqualTo(OutboundMail.State.FAILED);
        assertThat(mail.attempts()).isEqualTo(OutboundMail.MAX_ATTEMPTS);
    }

    @Test
    void deliveredBodiesAreWithheldFromTheOutboxView() {
        var held = new OutboundMail(null, "a@b.example", "Reset", "link: https://x/reset?token=secret", now);
        held.hold();
        assertThat(held.bodyForAdministrator()).contains("token=secret");
        var sent = new OutboundMail(null, "a@b.example", "Reset", "link: https://x/reset?token=secret", now);
        sent.sent(now);
        assertThat(sent.bodyForAdministrator()).doesNotContain("secret");
    }

    @Test
    void sentMailRecordsWhen() {
        var mail = new OutboundMail(1L, "a@b.example", "s", "b", now);
        mail.sent(now.plusSeconds(3));
        assertThat(mail.state()).isEqualTo(OutboundMail.State.SENT);
        assertThat(mail.sentAt()).isEqualTo(now.plusSeconds(3));
    }
}
