package coop.cooperage.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * An email waiting in the transactional outbox. It is written in the same transaction as the
 * change that caused it, so a rolled-back change sends nothing and a committed one is never lost.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboundMail {

    public enum State { PENDING, SENT, FAILED, HELD }

    /** After this many failed attempts the message is given up as FAILED. */
    public static final int MAX_ATTEMPTS = 8;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private Long societyId;

    private String recipient;

    private String subject;

    private String body;

    /** An iCalendar invitation (RFC 5545 text) sent as a text/calendar alternative; null for plain mail. */
    private String calendar;

    @Enumerated(EnumType.STRING)
    private State state;

    private int attempts;

    @Column(name = "next_attempt_at")
    private LocalDateTime nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "sent_at")
    private LocalDateTime sentAt;

    protected OutboundMail() {
    }

    public OutboundMail(Long societyId, String recipient, String subject, String body, LocalDateTime now) {
        this.societyId = societyId;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.state = State.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Mail that carries a calendar invitation beside its text. */
    public OutboundMail(Long societyId, String recipient, String subject, String body, String calendar, LocalDateTime now) {
        this(societyId, recipient, subject, body, now);
        this.calendar = calendar;
    }

    public void sent(LocalDateTime now) {
        state = State.SENT;
        sentAt = now;
        attempts++;
        lastError = null;
    }

    /** Without a mail server (the demo) mail is kept for the administrator to read in the app. */
    public void hold() {
        state = State.HELD;
    }

    /** Backs off exponentially: 1, 2, 4 ... minutes, up to {@link #MAX_ATTEMPTS} attempts. */
    public void failed(String error, LocalDateTime now) {
        attempts++;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
        if (attempts >= MAX_ATTEMPTS) {
            state = State.FAILED;
        } else {
            nextAttemptAt = now.plus(Duration.ofMinutes(1L << (attempts - 1)));
        }
    }

    /**
     * The body as the administrator may read it: in full while the mail waits or was held (the
     * demo has no mail server, so that is how its mail is read), withheld once delivered, so
     * that sign-in links sent to people are not readable by anyone else afterwards.
     */
    public String bodyForAdministrator() {
        return state == State.SENT ? "(delivered; the body is not kept on view)" : body;
    }

    public Long id() { return id; }
    public Long societyId() { return societyId; }
    public String recipient() { return recipient; }
    public String subject() { return subject; }
    public String body() { return body; }
    public String calendar() { return calendar; }
    public State state() { return state; }
    public int attempts() { return attempts; }
    public LocalDateTime nextAttemptAt() { return nextAttemptAt; }
    public String lastError() { return lastError; }
    public LocalDateTime createdAt() { return createdAt; }
    public LocalDateTime sentAt() { return sentAt; }
}
