package coop.cooperage.shares.entity;

import coop.cooperage.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Money the society owes a member (a refund, a withdrawal, a payment on death). A payment run
 * takes due payouts; marking the run paid pays them. One payout per source, by a unique key, so
 * nothing is owed twice.
 */
@Entity
@Table(name = "payout")
public class Payout {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "member_id")
    private long memberId;

    @Enumerated(EnumType.STRING)
    private PayoutKind kind;

    @Column(name = "amount_pence")
    private long amountPence;

    private Long shares;

    @Column(name = "source_type")
    private String sourceType;

    @Column(name = "source_id")
    private long sourceId;

    @Column(name = "payee_name")
    private String payeeName;

    @Column(name = "payee_bank_encrypted")
    private byte[] payeeBankEncrypted;

    /** Who entered the payee's bank details and when (shown on the due list: a redirected payout is visible). */
    @Column(name = "payee_bank_set_at")
    private LocalDateTime payeeBankSetAt;

    @Column(name = "payee_bank_set_by")
    private String payeeBankSetBy;

    @Enumerated(EnumType.STRING)
    private PayoutState state;

    @Column(name = "run_id")
    private Long runId;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Version
    private long version;

    protected Payout() {
    }

    public Payout(long societyId, long memberId, PayoutKind kind, Money amount, Long shares, String sourceType, long sourceId, String payeeName,
            LocalDateTime createdAt) {
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("A payout must be for more than nothing: " + amount);
        }
        this.societyId = societyId;
        this.memberId = memberId;
        this.kind = kind;
        this.amountPence = amount.pence();
        this.shares = shares;
        this.sourceType = sourceType;
        this.sourceId = sourceId;
        this.payeeName = payeeName;
        this.state = PayoutState.DUE;
        this.createdAt = createdAt;
    }

    /** A payment run takes this payout; it stays in that run until the run is paid. */
    public void takeInto(long runId) {
        if (state != PayoutState.DUE) {
            throw new IllegalStateException("Payout " + id + " is " + state + ", not due");
        }
        this.state = PayoutState.IN_RUN;
        this.runId = runId;
    }

    public void markPaid(LocalDate on) {
        if (state != PayoutState.IN_RUN) {
            throw new IllegalStateException("Payout " + id + " is " + state + ": only a payout in a run can be paid");
        }
        this.state = PayoutState.PAID;
        this.paidOn = on;
    }

    /** A draft payment run lets the payout go (taken out of the run, or the run cancelled): it is due again. */
    public void leaveRun() {
        if (state != PayoutState.IN_RUN) {
            throw new IllegalStateException("Payout " + id + " is " + state + ", not in a run");
        }
        this.state = PayoutState.DUE;
        this.runId = null;
    }

    /**
     * The bank account of whoever is paid instead of the member (a nominee, personal
     * representatives), already encrypted by the caller. Only while due: a run has frozen its own copy.
     */
    public void payeeBank(byte[] sealed, LocalDateTime at, String by) {
        if (state != PayoutState.DUE) {
            throw new IllegalStateException("Payout " + id + " is " + state + ": its payee can change only while it is due");
        }
        this.payeeBankEncrypted = sealed;
        this.payeeBankSetAt = at;
        this.payeeBankSetBy = by;
    }

    public void cancel() {
        if (state != PayoutState.DUE) {
            throw new IllegalStateException("Payout " + id + " is " + state + ": only a due payout can be cancelled");
        }
        this.state = PayoutState.CANCELLED;
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public long memberId() { return memberId; }
    public PayoutKind kind() { return kind; }
    public Money amount() { return Money.ofPence(amountPence); }
    public Long shares() { return shares; }
    public String sourceType() { return sourceType; }
    public long sourceId() { return sourceId; }
    public String payeeName() { return payeeName; }
    public byte[] payeeBankEncrypted() { return payeeBankEncrypted; }
    public LocalDateTime payeeBankSetAt() { return payeeBankSetAt; }
    public String payeeBankSetBy() { return payeeBankSetBy; }
    public PayoutState state() { return state; }
    public Long runId() { return runId; }
    public LocalDateTime createdAt() { return createdAt; }
    public LocalDate paidOn() { return paidOn; }
}
