package coop.cooperage.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A single-use link sent by email (password reset) or printed to the log (first
 * administrator). Only the SHA-256 of the token is stored, so a database leak yields no
 * working links.
 */
@Entity
@Table(name = "one_time_link")
@NamedQuery(name = "OneTimeLink.byHash", query = "select l from OneTimeLink l where l.tokenHash = :hash")
public class OneTimeLink {

    public enum Purpose { PASSWORD_RESET, ADMIN_SETUP }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "expires_at")
    private LocalDateTime expiresAt;

    @Column(name = "used_at")
    private LocalDateTime usedAt;

    protected OneTimeLink() {
    }

    public OneTimeLink(Purpose purpose, Long accountId, String tokenHash, LocalDateTime now, LocalDateTime expiresAt) {
        this.purpose = purpose;
        this.accountId = accountId;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isUsableAt(LocalDateTime now, Purpose expected) {
        return purpose == expected && usedAt == null && expiresAt.isAfter(now);
    }

    public void use(LocalDateTime now) {
        this.usedAt = now;
    }

    public Long accountId() {
        return accountId;
    }
}
