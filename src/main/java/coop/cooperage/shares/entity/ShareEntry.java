package coop.cooperage.shares.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One line of the share ledger. Written once, never changed: a correction is a new entry. */
@Entity
@Table(name = "share_entry")
public class ShareEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "member_id")
    private long memberId;

    @Enumerated(EnumType.STRING)
    private ShareEntryKind kind;

    private long shares;

    @Column(name = "amount_pence")
    private long amountPence;

    @Column(name = "entry_date")
    private LocalDate entryDate;

    private String reference;

    @Column(name = "recorded_at")
    private LocalDateTime recordedAt;

    protected ShareEntry() {
    }

    public ShareEntry(long societyId, long memberId, ShareEntryKind kind, long shares, long amountPence, LocalDate entryDate,
            String reference, LocalDateTime recordedAt) {
        this.societyId = societyId;
        this.memberId = memberId;
        this.kind = kind;
        this.shares = shares;
        this.amountPence = amountPence;
        this.entryDate = entryDate;
        this.reference = reference;
        this.recordedAt = recordedAt;
    }

    public Long id() { return id; }
    public long memberId() { return memberId; }
    public ShareEntryKind kind() { return kind; }
    public long shares() { return shares; }
    public long amountPence() { return amountPence; }
    public LocalDate entryDate() { return entryDate; }
    public String reference() { return reference; }
}
