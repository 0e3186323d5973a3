package coop.cooperage.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.LocalDateTime;

/** One person's way in. One account may hold roles in many societies. */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.byEmail", query = "select a from Account a where a.email = :email")
public class Account {

    /** Consecutive failures that lock an account for {@link #LOCKOUT}. */
    public static final int MAX_FAILED_ATTEMPTS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "platform_admin")
    private boolean platformAdmin;

    @Column(name = "failed_attempts")
    private int failedAttempts;

    @Column(name = "locked_until")
    private LocalDateTime lockedUntil;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "last_signed_in_at")
    private LocalDateTime lastSignedInAt;

    @Version
    private long version;

    protected Account() {
    }

    public Account(String email, String displayName, LocalDateTime now) {
        this.email = normaliseEmail(email);
        this.displayName = displayName;
        this.createdAt = now;
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isLockedAt(LocalDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Records a failed attempt; the fifth in a row locks the account for a while. */
    public void failedSignIn(LocalDateTime now) {
        failedAttempts++;
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
            lockedUntil = now.plus(LOCKOUT);
            failedAttempts = 0;
        }
    }

    public void signedIn(LocalDateTime now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastSignedInAt = now;
    }

    /** A new password also clears a lockout: the person proved they hold the mailbox. */
    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    public void makePlatformAdmin() {
        this.platformAdmin = true;
    }

    public void rename(String displayName) {
        this.displayName = displayName;
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public boolean isPlatformAdmin() {
        return platformAdmin;
    }

    public LocalDateTime lockedUntil() {
        return lockedUntil;
    }

    public LocalDateTime lastSignedInAt() {
        return lastSignedInAt;
    }
}
