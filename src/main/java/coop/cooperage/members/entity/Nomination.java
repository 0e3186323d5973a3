package coop.cooperage.members.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An entry in the book of nominations (2014 Act s.37): who receives (part of) the member's
 * holding on death, up to the statutory limit. Revoked, never deleted.
 */
@Entity
@Table(name = "nomination")
public class Nomination {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "member_id")
    private long memberId;

    @Column(name = "nominee_name")
    private String nomineeName;

    @Column(name = "nominee_address")
    private String nomineeAddress;

    private String relationship;

    @Column(name = "share_percent")
    private BigDecimal sharePercent;

    @Column(name = "made_on")
    private LocalDate madeOn;

    @Column(name = "revoked_on")
    private LocalDate revokedOn;

    @Column(name = "recorded_at")
    private LocalDateTime recordedAt;

    protected Nomination() {
    }

    public Nomination(long societyId, long memberId, String nomineeName, String nomineeAddress, String relationship,
            BigDecimal sharePercent, LocalDate madeOn, LocalDateTime recordedAt) {
        this.societyId = societyId;
        this.memberId = memberId;
        this.nomineeName = nomineeName;
        this.nomineeAddress = nomineeAddress;
        this.relationship = relationship;
        this.sharePercent = sharePercent;
        this.madeOn = madeOn;
        this.recordedAt = recordedAt;
    }

    public void revoke(LocalDate on) {
        if (revokedOn != null) {
            throw new IllegalStateException("This nomination was already revoked on " + revokedOn);
        }
        if (on.isBefore(madeOn)) {
            throw new IllegalArgumentException("A nomination cannot be revoked before it was made, on " + madeOn);
        }
        revokedOn = on;
    }

    public boolean isActiveOn(LocalDate date) {
        return !madeOn.isAfter(date) && (revokedOn == null || revokedOn.isAfter(date));
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public long memberId() { return memberId; }
    public String nomineeName() { return nomineeName; }
    public String nomineeAddress() { return nomineeAddress; }
    public String relationship() { return relationship; }
    public BigDecimal sharePercent() { return sharePercent; }
    public LocalDate madeOn() { return madeOn; }
    public LocalDate revokedOn() { return revokedOn; }
}
