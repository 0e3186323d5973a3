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

/** A secretary's invitation for someone to take a role in the society. */
@Entity
@Table(name = "invitation")
@NamedQuery(name = "Invitation.byHash", query = "select i from Invitation i where i.tokenHash = :hash")
public class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "invited_by")
    private long invitedBy;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "expires_at")
    private LocalDateTime expiresAt;

    @Column(name = "accepted_at")
    private LocalDateTime acceptedAt;

    protected Invitation() {
    }

    public Invitation(long societyId, String email, String displayName, Role role, String tokenHash,
            long invitedBy, LocalDateTime now, LocalDateTime expiresAt) {
        this.societyId = societyId;
        this.email = Account.normaliseEmail(email);
        this.displayName = displayName;
        this.role = role;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isOpenAt(LocalDateTime now) {
        return acceptedAt == null && expiresAt.isAfter(now);
    }

    public void accept(LocalDateTime now) {
        acceptedAt = now;
    }

    public Long id() {
        return id;
    }

    public long societyId() {
        return societyId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }
}
