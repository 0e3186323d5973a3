package coop.cooperage.shares.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberDetails;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.Outbox;
import coop.cooperage.platform.control.PublicUrls;
import coop.cooperage.shares.control.ApplicationRules.Applicant;
import coop.cooperage.shares.control.ApplicationRules.Position;
import coop.cooperage.shares.entity.Holding;
import coop.cooperage.shares.entity.OfferState;
import coop.cooperage.shares.entity.PaymentMethod;
import coop.cooperage.shares.entity.ShareApplication;
import coop.cooperage.shares.entity.ShareOffer;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Investors' applications for shares: made by an existing member, or by a new investor together
 * with their membership application; withdrawn before the offer closes. Applications of one
 * member are made one at a time (their member row is locked), so two at once cannot together
 * pass the holding cap. A retried submission with the same idempotency key finds the first.
 */
@ApplicationScoped
public class ShareApplications {

    /** No 0/O, 1/I/L: a reference read over the phone or typed from a letter cannot be mistaken. */
    private static final char[] REF_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the investor chose: how much, how they pay, and the key their form carried. */
    public record Request(Money amount, PaymentMethod method, String idempotencyKey, boolean declarationsAgreed) {
    }

    /** An application with what has been paid against it. */
    public record Paid(ShareApplication application, Money paid) {
        public Money outstanding() {
            Money left = application.amount().minus(paid);
            return left.isNegative() ? Money.ZERO : left;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Offers offers;

    @Inject
    Register register;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    PublicUrls urls;

    @Inject
    Clock clock;

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.UK));
    }

    /** An existing member (or applicant) applies. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ShareApplication applyAsMember(Society society, String offerSlug, long memberId, Long accountId, String accountEmail,
            Request request) {
        requireKey(request);
        // the member first (their applications one at a time, whatever the offer), then the offer
        lockMember(society, memberId);
        ShareOffer offer = offers.locked(society, offerSlug);
        Optional<ShareApplication> earlier = byIdempotencyKeyLocked(society, request.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Member member = em.find(Member.class, memberId);
        if (member.state() != MemberState.MEMBER && member.state() != MemberState.APPLICANT) {
            throw new ConflictException("offer", "Only members, and people applying to be members, can apply for shares");
        }
        var applicant = new Applicant(member.kind(), member.dateOfBirth(), member.isRegisteredSociety(), member.postcode().value());
        var decision = decideOrRefuse(society, offer, applicant, request, position(society, memberId));
        String email = member.email() != null ? member.email() : accountEmail;
        return submit(society, offer, member, accountId, decision, request, email);
    }

    /** Someone who is not yet a member applies for shares and for membership, in one transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ShareApplication applyAsNewInvestor(Society society, String offerSlug, MemberDetails details, Long accountId,
            Request request) {
        requireKey(request);
        // a new investor has no member row to lock yet: the offer's lock makes two identical
        // submissions one after the other, so the second finds the first by its key
        ShareOffer offer = offers.locked(society, offerSlug);
        Optional<ShareApplication> earlier = byIdempotencyKeyLocked(society, request.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ApplicationRules.requireOpen(offer, today());
        // every problem with the person and the amount at once, before anything is written
        var errors = details.validate(today(), society.rules().minimumAge());
        errors.check(details.email() != null, "email", "Enter your email address: we send your payment instructions to it");
        var applicant = new Applicant(details.kind(), details.dateOfBirth(), details.registeredSociety(), details.postcode());
        ApplicationRules.Decision decision = null;
        try {
            decision = decideOrRefuse(society, offer, applicant, request, Position.NONE);
        } catch (InvalidInputException e) {
            e.errors().forEach(fe -> errors.merge(new FieldErrors().add(fe.field(), fe.message())));
        }
        errors.throwIfAny();
        Member member = register.apply(society, details);
        if (accountId != null) {
            member.linkAccount(accountId);
        }
        return submit(society, offer, member, accountId, decision, request, member.email());
    }

    private ApplicationRules.Decision decideOrRefuse(Society society, ShareOffer offer, Applicant applicant, Request request,
            Position position) {
        var errors = new FieldErrors();
        errors.check(request.method() != null, "paymentMethod", "Choose how you will pay: bank transfer or cheque");
        errors.check(request.method() != PaymentMethod.BANK_TRANSFER || offer.bankDetails() != null, "paymentMethod",
                "This offer takes cheques only");
        errors.check(request.method() != PaymentMethod.CHEQUE || offer.chequeAddress() != null, "paymentMethod",
                "This offer takes bank transfers only");
        errors.check(request.declarationsAgreed(), "declarations", "Confirm that you have read the offer document and understand the risks");
        ApplicationRules.requireOpen(offer, today());
        try {
            var decision = ApplicationRules.decide(offer, society.rules(), society.areaOfBenefit(), applicant, request.amount(), position,
                    today());
            errors.throwIfAny();
            return decision;
        } catch (InvalidInputException e) {
            var all = new FieldErrors();
            e.errors().forEach(fe -> all.add(fe.field(), fe.message()));
            all.merge(errors).throwIfAny();
            throw e;
        }
    }

    private ShareApplication submit(Society society, ShareOffer offer, Member member, Long accountId, ApplicationRules.Decision decision,
            Request request, String email) {
        var application = new ShareApplication(society.id(), offer.id(), member.id(), accountId, newReference(society), decision.shares(),
                request.amount(), request.method(), decision.local(), request.idempotencyKey(), LocalDateTime.now(clock));
        em.persist(application);
        em.flush();
        audit.record(society.id(), "share-application.submitted", "share_application", application.id(), null, snapshot(application));
        if (email != null) {
            outbox.enqueue(society.id(), email, "Your application for shares in " + offer.title() + ": " + application.reference(),
                    "Dear " + member.name() + ",\n\nThank you for applying for " + application.sharesRequested() + " shares ("
                            + application.amount() + ") in " + offer.title() + ", an offer by " + society.name() + ".\n\n"
                            + "Your reference is " + application.reference() + ".\n\n" + instructions(society, offer, application)
                            + "\n\nYou can see your applications, and withdraw one before the offer closes on " + offer.closesOn()
                            + ", at " + urls.link("/s/" + society.slug() + "/my-applications") + " once you have signed in.\n");
        }
        return application;
    }

    /** How to pay for an application, as the confirmation page and email print it. */
    public static String instructions(Society society, ShareOffer offer, ShareApplication a) {
        if (a.paymentMethod() == PaymentMethod.BANK_TRANSFER && offer.bankDetails() != null) {
            var bank = offer.bankDetails();
            return "Please pay " + a.amount() + " by bank transfer to:\n  Account name: " + bank.accountName() + "\n  Sort code: "
                    + bank.formattedSortCode() + "\n  Account number: " + bank.accountNumber() + "\n  Reference: " + a.reference()
                    + "\nQuote the reference exactly, so that we can match your payment to your application.";
        }
        return "Please send a cheque for " + a.amount() + " payable to " + (offer.chequePayee() == null ? society.name() : offer.chequePayee())
                + ", writing " + a.reference() + " on the back, to:\n" + offer.chequeAddress();
    }

    /** The investor withdraws their application while the offer is open; money already paid is refunded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ShareApplication withdraw(Society society, long memberId, String reference) {
        ShareApplication a = byReference(society, reference);
        if (a.memberId() != memberId) {
            throw new NoSuchResourceException("No such application");
        }
        // the offer, then the application, in the order cancelling takes them
        ShareOffer offer = offers.locked(society, offers.byId(a.offerId()).slug());
        em.refresh(a, LockModeType.PESSIMISTIC_WRITE);
        if (offer.state() != OfferState.OPEN || today().isAfter(offer.closesOn())) {
            throw new ConflictException("reference", "The offer has closed: applications can no longer be withdrawn");
        }
        var before = snapshot(a);
        try {
            a.withdraw(LocalDateTime.now(clock));
        } catch (IllegalStateException e) {
            throw new ConflictException("reference", e.getMessage());
        }
        audit.record(society.id(), "share-application.withdrawn", "share_application", a.id(), before, snapshot(a));
        // a locking read: a payment that committed while this waited for the application's lock is refunded too
        Money paid = offers.paidByApplicationLocked(List.of(a.id())).getOrDefault(a.id(), Money.ZERO);
        if (paid.pence() > 0) {
            offers.refund(society, a, paid);
        }
        return a;
    }

    public ShareApplication byReference(Society society, String reference) {
        return em.createQuery("select a from ShareApplication a where a.societyId = :s and a.reference = :r", ShareApplication.class)
                .setParameter("s", society.id()).setParameter("r", reference == null ? "" : reference.trim().toUpperCase(Locale.ROOT))
                .getResultStream().findFirst().orElseThrow(() -> new NoSuchResourceException("No such application"));
    }

    /** For a retried submission that lost a race on the idempotency key: the application the first one made. */
    public Optional<ShareApplication> byIdempotencyKey(Society society, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return em.createQuery("select a from ShareApplication a where a.societyId = :s and a.idempotencyKey = :k", ShareApplication.class)
                .setParameter("s", society.id()).setParameter("k", key).getResultStream().findFirst();
    }

    public List<Paid> forOffer(ShareOffer offer) {
        return withPayments(em.createQuery("select a from ShareApplication a where a.offerId = :o order by a.submittedAt, a.id",
                ShareApplication.class).setParameter("o", offer.id()).getResultList());
    }

    public List<Paid> ofMember(Society society, long memberId) {
        return withPayments(em.createQuery("select a from ShareApplication a where a.societyId = :s and a.memberId = :m"
                + " order by a.submittedAt desc, a.id desc", ShareApplication.class).setParameter("s", society.id())
                .setParameter("m", memberId).getResultList());
    }

    private List<Paid> withPayments(List<ShareApplication> applications) {
        Map<Long, Money> paid = offers.paidByApplication(applications.stream().map(ShareApplication::id).toList());
        return applications.stream().map(a -> new Paid(a, paid.getOrDefault(a.id(), Money.ZERO))).toList();
    }

    /**
     * What the member holds and has applied for, read with locking reads so that it is the latest
     * committed figure, not this transaction's older snapshot.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Position position(Society society, long memberId) {
        Object[] held = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(shares), 0), COALESCE(SUM(amount_pence), 0) FROM share_entry"
                + " WHERE society_id = ?1 AND member_id = ?2 AND entry_date <= ?3 LOCK IN SHARE MODE")
                .setParameter(1, society.id()).setParameter(2, memberId).setParameter(3, today()).getSingleResult();
        Object[] pending = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(shares_requested), 0), COALESCE(SUM(amount_pence), 0)"
                + " FROM share_application WHERE society_id = ?1 AND member_id = ?2 AND state = 'SUBMITTED' LOCK IN SHARE MODE")
                .setParameter(1, society.id()).setParameter(2, memberId).getSingleResult();
        return new Position(new Holding(((Number) held[0]).longValue(), Money.ofPence(((Number) held[1]).longValue())),
                ((Number) pending[0]).longValue(), Money.ofPence(((Number) pending[1]).longValue()));
    }

    /** Applications of one member happen one at a time: the member row is the lock. */
    private void lockMember(Society society, long memberId) {
        var found = em.createNativeQuery("SELECT id FROM member WHERE id = ?1 AND society_id = ?2 FOR UPDATE")
                .setParameter(1, memberId).setParameter(2, society.id()).getResultList();
        if (found.isEmpty()) {
            throw new NoSuchResourceException("No such member");
        }
    }

    private Optional<ShareApplication> byIdempotencyKeyLocked(Society society, String key) {
        var ids = em.createNativeQuery("SELECT id FROM share_application WHERE society_id = ?1 AND idempotency_key = ?2 LOCK IN SHARE MODE")
                .setParameter(1, society.id()).setParameter(2, key).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(em.find(ShareApplication.class, ((Number) ids.get(0)).longValue()));
    }

    private static void requireKey(Request request) {
        if (request.idempotencyKey() == null || request.idempotencyKey().isBlank() || request.idempotencyKey().length() > 64) {
            throw new InvalidInputException("idempotencyKey", "Send an idempotency key of 1 to 64 characters, new for each application");
        }
    }

    /** "RCE-7K3M9Q": the society's initials and six characters that cannot be misread. */
    private String newReference(Society society) {
        String prefix = prefix(society.name(), society.slug());
        for (int attempt = 0; attempt < 20; attempt++) {
            var ref = new StringBuilder(prefix).append('-');
            for (int i = 0; i < 6; i++) {
                ref.append(REF_ALPHABET[RANDOM.nextInt(REF_ALPHABET.length)]);
            }
            boolean taken = !em.createQuery("select a.id from ShareApplication a where a.societyId = :s and a.reference = :r", Long.class)
                    .setParameter("s", society.id()).setParameter("r", ref.toString()).setMaxResults(1).getResultList().isEmpty();
            if (!taken) {
                return ref.toString();
            }
        }
        throw new IllegalStateException("Could not find a free payment reference");
    }

    static String prefix(String name, String slug) {
        var initials = new StringBuilder();
        for (String word : name.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && Character.isLetter(word.charAt(0)) && initials.length() < 4) {
                initials.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        String p = initials.toString().replaceAll("[^A-Z]", "");
        if (p.length() < 2) {
            p = slug.replaceAll("[^a-z]", "").toUpperCase(Locale.ROOT);
            p = p.substring(0, Math.min(3, p.length()));
        }
        return p.isEmpty() ? "SH" : p;
    }

    static Map<String, Object> snapshot(ShareApplication a) {
        var m = new LinkedHashMap<String, Object>();
        m.put("reference", a.reference());
        m.put("offerId", a.offerId());
        m.put("memberId", a.memberId());
        m.put("sharesRequested", a.sharesRequested());
        m.put("amountPence", a.amount().pence());
        m.put("paymentMethod", a.paymentMethod().name());
        m.put("local", a.localApplicant());
        m.put("state", a.state().name());
        return m;
    }
}
