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
import java.time.LocalDateTime;

/**
 * An investor's application for shares in one offer, always for a member row: an existing member,
 * or the applicant the application created (admitted when the shares are allotted). What it has
 * been paid is the sum of its {@code share_payment} rows, not a field here.
 */
@Entity
@Table(name = "share_application")
public class ShareApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "offer_id")
    private long offerId;

    @Column(name = "member_id")
    private long memberId;

    @Column(name = "account_id")
    private Long accountId;

    private String reference;

    @Column(name = "shares_requested")
    private long sharesRequested;

    @Column(name = "amount_pence")
    private long amountPence;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method")
    private PaymentMethod paymentMethod;

    @Column(name = "local_applicant")
    private boolean localApplicant;

    @Enumerated(EnumType.STRING)
    private ApplicationState state;

    @Column(name = "shares_allotted")
    private Long sharesAllotted;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "submitted_at")
    private LocalDateTime submittedAt;

    @Column(name = "withdrawn_at")
    private LocalDateTime withdrawnAt;

    @Version
    private long version;

    protected ShareApplication() {
    }

    public ShareApplication(long societyId, long offerId, long memberId, Long accountId, String reference, long sharesRequested,
            Money amount, PaymentMethod paymentMethod, boolean localApplicant, String idempotencyKey, LocalDateTime submittedAt) {
        this.societyId = societyId;
        this.offerId = offerId;
        this.memberId = memberId;
        this.accountId = accountId;
        this.reference = reference;
        this.sharesRequested = sharesRequested;
        this.amountPence = amount.pence();
        this.paymentMethod = paymentMethod;
        this.localApplicant = localApplicant;
        this.idempotencyKey = idempotencyKey;
        this.state = ApplicationState.SUBMITTED;
        this.submittedAt = submittedAt;
    }

    /** The investor takes the application back before the offer closes. */
    public void withdraw(LocalDateTime now) {
        requireSubmitted("withdraw");
        this.state = ApplicationState.WITHDRAWN;
        this.withdrawnAt = now;
    }

    /** The offer was cancelled or failed and this application's money is being returned. */
    public void refundBecauseOfferEnded() {
        requireSubmitted("refund");
        this.state = ApplicationState.REFUNDED;
    }

    /** The offer was cancelled or failed before anything was paid: nothing to return. */
    public void rejectBecauseOfferEnded() {
        requireSubmitted("reject");
        this.state = ApplicationState.REJECTED;
    }

    /** Live: still counts toward the offer (money raised, the applicant's cap). */
    public boolean isLive() {
        return state == ApplicationState.SUBMITTED || state == ApplicationState.ALLOTTED;
    }

    private void requireSubmitted(String action) {
        if (state != ApplicationState.SUBMITTED) {
            throw new IllegalStateException("Cannot " + action + " an application that is " + state.label().toLowerCase());
        }
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public long offerId() { return offerId; }
    public long memberId() { return memberId; }
    public Long accountId() { return accountId; }
    public String reference() { return reference; }
    public long sharesRequested() { return sharesRequested; }
    public Money amount() { return Money.ofPence(amountPence); }
    public PaymentMethod paymentMethod() { return paymentMethod; }
    public boolean localApplicant() { return localApplicant; }
    public ApplicationState state() { return state; }
    public Long sharesAllotted() { return sharesAllotted; }
    public String idempotencyKey() { return idempotencyKey; }
    public LocalDateTime submittedAt() { return submittedAt; }
    public LocalDateTime withdrawnAt() { return withdrawnAt; }
    public long version() { return version; }

    /**
     * The outcome of the allotment: some shares ({@code ALLOTTED}), or none, with the money returned ({@code REFUNDED})
     * or, if nothing was paid, nothing to return ({@code REJECTED}).
     */
    public void allot(long shares, boolean paidAnything) {
        if (state != ApplicationState.SUBMITTED) {
            throw new IllegalStateException("Application " + reference + " is " + state.label().toLowerCase() + ", not awaiting allotment");
        }
        if (shares < 0 || shares > sharesRequested) {
            throw new IllegalArgumentException("Cannot allot " + shares + " shares to an application for " + sharesRequested);
        }
        this.sharesAllotted = shares;
        this.state = shares > 0 ? ApplicationState.ALLOTTED : paidAnything ? ApplicationState.REFUNDED : ApplicationState.REJECTED;
    }
}
