package coop.cooperage.shares.entity;

import coop.cooperage.money.Money;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A share offer: what is raised, between which dates, within which targets and limits, and how
 * an oversubscribed offer is scaled back. Its state moves only forward (see {@link OfferState}).
 */
@Entity
@Table(name = "share_offer")
public class ShareOffer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    private String slug;
    private String title;
    private String description;

    @Column(name = "key_facts")
    private String keyFacts;

    private String risks;

    @Column(name = "document_name")
    private String documentName;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "document_pdf")
    private byte[] documentPdf;

    @Column(name = "opens_on")
    private LocalDate opensOn;

    @Column(name = "closes_on")
    private LocalDate closesOn;

    @Column(name = "min_target_pence")
    private long minTargetPence;

    @Column(name = "max_target_pence")
    private long maxTargetPence;

    @Column(name = "min_per_applicant_pence")
    private long minPerApplicantPence;

    @Column(name = "max_per_applicant_pence")
    private long maxPerApplicantPence;

    @Column(name = "share_price_pence")
    private long sharePricePence;

    private boolean individuals;
    private boolean organisations;

    @Column(name = "minimum_age")
    private Integer minimumAge;

    @Enumerated(EnumType.STRING)
    private Locality locality;

    @Enumerated(EnumType.STRING)
    @Column(name = "scale_back")
    private ScaleBack scaleBack;

    @Column(name = "target_interest_rate")
    private BigDecimal targetInterestRate;

    @Enumerated(EnumType.STRING)
    private OfferState state;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "pay_account_name")
    private String payAccountName;

    @Column(name = "pay_sort_code")
    private String paySortCode;

    @Column(name = "pay_account_number")
    private String payAccountNumber;

    @Column(name = "cheque_payee")
    private String chequePayee;

    @Column(name = "cheque_address")
    private String chequeAddress;

    @Version
    private long version;

    protected ShareOffer() {
    }

    public ShareOffer(long societyId, String slug, String title, String description, LocalDate opensOn, LocalDate closesOn,
            Money minTarget, Money maxTarget, Money minPerApplicant, Money maxPerApplicant, Money sharePrice,
            LocalDateTime createdAt) {
        this.societyId = societyId;
        this.slug = slug;
        this.title = title;
        this.description = description;
        this.opensOn = opensOn;
        this.closesOn = closesOn;
        this.minTargetPence = minTarget.pence();
        this.maxTargetPence = maxTarget.pence();
        this.minPerApplicantPence = minPerApplicant.pence();
        this.maxPerApplicantPence = maxPerApplicant.pence();
        this.sharePricePence = sharePrice.pence();
        this.individuals = true;
        this.organisations = true;
        this.locality = Locality.ANYONE;
        this.scaleBack = ScaleBack.LARGEST_FIRST;
        this.state = OfferState.DRAFT;
        this.createdAt = createdAt;
    }

    /** A new draft offer on validated terms. */
    public static ShareOffer draft(long societyId, OfferTerms terms, LocalDateTime now) {
        var offer = new ShareOffer(societyId, terms.slug(), terms.title(), terms.description(), terms.opensOn(), terms.closesOn(),
                terms.minTarget(), terms.maxTarget(), terms.minPerApplicant(), terms.maxPerApplicant(), terms.sharePrice(), now);
        offer.apply(terms);
        return offer;
    }

    /** Changes the terms: only while a draft, since investors apply on the published terms. */
    public void revise(OfferTerms terms) {
        if (state != OfferState.DRAFT) {
            throw new IllegalStateException("Only a draft offer can be changed; an open offer can only have its closing date extended");
        }
        apply(terms);
    }

    private void apply(OfferTerms t) {
        this.slug = t.slug();
        this.title = t.title();
        this.description = t.description();
        this.keyFacts = t.keyFacts();
        this.risks = t.risks();
        this.opensOn = t.opensOn();
        this.closesOn = t.closesOn();
        this.minTargetPence = t.minTarget().pence();
        this.maxTargetPence = t.maxTarget().pence();
        this.minPerApplicantPence = t.minPerApplicant().pence();
        this.maxPerApplicantPence = t.maxPerApplicant().pence();
        this.sharePricePence = t.sharePrice().pence();
        this.individuals = t.individuals();
        this.organisations = t.organisations();
        this.minimumAge = t.minimumAge();
        this.locality = t.locality();
        this.scaleBack = t.scaleBack();
        this.targetInterestRate = t.targetInterestRate();
        var bank = t.bankDetails();
        this.payAccountName = bank == null ? null : bank.accountName();
        this.paySortCode = bank == null ? null : bank.sortCode();
        this.payAccountNumber = bank == null ? null : bank.accountNumber();
        this.chequePayee = t.chequePayee();
        this.chequeAddress = t.chequeAddress();
    }

    /** The offer document investors read before applying; fixed once the offer opens. */
    public void attachDocument(String name, byte[] pdf) {
        if (state != OfferState.DRAFT) {
            throw new IllegalStateException("The offer document can only be replaced while the offer is a draft");
        }
        // the PDF is a lazy attribute: touching it first makes EclipseLink load the rest of the row now,
        // not in the middle of the change (which reloaded the name over the one just set)
        byte[] previous = documentPdf;
        this.documentPdf = previous == pdf ? previous : pdf;
        this.documentName = name;
    }

    /**
     * Publishes the offer. It needs its document (investors must be able to read what they
     * buy) and a way to pay (a bank account or a cheque address).
     */
    public void open() {
        requireState(OfferState.DRAFT, "open");
        if (documentName == null) {
            throw new IllegalStateException("Upload the offer document before opening the offer");
        }
        if (payAccountName == null && chequeAddress == null) {
            throw new IllegalStateException("Give the bank account or the cheque address investors pay to before opening the offer");
        }
        this.state = OfferState.OPEN;
    }

    /** Moves the closing date later (the only change an open offer allows). */
    public void extendTo(LocalDate newClose) {
        if (state != OfferState.DRAFT && state != OfferState.OPEN) {
            throw new IllegalStateException("Only a draft or open offer can be extended; this one is " + state.label().toLowerCase());
        }
        if (newClose == null || !newClose.isAfter(closesOn)) {
            throw new IllegalArgumentException("The new closing date must be after " + closesOn);
        }
        this.closesOn = newClose;
    }

    public void close() {
        requireState(OfferState.OPEN, "close");
        this.state = OfferState.CLOSED;
    }

    /**
     * Closed by the secretary before its advertised closing date (fully subscribed, say): the closing date becomes the
     * day it really closed, because the allotment counts from it (a board decision must not predate the close) and the
     * board should not have to wait for the date first advertised.
     */
    public void closeEarly(LocalDate on) {
        close();
        if (on.isBefore(closesOn)) {
            this.closesOn = on;
        }
    }

    /** Called off before allotment; every payment is refunded. */
    public void cancel() {
        if (state != OfferState.DRAFT && state != OfferState.OPEN && state != OfferState.CLOSED) {
            throw new IllegalStateException("An offer that is " + state.label().toLowerCase() + " cannot be cancelled");
        }
        this.state = OfferState.CANCELLED;
    }

    /** Closed without reaching its minimum target: every payment is refunded. */
    public void fail(Money raised) {
        requireState(OfferState.CLOSED, "mark as failed");
        if (!minTarget().isGreaterThan(raised)) {
            throw new IllegalStateException("The offer raised " + raised + ", which meets its minimum target of " + minTarget());
        }
        this.state = OfferState.FAILED;
    }

    /** Whether investors may apply on this date: open, and within its dates. */
    public boolean acceptsApplicationsOn(LocalDate day) {
        return state == OfferState.OPEN && !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    /** Whether it is open but past its closing date, so it should be closed. */
    public boolean isOverdueOn(LocalDate day) {
        return state == OfferState.OPEN && day.isAfter(closesOn);
    }

    private void requireState(OfferState expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("Cannot " + action + " an offer that is " + state.label().toLowerCase()
                    + " (it must be " + expected.label().toLowerCase() + ")");
        }
    }

    public OfferTerms terms() {
        return new OfferTerms(slug, title, description, keyFacts, risks, opensOn, closesOn, minTarget(), maxTarget(), minPerApplicant(),
                maxPerApplicant(), sharePrice(), individuals, organisations, minimumAge, locality, scaleBack, targetInterestRate,
                payAccountName, paySortCode, payAccountNumber, chequePayee, chequeAddress);
    }

    public coop.cooperage.money.BankDetails bankDetails() {
        return payAccountName == null ? null : new coop.cooperage.money.BankDetails(paySortCode, payAccountNumber, payAccountName);
    }

    public String chequePayee() { return chequePayee; }
    public String chequeAddress() { return chequeAddress; }
    public boolean hasDocument() { return documentName != null; }
    public Long id() { return id; }
    public long societyId() { return societyId; }
    public String slug() { return slug; }
    public String title() { return title; }
    public String description() { return description; }
    public String keyFacts() { return keyFacts; }
    public String risks() { return risks; }
    public String documentName() { return documentName; }
    public byte[] documentPdf() { return documentPdf; }
    public LocalDate opensOn() { return opensOn; }
    public LocalDate closesOn() { return closesOn; }
    public Money minTarget() { return Money.ofPence(minTargetPence); }
    public Money maxTarget() { return Money.ofPence(maxTargetPence); }
    public Money minPerApplicant() { return Money.ofPence(minPerApplicantPence); }
    public Money maxPerApplicant() { return Money.ofPence(maxPerApplicantPence); }
    public Money sharePrice() { return Money.ofPence(sharePricePence); }
    public boolean individuals() { return individuals; }
    public boolean organisations() { return organisations; }
    public Integer minimumAge() { return minimumAge; }
    public Locality locality() { return locality; }
    public ScaleBack scaleBack() { return scaleBack; }
    public BigDecimal targetInterestRate() { return targetInterestRate; }
    public OfferState state() { return state; }
    public LocalDateTime createdAt() { return createdAt; }
    public long version() { return version; }

    /** The board approved the allotment of this closed offer (see shares.control.Allotments). */
    public void allotted() {
        if (state != OfferState.CLOSED) {
            throw new IllegalStateException("Only a closed offer can be allotted; this one is " + state.label().toLowerCase());
        }
        this.state = OfferState.ALLOTTED;
    }
}
