package coop.cooperage.shares.entity;

import coop.cooperage.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A numbered share certificate: evidence of the shares one allotment gave a member. Issued once, never changed; the
 * PDF is drawn from this row whenever it is asked for, so it always reads the same.
 */
@Entity
@Table(name = "share_certificate")
public class ShareCertificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    private long number;

    @Column(name = "member_id")
    private long memberId;

    @Column(name = "offer_id")
    private Long offerId;

    @Column(name = "application_id")
    private Long applicationId;

    private long shares;

    @Column(name = "amount_pence")
    private long amountPence;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected ShareCertificate() {
    }

    public ShareCertificate(long societyId, long number, long memberId, Long offerId, Long applicationId, long shares, Money amount,
            LocalDate issuedOn, LocalDateTime createdAt) {
        if (shares < 1) {
            throw new IllegalArgumentException("A certificate is for at least one share");
        }
        this.societyId = societyId;
        this.number = number;
        this.memberId = memberId;
        this.offerId = offerId;
        this.applicationId = applicationId;
        this.shares = shares;
        this.amountPence = amount.pence();
        this.issuedOn = issuedOn;
        this.createdAt = createdAt;
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public long number() { return number; }
    public long memberId() { return memberId; }
    public Long offerId() { return offerId; }
    public Long applicationId() { return applicationId; }
    public long shares() { return shares; }
    public Money amount() { return Money.ofPence(amountPence); }
    public LocalDate issuedOn() { return issuedOn; }
    public LocalDateTime createdAt() { return createdAt; }
}
