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
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Money received against an application. Written once: a mistake is reversed by a negative
 * CORRECTION row, so what was recorded, and when, stays visible.
 */
@Entity
@Table(name = "share_payment")
public class SharePayment {

    /** How the money arrived, or CORRECTION for a reversal. */
    public enum Method { BANK_TRANSFER, CHEQUE, STATEMENT, CORRECTION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "application_id")
    private long applicationId;

    @Column(name = "amount_pence")
    private long amountPence;

    @Column(name = "received_on")
    private LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    private Method method;

    private String payer;

    @Column(name = "bank_reference")
    private String bankReference;

    @Column(name = "statement_line_id")
    private Long statementLineId;

    @Column(name = "recorded_by")
    private Long recordedBy;

    @Column(name = "recorded_at")
    private LocalDateTime recordedAt;

    protected SharePayment() {
    }

    public SharePayment(long societyId, long applicationId, Money amount, LocalDate receivedOn, Method method, String payer,
            String bankReference, Long statementLineId, Long recordedBy, LocalDateTime recordedAt) {
        this.societyId = societyId;
        this.applicationId = applicationId;
        this.amountPence = amount.pence();
        this.receivedOn = receivedOn;
        this.method = method;
        this.payer = payer;
        this.bankReference = bankReference;
        this.statementLineId = statementLineId;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /**
     * The CORRECTION row that undoes this payment: the same amount negated, against the same
     * application, so the application's paid total drops back while both rows stay visible.
     */
    public SharePayment reversal(LocalDate on, String note, Long by, LocalDateTime at) {
        if (method == Method.CORRECTION) {
            throw new IllegalStateException("A correction is not reversed; record the payment again instead");
        }
        return new SharePayment(societyId, applicationId, Money.ofPence(-amountPence), on, Method.CORRECTION, payer, note, null, by, at);
    }

    public boolean isCorrection() { return method == Method.CORRECTION; }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public long applicationId() { return applicationId; }
    public Money amount() { return Money.ofPence(amountPence); }
    public LocalDate receivedOn() { return receivedOn; }
    public Method method() { return method; }
    public String payer() { return payer; }
    public String bankReference() { return bankReference; }
    public Long statementLineId() { return statementLineId; }
    public Long recordedBy() { return recordedBy; }
    public LocalDateTime recordedAt() { return recordedAt; }
}
