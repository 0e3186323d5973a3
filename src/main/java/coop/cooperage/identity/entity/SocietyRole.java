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

/** A role an account holds in one society. */
@Entity
@Table(name = "society_role")
@NamedQuery(name = "SocietyRole.ofAccount", query = "select r from SocietyRole r where r.accountId = :account")
@NamedQuery(name = "SocietyRole.ofSociety", query = "select r from SocietyRole r where r.societyId = :society order by r.accountId")
public class SocietyRole {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "account_id")
    private long accountId;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "granted_at")
    private LocalDateTime grantedAt;

    protected SocietyRole() {
    }

    public SocietyRole(long societyId, long accountId, Role role, LocalDateTime now) {
        this.societyId = societyId;
        this.accountId = accountId;
        this.role = role;
        this.grantedAt = now;
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

    public Role role() {
        return role;
    }
}
