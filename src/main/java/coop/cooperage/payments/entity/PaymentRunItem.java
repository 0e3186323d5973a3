package coop.cooperage.payments.entity;

import coop.cooperage.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One payment in a run, frozen when the run is made: where the money goes (sealed), how much, and
 * the reference the payee sees. A member changing their bank details later does not change a
 * file already made; the treasurer cancels the draft and makes a new run.
 */
@Entity
@Table(name = "payment_run_item")
public class PaymentRunItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "run_id")
    private long runId;

    @Column(name = "payout_id")
    private long payoutId;

    @Column(name = "member_id")
    private long memberId;

    @Column(name = "payee_name")
    private String payeeName;

    @Column(name = "payee_encrypted")
    private byte[] payeeEncrypted;

    private String masked;

    private String kind;

    @Column(name = "amount_pence")
    private long amountPence;

    private String reference;

    protected PaymentRunItem() {
    }

    public PaymentRunItem(long runId, long payoutId, long memberId, String payeeName, byte[] payeeEncrypted, String masked,
            String kind, Money amount, String reference) {
        this.runId = runId;
        this.payoutId = payoutId;
        this.memberId = memberId;
        this.payeeName = payeeName;
        this.payeeEncrypted = payeeEncrypted;
        this.masked = masked;
        this.kind = kind;
        this.amountPence = amount.pence();
        this.reference = reference;
    }

    public Long id() { return id; }
    public long runId() { return runId; }
    public long payoutId() { return payoutId; }
    public long memberId() { return memberId; }
    public String payeeName() { return payeeName; }
    public byte[] payeeEncrypted() { return payeeEncrypted; }
    public String masked() { return masked; }
    public String kind() { return kind; }
    public Money amount() { return Money.ofPence(amountPence); }
    public String reference() { return reference; }
}
