package coop.cooperage.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A token for scripts and integrations. It acts for the account that created it, within one
 * society, with that account's roles there. Stored hashed; the secret is shown once.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = "ApiToken.byHash", query = "select t from ApiToken t where t.tokenHash = :hash")
@NamedQuery(name = "ApiToken.ofSociety", query = "select t from ApiToken t where t.societyId = :society order by t.createdAt desc")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "account_id")
    private long accountId;

    private String name;

    @Column(name = "token_prefix")
    private String prefix;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "last_used_at")
    private LocalDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private LocalDateTime revokedAt;

    protected ApiToken() {
    }

    public ApiToken(long societyId, long accountId, String name, String prefix, String tokenHash, LocalDateTime now) {
        this.societyId = societyId;
        this.accountId = accountId;
        this.name = name;
        this.prefix = prefix;
        this.tokenHash = tokenHash;
        this.createdAt = now;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public void revoke(LocalDateTime now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public void used(LocalDateTime now) {
        lastUsedAt = now;
    }

    public Long id() {
        return id;
    }

    public long societyId() {
        return societyId;
    }

    public long accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime lastUsedAt() {
        return lastUsedAt;
    }

    public LocalDateTime revokedAt() {
        return revokedAt;
    }
}
