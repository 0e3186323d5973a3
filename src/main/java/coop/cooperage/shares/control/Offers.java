package coop.cooperage.shares.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.Outbox;
import coop.cooperage.shares.entity.ApplicationState;
import coop.cooperage.shares.entity.OfferState;
import coop.cooperage.shares.entity.OfferTerms;
import coop.cooperage.shares.entity.Payout;
import coop.cooperage.shares.entity.PayoutKind;
import coop.cooperage.shares.entity.ShareApplication;
import coop.cooperage.shares.entity.ShareOffer;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Share offers: the secretary drafts, publishes, extends, closes, cancels or fails them. Every
 * change is audited in its transaction. An offer past its closing date is closed by the nightly
 * {@link OfferClosingJob}; until then no one can apply to it, because applying checks the dates.
 */
@ApplicationScoped
public class Offers {

    /** The offer document: a PDF of at most 10 MiB. */
    public static final int DOCUMENT_LIMIT = 10 * 1024 * 1024;

    /** The applications whose payments count as raised. */
    private static final List<ApplicationState> LIVE = List.of(ApplicationState.SUBMITTED, ApplicationState.ALLOTTED);

    /** Money raised and how many people it came from. */
    public record Progress(Money raised, long investors, long applications) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.UK));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ShareOffer create(Society society, OfferTerms terms) {
        terms.validate().throwIfAny();
        refuseTakenSlug(society, terms.slug(), null);
        var offer = ShareOffer.draft(society.id(), terms, LocalDateTime.now(clock));
        em.persist(offer);
        em.flush();
        audit.record(society.id(), "offer.created", "share_offer", offer.id(), null, snapshot(offer));
        return offer;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ShareOffer revise(Society society, String slug, OfferTerms terms) {
        ShareOffer offer = locked(society, slug);
        terms.validate().throwIfAny();
        refuseTakenSlug(society, terms.slug(), offer.id());
        var before = snapshot(offer);
        change(() -> offer.revise(terms), "title");
        audit.record(society.id(), "offer.revised", "share_offer", offer.id(), before, snapshot(offer));
        return offer;
    }

    /** Stores the offer document after checking that it really is a PDF (its %PDF- signature) and not too large. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ShareOffer attachDocument(Society society, String slug, String fileName, byte[] content) {
        ShareOffer offer = locked(society, slug);
        if (content == null || content.length == 0) {
            throw new InvalidInputException("document", "Choose the offer document (a PDF)");
        }
        if (content.length > DOCUMENT_LIMIT) {
            throw new InvalidInputException("document", "The offer document must be smaller than 10 MB");
        }
        if (!isPdf(content)) {
            throw new InvalidInputException("document", "The offer document must be a PDF");
        }
        String name = fileName == null || fileName.isBlank() ? offer.slug() + ".pdf"
                : fileName.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String finalName = name;
        change(() -> offer.attachDocument(finalName, content), "document");
        // written directly as well: the PDF is a lazily loaded attribute, and the row must hold both
        // the name and the bytes whatever the persistence provider's change tracking made of them
        em.flush();
        em.createNativeQuery("UPDATE share_offer SET document_name = ?1, document_pdf = ?2 WHERE id = ?3")
                .setParameter(1, finalName).setParameter(2, content).setParameter(3, offer.id()).executeUpdate();
        audit.record(society.id(), "offer.document-attached", "share_offer", offer.id(), null,
                Map.of("documentName", finalName, "bytes", content.length));
        return offer;
    }

    static boolean isPdf(byte[] content) {
        return content.length >= 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F' && content[4] == '-';
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ShareOffer open(Society society, String slug) {
        ShareOffer offer = locked(society, slug);
        change(offer::open, "state");
        audit.record(society.id(), "offer.opened", "share_offer", offer.id(), Map.of("state", "DRAFT"), Map.of("state", "OPEN"));
        return offer;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ShareOffer extend(Society society, String slug, LocalDate closesOn) {
        ShareOffer offer = locked(society, slug);
        if (closesOn == null) {
            throw new InvalidInputException("closesOn", "Enter the new closing date");
        }
        LocalDate before = offer.closesOn();
        try {
            offer.extendTo(closesOn);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("closesOn", e.getMessage());
        } catch (IllegalStateException e) {
            throw new ConflictException("closesOn", e.getMessage());
        }
        audit.record(society.id(), "offer.extended", "share_offer", offer.id(), Map.of("closesOn", before.toString()),
                Map.of("closesOn", closesOn.toString()));
        return offer;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ShareOffer close(Society society, String slug) {
        ShareOffer offer = locked(society, slug);
        LocalDate advertised = offer.closesOn();
        change(() -> offer.closeEarly(today()), "state");
        audit.record(society.id(), "offer.closed", "share_offer", offer.id(), Map.of("state", "OPEN", "closesOn", advertised.toString()),
                Map.of("state", "CLOSED", "closesOn", offer.closesOn().toString()));
        return offer;
    }

    /** The nightly close of offers past their closing date, as the system. */
    @Transactional
    public int closeOverdue(Society society) {
        var overdue = em.createQuery("select o from ShareOffer o where o.societyId = :s and o.state = :st and o.closesOn < :d",
                ShareOffer.class).setParameter("s", society.id()).setParameter("st", OfferState.OPEN).setParameter("d", today())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (ShareOffer offer : overdue) {
            offer.close();
            audit.recordAs("system", society.id(), "offer.closed", "share_offer", offer.id(), Map.of("state", "OPEN"),
                    Map.of("state", "CLOSED", "reason", "closing date " + offer.closesOn() + " passed"));
        }
        return overdue.size();
    }

    /** Calls the offer off: whatever was paid is refunded, in this one transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ShareOffer cancel(Society society, String slug) {
        ShareOffer offer = locked(society, slug);
        String before = offer.state().name();
        change(offer::cancel, "state");
        int refunds = endApplications(society, offer);
        audit.record(society.id(), "offer.cancelled", "share_offer", offer.id(), Map.of("state", before),
                Map.of("state", "CANCELLED", "refunds", refunds));
        return offer;
    }

    /** The offer closed short of its minimum target: every paid application is refunded, in this one transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ShareOffer fail(Society society, String slug) {
        ShareOffer offer = locked(society, slug);
        // the live applications next (the order cancelling and withdrawing take), then what was paid
        // against them as last committed: a payment that committed while this waited counts
        em.createQuery("select a from ShareApplication a where a.offerId = :o and a.state in :live order by a.id", ShareApplication.class)
                .setParameter("o", offer.id()).setParameter("live", LIVE).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Money raised = raisedLocked(offer);
        change(() -> offer.fail(raised), "state");
        int refunds = endApplications(society, offer);
        audit.record(society.id(), "offer.failed", "share_offer", offer.id(), Map.of("state", "CLOSED"),
                Map.of("state", "FAILED", "raisedPence", raised.pence(), "refunds", refunds));
        return offer;
    }

    /**
     * Every live application of an offer that did not go ahead: one REFUND payout for what it was
     * paid (the payout's unique source key makes a second refund impossible), or, unpaid, rejected.
     */
    private int endApplications(Society society, ShareOffer offer) {
        var applications = em.createQuery("select a from ShareApplication a where a.offerId = :o and a.state = :st order by a.id",
                ShareApplication.class).setParameter("o", offer.id()).setParameter("st", ApplicationState.SUBMITTED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Map<Long, Money> paid = paidByApplicationLocked(applications.stream().map(ShareApplication::id).toList());
        int refunds = 0;
        for (ShareApplication a : applications) {
            Money amount = paid.getOrDefault(a.id(), Money.ZERO);
            if (amount.pence() > 0) {
                a.refundBecauseOfferEnded();
                refund(society, a, amount);
                refunds++;
            } else {
                a.rejectBecauseOfferEnded();
            }
        }
        return refunds;
    }

    /** A REFUND payout for an application's money, for a payment run to pay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payout refund(Society society, ShareApplication a, Money amount) {
        var payout = new Payout(society.id(), a.memberId(), PayoutKind.REFUND, amount, null, "share_application", a.id(), null,
                LocalDateTime.now(clock));
        em.persist(payout);
        em.flush();
        audit.record(society.id(), "payout.refund-due", "payout", payout.id(), null,
                Map.of("applicationReference", a.reference(), "amountPence", amount.pence()));
        return payout;
    }

    /** What each application has been paid: the sum of its payment rows. */
    public Map<Long, Money> paidByApplication(List<Long> applicationIds) {
        var result = new HashMap<Long, Money>();
        if (applicationIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = em.createQuery("select p.applicationId, sum(p.amountPence) from SharePayment p where p.applicationId in :ids"
                + " group by p.applicationId", Object[].class).setParameter("ids", applicationIds).getResultList();
        rows.forEach(r -> result.put(((Number) r[0]).longValue(), Money.ofPence(((Number) r[1]).longValue())));
        return result;
    }

    /**
     * What each application has been paid, as last committed: a locking read, for a transaction that
     * has locked the applications and decides a refund from it. A plain read would give the
     * transaction's snapshot (REPEATABLE READ), taken before the lock was granted, and miss a payment
     * whose transaction held the application (its foreign key check) until it committed. Locking the
     * payment rows also keeps new ones out until this transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, Money> paidByApplicationLocked(List<Long> applicationIds) {
        var result = new HashMap<Long, Money>();
        if (applicationIds.isEmpty()) {
            return result;
        }
        // the ids are numbers this code read from the database, so they can be written into the statement
        String ids = applicationIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT application_id, SUM(amount_pence) FROM share_payment WHERE application_id IN ("
                + ids + ") GROUP BY application_id LOCK IN SHARE MODE").getResultList();
        rows.forEach(r -> result.put(((Number) r[0]).longValue(), Money.ofPence(((Number) r[1]).longValue())));
        return result;
    }

    /** Money raised ({@link #progress}), as last committed: a locking read, for deciding under the offer's lock. */
    private Money raisedLocked(ShareOffer offer) {
        Number raised = (Number) em.createNativeQuery("SELECT COALESCE(SUM(p.amount_pence), 0) FROM share_application a"
                + " JOIN share_payment p ON p.application_id = a.id WHERE a.offer_id = ?1 AND a.state IN ('SUBMITTED', 'ALLOTTED')"
                + " LOCK IN SHARE MODE").setParameter(1, offer.id()).getSingleResult();
        return Money.ofPence(raised.longValue());
    }

    /**
     * Money raised is what has been paid against the offer's live (submitted or allotted)
     * applications; investors are the distinct members with a live application that has been paid
     * something. Applied-for but unpaid money is not counted: it is a promise, not money.
     */
    public Progress progress(ShareOffer offer) {
        var live = LIVE;
        long raised = ((Number) em.createQuery("select coalesce(sum(p.amountPence), 0) from SharePayment p, ShareApplication a"
                + " where p.applicationId = a.id and a.offerId = :o and a.state in :live")
                .setParameter("o", offer.id()).setParameter("live", live).getSingleResult()).longValue();
        // a member whose payments were all reversed (a bounced cheque) nets to nothing and is not an investor
        long investors = em.createQuery("select a.memberId from SharePayment p, ShareApplication a where p.applicationId = a.id"
                + " and a.offerId = :o and a.state in :live group by a.memberId having sum(p.amountPence) > 0", Long.class)
                .setParameter("o", offer.id()).setParameter("live", live).getResultList().size();
        long applications = em.createQuery("select count(a) from ShareApplication a where a.offerId = :o and a.state in :live", Long.class)
                .setParameter("o", offer.id()).setParameter("live", live).getSingleResult();
        return new Progress(Money.ofPence(raised), investors, applications);
    }

    public List<ShareOffer> all(Society society) {
        return em.createQuery("select o from ShareOffer o where o.societyId = :s order by o.opensOn desc, o.id desc", ShareOffer.class)
                .setParameter("s", society.id()).getResultList();
    }

    public List<ShareOffer> published(Society society) {
        return em.createQuery("select o from ShareOffer o where o.societyId = :s and o.state <> :draft order by o.opensOn desc, o.id desc",
                ShareOffer.class).setParameter("s", society.id()).setParameter("draft", OfferState.DRAFT).getResultList();
    }

    public ShareOffer bySlug(Society society, String slug) {
        return em.createQuery("select o from ShareOffer o where o.societyId = :s and o.slug = :slug", ShareOffer.class)
                .setParameter("s", society.id()).setParameter("slug", slug).getResultStream().findFirst()
                .orElseThrow(() -> new NoSuchResourceException("No such share offer"));
    }

    /** An offer the public may see: anything but a draft. */
    public ShareOffer publishedBySlug(Society society, String slug) {
        ShareOffer offer = bySlug(society, slug);
        if (offer.state() == OfferState.DRAFT) {
            throw new NoSuchResourceException("No such share offer");
        }
        return offer;
    }

    public ShareOffer byId(long id) {
        return em.find(ShareOffer.class, id);
    }

    /**
     * The offer, locked for this transaction and read as last committed (a locking read: a plain
     * one would give this transaction's older snapshot). Changes to an offer, and applications to
     * it, happen one after the other, so nobody applies to an offer being cancelled.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ShareOffer locked(Society society, String slug) {
        ShareOffer offer = bySlug(society, slug);
        em.refresh(offer, LockModeType.PESSIMISTIC_WRITE);
        return offer;
    }

    public byte[] document(ShareOffer offer) {
        return (byte[]) em.createNativeQuery("SELECT document_pdf FROM share_offer WHERE id = ?1").setParameter(1, offer.id())
                .getSingleResult();
    }

    private void refuseTakenSlug(Society society, String slug, Long except) {
        var taken = em.createQuery("select o.id from ShareOffer o where o.societyId = :s and o.slug = :slug", Long.class)
                .setParameter("s", society.id()).setParameter("slug", slug).getResultList();
        if (taken.stream().anyMatch(id -> !id.equals(except))) {
            throw new ConflictException("slug", "Another offer of this society already uses the short name \"" + slug + "\"");
        }
    }

    /** Runs an entity state change, turning a refusal into a 409 against the field. */
    private static void change(Runnable change, String field) {
        try {
            change.run();
        } catch (IllegalStateException e) {
            throw new ConflictException(field, e.getMessage());
        }
    }

    static Map<String, Object> snapshot(ShareOffer o) {
        var m = new LinkedHashMap<String, Object>(o.terms().asMap());
        m.put("state", o.state().name());
        m.put("documentName", o.documentName());
        var bank = o.bankDetails();
        m.put("payTo", bank == null ? null : bank.masked());
        m.put("chequeAddress", o.chequeAddress());
        return m;
    }
}
