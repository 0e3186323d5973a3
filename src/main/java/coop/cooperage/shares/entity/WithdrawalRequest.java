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

/** A member's request to withdraw shares, queued first in, first out by when it was made. */
@Entity
@Table(name = "withdrawal_request")
public class WithdrawalRequest {

    public static final String PAYOUT_SOURCE = "withdrawal_request";

    public enum Channel { PORTAL, PAPER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "member_id")
    private long memberId;

    private long shares;

    @Column(name = "requested_on")
    private LocalDate requestedOn;

    @Column(name = "requested_at")
    private LocalDateTime requestedAt;

    @Column(name = "notice_ends_on")
    private LocalDate noticeEndsOn;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private WithdrawalState state;

    @Column(name = "amount_pence")
    private Long amountPence;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "decided_by")
    private String decidedBy;

    private String reason;

    @Column(name = "payout_id")
    private Long payoutId;

    @Version
    private long version;

    protected WithdrawalRequest() {
    }

    public WithdrawalRequest(long societyId, long memberId, long shares, LocalDate requestedOn, LocalDateTime requestedAt, int noticeDays,
            Channel channel) {
        if (shares <= 0) {
            throw new IllegalArgumentException("A withdrawal is of at least one share");
        }
        this.societyId = societyId;
        this.memberId = memberId;
        this.shares = shares;
        this.requestedOn = requestedOn;
        this.requestedAt = requestedAt;
        this.noticeEndsOn = requestedOn.plusDays(noticeDays);
        this.channel = channel;
        this.state = WithdrawalState.REQUESTED;
    }

    public void approve(LocalDate on, String by, Money amount, long payoutId) {
        require(state.isQueued(), "approve");
        this.state = WithdrawalState.APPROVED;
        this.decidedOn = on;
        this.decidedBy = by;
        this.amountPence = amount.pence();
        this.payoutId = payoutId;
    }

    public void defer(LocalDate on, String by, String reason) {
        require(state.isQueued(), "defer");
        this.state = WithdrawalState.DEFERRED;
        this.decidedOn = on;
        this.decidedBy = by;
        this.reason = reason;
    }

    public void refuse(LocalDate on, String by, String reason) {
        require(state.isQueued(), "refuse");
        this.state = WithdrawalState.REFUSED;
        this.decidedOn = on;
        this.decidedBy = by;
        this.reason = reason;
    }

    /** By the member while it waits, or by the society when the member dies. */
    public void cancel(LocalDate on, String by, String reason) {
        require(state.isQueued() || state == WithdrawalState.APPROVED, "cancel");
        this.state = WithdrawalState.CANCELLED;
        this.decidedOn = on;
        this.decidedBy = by;
        this.reason = reason;
    }

    public void paid() {
        require(state == WithdrawalState.APPROVED, "mark paid");
        this.state = WithdrawalState.PAID;
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("Cannot " + what + " a withdrawal request that is " + state.label().toLowerCase());
        }
    }

    public boolean noticeServedOn(LocalDate date) {
        return !date.isBefore(noticeEndsOn);
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public long memberId() { return memberId; }
    public long shares() { return shares; }
    public LocalDate requestedOn() { return requestedOn; }
    public LocalDateTime requestedAt() { return requestedAt; }
    public LocalDate noticeEndsOn() { return noticeEndsOn; }
    public Channel channel() { return channel; }
    public WithdrawalState state() { return state; }
    public Money amount() { return amountPence == null ? null : Money.ofPence(amountPence); }
    public LocalDate decidedOn() { return decidedOn; }
    public String decidedBy() { return decidedBy; }
    public String reason() { return reason; }
    public Long payoutId() { return payoutId; }
}
