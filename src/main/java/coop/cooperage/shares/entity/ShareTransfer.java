package coop.cooperage.shares.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A transfer of shares between living members, with the board consent that allowed it. */
@Entity
@Table(name = "share_transfer")
public class ShareTransfer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "from_member_id")
    private long fromMemberId;

    @Column(name = "to_member_id")
    private long toMemberId;

    private long shares;

    @Column(name = "amount_pence")
    private long amountPence;

    @Column(name = "transferred_on")
    private LocalDate transferredOn;

    @Column(name = "board_consent")
    private String boardConsent;

    @Column(name = "consented_on")
    private LocalDate consentedOn;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private LocalDateTime recordedAt;

    protected ShareTransfer() {
    }

    @SuppressWarnings("java:S107")
    public ShareTransfer(long societyId, long fromMemberId, long toMemberId, long shares, long amountPence, LocalDate transferredOn,
            String boardConsent, LocalDate consentedOn, String recordedBy, LocalDateTime recordedAt) {
        this.societyId = societyId;
        this.fromMemberId = fromMemberId;
        this.toMemberId = toMemberId;
        this.shares = shares;
        this.amountPence = amountPence;
        this.transferredOn = transferredOn;
        this.boardConsent = boardConsent;
        this.consentedOn = consentedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long id() { return id; }
    public long shares() { return shares; }
    public long amountPence() { return amountPence; }
}
