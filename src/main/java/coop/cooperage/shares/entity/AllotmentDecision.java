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
 * The board's decision to allot a closed offer: who approved it, on what date, and what it came to. One per offer
 * (a unique key), so an offer cannot be allotted twice.
 */
@Entity
@Table(name = "allotment_decision")
public class AllotmentDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "offer_id")
    private long offerId;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "approved_by")
    private Long approvedBy;

    @Column(name = "approver_name")
    private String approverName;

    @Column(name = "approver_role")
    private String approverRole;

    private int applications;
    private int allottees;

    @Column(name = "members_admitted")
    private int membersAdmitted;

    @Column(name = "shares_allotted")
    private long sharesAllotted;

    @Column(name = "amount_allotted_pence")
    private long amountAllottedPence;

    private int refunds;

    @Column(name = "refund_pence")
    private long refundPence;

    @Column(name = "paid_pence")
    private long paidPence;

    @Column(name = "recorded_at")
    private LocalDateTime recordedAt;

    /** The board decision this allotment is recorded as (null for allotments approved before they were). */
    @Column(name = "board_item_id")
    private Long boardItemId;

    protected AllotmentDecision() {
    }

    /** Totals of one approved allotment. */
    public record Totals(int applications, int allottees, int membersAdmitted, long sharesAllotted, Money allotted, int refunds,
            Money refunded, Money paid) {
    }

    public AllotmentDecision(long societyId, long offerId, LocalDate decidedOn, Long approvedBy, String approverName,
            String approverRole, Totals t, LocalDateTime recordedAt) {
        if (t.allotted().pence() + t.refunded().pence() != t.paid().pence()) {
            throw new IllegalArgumentException("Allotted " + t.allotted() + " and refunded " + t.refunded() + " must make the "
                    + t.paid() + " paid");
        }
        this.societyId = societyId;
        this.offerId = offerId;
        this.decidedOn = decidedOn;
        this.approvedBy = approvedBy;
        this.approverName = approverName;
        this.approverRole = approverRole;
        this.applications = t.applications();
        this.allottees = t.allottees();
        this.membersAdmitted = t.membersAdmitted();
        this.sharesAllotted = t.sharesAllotted();
        this.amountAllottedPence = t.allotted().pence();
        this.refunds = t.refunds();
        this.refundPence = t.refunded().pence();
        this.paidPence = t.paid().pence();
        this.recordedAt = recordedAt;
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public long offerId() { return offerId; }
    public LocalDate decidedOn() { return decidedOn; }
    public Long approvedBy() { return approvedBy; }
    public String approverName() { return approverName; }
    public String approverRole() { return approverRole; }
    public Totals totals() {
        return new Totals(applications, allottees, membersAdmitted, sharesAllotted, Money.ofPence(amountAllottedPence), refunds,
                Money.ofPence(refundPence), Money.ofPence(paidPence));
    }
    public LocalDateTime recordedAt() { return recordedAt; }
    public Long boardItemId() { return boardItemId; }

    /** Links the allotment to the board decision it was recorded as. */
    public void recordedAsBoardDecision(long boardItemId) {
        this.boardItemId = boardItemId;
    }
}
