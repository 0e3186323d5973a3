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
