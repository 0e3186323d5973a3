package coop.cooperage.shares.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.Admissions;
import coop.cooperage.meetings.control.BoardDecisions;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.CounterRows;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.JobRun;
import coop.cooperage.platform.control.Jobs;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.platform.entity.Job;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.Outbox;
import coop.cooperage.platform.control.PublicUrls;
import coop.cooperage.shares.control.Allotment.Applicant;
import coop.cooperage.shares.control.Allotment.Outcome;
import coop.cooperage.shares.entity.AllotmentDecision;
import coop.cooperage.shares.entity.ApplicationState;
import coop.cooperage.shares.entity.OfferState;
import coop.cooperage.shares.entity.Payout;
import coop.cooperage.shares.entity.PayoutKind;
import coop.cooperage.shares.entity.ShareApplication;
import coop.cooperage.shares.entity.ShareCertificate;
import coop.cooperage.shares.entity.ShareEntryKind;
import coop.cooperage.shares.entity.ShareOffer;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Allotting a closed offer: the proposal the board looks at (the offer's scale-back policy applied to what each
 * application has paid), and its approval, which does everything the allotment means in one transaction: admits the
 * applicants who are not yet members, writes the share ledger, issues numbered certificates, emails each investor,
 * and owes the refunds (due payouts, which the next payment run takes).
 *
 * <p>Approval locks the offer's row first and allots only a CLOSED offer, so two directors pressing "approve" at
 * once allot it once: the second waits for the first to commit, then finds the offer ALLOTTED and gets a conflict.
 * The decision table's unique key on the offer stands behind that.
 *
 * <p>Approving 10,000 applications takes longer than an HTTP request may, so it runs as a job ({@link #queueApproval}):
 * the request checks what it can at once and queues the work; the job does it all in one transaction, reporting its
 * progress as it goes. Only one approval of an offer is queued or running at a time (the job's active key).
 */
@ApplicationScoped
public class Allotments {

    /**
     * How many applications are written before the persistence context is flushed and emptied: every flush (the outbox
     * flushes each mail it queues) compares every managed entity, so a small context keeps 10,000 applications linear.
     */
    private static final int BATCH = 50;
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** One application in the proposal (or, once approved, in the allotment as made). */
    public record Line(long applicationId, String reference, long memberId, Long memberNumber, String memberName,
            MemberState memberState, String email, String district, boolean local, long sharesRequested, Money paid,
            long heldShares, long sharesAllotted, Money refund, String outcome, Long certificate) {
    }

    /** The allotment of one offer: proposed (offer CLOSED) or made (ALLOTTED, with its decision). */
    public record View(ShareOffer offer, long minimumHolding, long maximumShares, List<Line> lines, long sharesRequested,
            long sharesAllotted, Money paid, Money allotted, Money refunded, int allottees, int refunds, int toAdmit,
            boolean oversubscribed, AllotmentDecision decision) {

        public boolean approvable() {
            return offer.state() == OfferState.CLOSED && minimumTargetReached();
        }

        /** Money is held until the minimum target is reached and returned if it is not: no allotment below it. */
        public boolean minimumTargetReached() {
            return allotted.pence() >= offer.minTarget().pence();
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Admissions admissions;

    /** shares depends on meetings (never the reverse): the board's decisions are the meetings component's. */
    @Inject
    BoardDecisions boardDecisions;

    @Inject
    ShareLedger ledger;

    @Inject
    CounterRows counters;

    @Inject
    Outbox outbox;

    @Inject
    PublicUrls urls;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    Jobs jobs;

    @Inject
    Transactions transactions;

    /** The kind of job that approves an allotment. */
    public static final String JOB = "shares.allotment-approval";

    /** Who approves: fixed when the approval is asked for, since the work runs later, outside their request. */
    public record Approver(long accountId, String name, String role) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.UK));
    }

    public ShareOffer offer(Society society, String slug) {
        return em.createQuery("select o from ShareOffer o where o.societyId = :s and o.slug = :slug", ShareOffer.class)
                .setParameter("s", society.id()).setParameter("slug", slug).getResultStream().findFirst()
                .orElseThrow(() -> new NoSuchResourceException("No such offer"));
    }

    public Optional<AllotmentDecision> decision(long offerId) {
        return em.createQuery("select d from AllotmentDecision d where d.offerId = :o", AllotmentDecision.class)
                .setParameter("o", offerId).getResultStream().findFirst();
    }

    /** The proposal for a closed offer, or the allotment as made for an allotted one. */
    public View view(Society society, String slug) {
        ShareOffer offer = offer(society, slug);
        if (offer.state() == OfferState.ALLOTTED) {
            return made(society, offer);
        }
        requireClosed(offer);
        return proposal(society, offer);
    }

    private static void requireClosed(ShareOffer offer) {
        if (offer.state() == OfferState.ALLOTTED) {
            throw new ConflictException("offer", "This offer has already been allotted");
        }
        if (offer.state() != OfferState.CLOSED) {
            throw new ConflictException("offer", "An offer is allotted after it closes; this one is "
                    + offer.state().label().toLowerCase());
        }
    }

    private View proposal(Society society, ShareOffer offer) {
        List<Object[]> rows = applicationRows(society, offer, "SUBMITTED");
        var applicants = new ArrayList<Applicant>(rows.size());
        for (Object[] r : rows) {
            var state = MemberState.valueOf((String) r[5]);
            applicants.add(new Applicant(num(r[0]), num(r[8]), num(r[9]), bool(r[7]), num(r[10]),
                    state == MemberState.APPLICANT || state == MemberState.MEMBER));
        }
        long minimum = society.rules().minimumHoldingShares();
        var result = Allotment.allot(applicants, offer.sharePrice().pence(), offer.maxTarget().pence(), offer.locality(),
                offer.scaleBack(), minimum, society.rules().maximumHoldingShares());
        var lines = new ArrayList<Line>(rows.size());
        int toAdmit = 0;
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            var a = result.allocations().get(i);
            var line = line(r, a.sharesAllotted(), Money.ofPence(a.refundPence()), a.outcome().label());
            if (a.sharesAllotted() > 0 && line.memberState() == MemberState.APPLICANT) {
                toAdmit++;
            }
            lines.add(line);
        }
        return summarise(society, offer, result.maximumShares(), lines, toAdmit, result.oversubscribed(), null);
    }

    private View made(Society society, ShareOffer offer) {
        List<Object[]> rows = applicationRows(society, offer, null);
        long price = offer.sharePrice().pence();
        var lines = new ArrayList<Line>(rows.size());
        for (Object[] r : rows) {
            long shares = r[12] == null ? 0 : num(r[12]);
            String state = ApplicationState.valueOf((String) r[13]).label();
            lines.add(line(r, shares, Money.ofPence(num(r[9]) - shares * price), state));
        }
        long maximumShares = offer.maxTarget().pence() / price;
        long demand = lines.stream().mapToLong(l -> Math.min(l.sharesRequested(), l.paid().pence() / price)).sum();
        return summarise(society, offer, maximumShares, lines, 0, demand > maximumShares, decision(offer.id()).orElse(null));
    }

    private static Line line(Object[] r, long shares, Money refund, String outcome) {
        return new Line(num(r[0]), (String) r[1], num(r[2]), r[3] == null ? null : num(r[3]), (String) r[4],
                MemberState.valueOf((String) r[5]), (String) r[11], (String) r[6], bool(r[7]), num(r[8]), Money.ofPence(num(r[9])),
                num(r[10]), shares, refund, outcome, r[14] == null ? null : num(r[14]));
    }

    private View summarise(Society society, ShareOffer offer, long maximumShares, List<Line> lines, int toAdmit,
            boolean oversubscribed, AllotmentDecision decision) {
        long requested = 0;
        long shares = 0;
        long paid = 0;
        long refunded = 0;
        int allottees = 0;
        int refunds = 0;
        for (Line l : lines) {
            requested += l.sharesRequested();
            shares += l.sharesAllotted();
            paid += l.paid().pence();
            refunded += l.refund().pence();
            allottees += l.sharesAllotted() > 0 ? 1 : 0;
            refunds += l.refund().pence() > 0 ? 1 : 0;
        }
        return new View(offer, society.rules().minimumHoldingShares(), maximumShares, List.copyOf(lines), requested, shares,
                Money.ofPence(paid), offer.sharePrice().times(shares), Money.ofPence(refunded), allottees, refunds, toAdmit,
                oversubscribed, decision);
    }

    /**
     * The offer's applications in the order they were made, with what each has been paid and what its member already
     * holds: 0 id, 1 reference, 2 member id, 3 member number, 4 name, 5 member state, 6 postcode district, 7 local,
     * 8 shares requested, 9 paid, 10 held, 11 email, 12 shares allotted, 13 state, 14 certificate number. {@code state} null: every
     * application that took part in the allotment (not withdrawn).
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> applicationRows(Society society, ShareOffer offer, String state) {
        var sql = "SELECT a.id, a.reference, a.member_id, m.member_number, m.name, m.state, m.postcode_district, a.local_applicant,"
                + " a.shares_requested,"
                + " COALESCE((SELECT SUM(p.amount_pence) FROM share_payment p WHERE p.application_id = a.id), 0),"
                + " COALESCE((SELECT SUM(e.shares) FROM share_entry e WHERE e.society_id = a.society_id AND e.member_id = a.member_id), 0),"
                + " m.email, a.shares_allotted, a.state, c.number"
                + " FROM share_application a JOIN member m ON m.id = a.member_id"
                + " LEFT JOIN share_certificate c ON c.application_id = a.id"
                + " WHERE a.society_id = ?1 AND a.offer_id = ?2 AND "
                + (state == null ? "a.state <> 'WITHDRAWN'" : "a.state = ?3")
                + " ORDER BY a.submitted_at, a.id";
        var q = em.createNativeQuery(sql).setParameter(1, society.id()).setParameter(2, offer.id());
        if (state != null) {
            q.setParameter(3, state);
        }
        return q.getResultList();
    }

    /**
     * Approves the allotment as proposed at this moment, as the board's decision of {@code decidedOn}, and carries it
     * out. Bad input or an offer that is not closed changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Job queueApproval(Society society, String slug, LocalDate decidedOn) {
        checkDate(decidedOn);
        ShareOffer offer = offer(society, slug);
        checkApprovable(society, offer, decidedOn);
        var approver = approver(society);
        String params = Json.createObjectBuilder().add("offer", slug).add("decidedOn", decidedOn.toString())
                .add("approverRole", approver.role()).build().toString();
        var job = jobs.enqueue(new Job(society.id(), JOB, "Approving the allotment of " + offer.title(), params,
                Set.of(Role.DIRECTOR.name(), Role.SECRETARY.name()), activeKey(offer.id()), approver.accountId(), approver.name(),
                "/s/" + society.slug() + "/allotments/" + slug, "/api/v1/societies/" + society.slug() + "/allotments/" + slug,
                LocalDateTime.now(clock)), "The allotment of this offer is already being approved");
        audit.record(society.id(), "offer.allotment-requested", "share_offer", offer.id(), null,
                Map.of("job", job.id(), "decidedOn", decidedOn.toString()));
        return job;
    }

    /** The approval of this offer that is queued or running, if any. */
    public Optional<Job> approvalInProgress(ShareOffer offer) {
        return jobs.active(activeKey(offer.id()));
    }

    private static String activeKey(long offerId) {
        return JOB + ":" + offerId;
    }

    /** Runs a queued approval: everything in one transaction, which also records the job's success. */
    void onJob(@Observes JobRun run) {
        if (!run.is(JOB)) {
            return;
        }
        run.accept();
        var params = Json.createReader(new java.io.StringReader(run.params())).readObject();
        var approver = new Approver(run.requestedBy(), run.requestedByName(), params.getString("approverRole"));
        transactions.run(() -> {
            String slug = params.getString("offer");
            // the offer's lock first: under REPEATABLE READ the snapshot is taken by the first plain read,
            // which must come after the lock so that the proposal sees everything committed before it
            em.createNativeQuery("SELECT id FROM share_offer WHERE society_id = ?1 AND slug = ?2 FOR UPDATE")
                    .setParameter(1, run.societyId()).setParameter(2, slug).getResultList();
            Society society = em.find(Society.class, run.societyId());
            var decision = approve(society, slug, LocalDate.parse(params.getString("decidedOn")), approver, run);
            var t = decision.totals();
            run.succeeded("Allotted " + t.sharesAllotted() + " shares to " + t.allottees() + " investors; " + t.refunds() + " refunds ("
                    + t.refunded() + ") are due", null, null);
        });
    }

    private void checkDate(LocalDate decidedOn) {
        var errors = new FieldErrors();
        errors.check(decidedOn != null, "decidedOn", "Enter the date the board decided the allotment");
        errors.check(decidedOn == null || !decidedOn.isAfter(today()), "decidedOn", "The date of the decision cannot be in the future");
        errors.throwIfAny();
    }

    private View checkApprovable(Society society, ShareOffer offer, LocalDate decidedOn) {
        requireClosed(offer);
        if (decidedOn.isBefore(offer.closesOn())) {
            throw new coop.cooperage.platform.control.InvalidInputException("decidedOn",
                    "The allotment is decided after the offer closed on " + DATE.format(offer.closesOn()));
        }
        View proposal = proposal(society, offer);
        if (!proposal.minimumTargetReached()) {
            throw new ConflictException("offer", "The offer raised " + proposal.allotted() + " in shares, below its minimum target of "
                    + offer.minTarget() + ": it has failed and the money is to be returned, not allotted");
        }
        return proposal;
    }

    /**
     * Carries out the approval (the job's work, see {@link #queueApproval}), in the caller's transaction, reporting
     * progress to {@code run}. Checks everything again under the offer's lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AllotmentDecision approve(Society society, String slug, LocalDate decidedOn, Approver approver, JobRun run) {
        checkDate(decidedOn);
        run.progress(0, 0);
        ShareOffer offer = em.createQuery("select o from ShareOffer o where o.societyId = :s and o.slug = :slug", ShareOffer.class)
                .setParameter("s", society.id()).setParameter("slug", slug).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElseThrow(() -> new NoSuchResourceException("No such offer"));
        View proposal = checkApprovable(society, offer, decidedOn);
        long offerId = offer.id();
        String offerTitle = offer.title();
        long price = offer.sharePrice().pence();
        offer.allotted();
        em.flush();

        long nextCertificate = takeCertificateNumbers(society.id(), proposal.allottees());
        LocalDateTime now = LocalDateTime.now(clock);
        String certificatesLink = urls.link("/s/" + society.slug() + "/my-certificates");
        int admitted = 0;
        int done = 0;
        Map<Long, ShareApplication> chunk = Map.of();
        for (Line line : proposal.lines()) {
            if (done % BATCH == 0) {
                chunk = applications(proposal.lines().subList(done, Math.min(done + BATCH, proposal.lines().size())));
            }
            ShareApplication application = chunk.get(line.applicationId());
            long shares = line.sharesAllotted();
            application.allot(shares, line.paid().pence() > 0);
            Long number = line.memberNumber();
            Long certificate = null;
            if (shares > 0) {
                if (line.memberState() == MemberState.APPLICANT) {
                    number = admissions.admit(society, line.memberId(), decidedOn, approver.accountId()).memberNumber();
                    admitted++;
                }
                Money amount = Money.ofPence(shares * price);
                ledger.append(society.id(), line.memberId(), ShareEntryKind.ALLOTMENT, shares, amount, decidedOn,
                        "Allotment: " + offerTitle + " (" + line.reference() + ")");
                certificate = nextCertificate++;
                em.persist(new ShareCertificate(society.id(), certificate, line.memberId(), offerId, line.applicationId(), shares,
                        amount, decidedOn, now));
            }
            if (line.refund().pence() > 0) {
                em.persist(new Payout(society.id(), line.memberId(), PayoutKind.REFUND, line.refund(), null, "share_application",
                        line.applicationId(), null, now));
            }
            var after = new LinkedHashMap<String, Object>();
            after.put("state", application.state().name());
            after.put("sharesAllotted", shares);
            after.put("refundPence", line.refund().pence());
            after.put("certificate", certificate);
            audit.record(society.id(), "share_application.allotted", "share_application", line.applicationId(),
                    Map.of("state", "SUBMITTED"), after);
            if (line.email() != null) {
                outbox.enqueue(society.id(), line.email(), "Your shares in " + society.name(),
                        letter(society, offerTitle, line, shares, number, certificate, certificatesLink));
            }
            if (++done % BATCH == 0) {
                em.flush();
                em.clear();
                run.progress(done, proposal.lines().size());
            }
        }
        run.progress(done, proposal.lines().size());
        var totals = new AllotmentDecision.Totals(proposal.lines().size(), proposal.allottees(), admitted, proposal.sharesAllotted(),
                proposal.allotted(), proposal.refunds(), proposal.refunded(), proposal.paid());
        var decision = new AllotmentDecision(society.id(), offerId, decidedOn, approver.accountId(), approver.name(), approver.role(),
                totals, now);
        em.persist(decision);
        em.flush();
        // the approval is the board's decision: it is listed with the board's others, in this same transaction
        var boardItem = boardDecisions.recordDecision(society, boardDecisionText(offerTitle, totals), decidedOn, decision.approverName());
        decision.recordedAsBoardDecision(boardItem.id());
        var summary = new LinkedHashMap<String, Object>();
        summary.put("offer", slug);
        summary.put("decidedOn", decidedOn.toString());
        summary.put("approverRole", decision.approverRole());
        summary.put("applications", totals.applications());
        summary.put("allottees", totals.allottees());
        summary.put("membersAdmitted", admitted);
        summary.put("sharesAllotted", totals.sharesAllotted());
        summary.put("allottedPence", totals.allotted().pence());
        summary.put("refunds", totals.refunds());
        summary.put("refundPence", totals.refunded().pence());
        summary.put("boardDecision", boardItem.id());
        audit.record(society.id(), "offer.allotted", "share_offer", offerId, Map.of("state", "CLOSED"), summary);
        return decision;
    }

    /** "Allotment of Solar 2026: 1,200 shares to 14 applicants, £300.00 refunded". */
    static String boardDecisionText(String offerTitle, AllotmentDecision.Totals totals) {
        return "Allotment of " + offerTitle + ": " + String.format(Locale.ROOT, "%,d", totals.sharesAllotted())
                + (totals.sharesAllotted() == 1 ? " share" : " shares") + " to " + totals.allottees()
                + (totals.allottees() == 1 ? " applicant, " : " applicants, ") + totals.refunded() + " refunded";
    }

    /** The applications of these lines in one query (rather than one each). */
    private Map<Long, ShareApplication> applications(List<Line> lines) {
        var ids = lines.stream().map(Line::applicationId).toList();
        var found = new java.util.HashMap<Long, ShareApplication>();
        em.createQuery("select a from ShareApplication a where a.id in :ids", ShareApplication.class).setParameter("ids", ids)
                .getResultList().forEach(a -> found.put(a.id(), a));
        return found;
    }

    /** The caller as approver: their account and the role in which they approve. */
    private Approver approver(Society society) {
        var account = caller.requireAccount();
        var roles = caller.rolesIn(society.id());
        String role = roles.contains(Role.DIRECTOR) ? Role.DIRECTOR.name() : roles.contains(Role.SECRETARY) ? Role.SECRETARY.name()
                : caller.isPlatformAdmin() ? "PLATFORM_ADMIN" : "UNKNOWN";
        return new Approver(account.id(), account.email(), role);
    }

    /** Takes {@code count} consecutive certificate numbers under the society's counter lock; returns the first. */
    private long takeCertificateNumbers(long societyId, int count) {
        counters.ensureExists("share_certificate_counter", "society_id", societyId,
                "INSERT IGNORE INTO share_certificate_counter (society_id, last_number) VALUES (?1, 0)", societyId);
        long last = num(em.createNativeQuery("SELECT last_number FROM share_certificate_counter WHERE society_id = ?1 FOR UPDATE")
                .setParameter(1, societyId).getSingleResult());
        em.createNativeQuery("UPDATE share_certificate_counter SET last_number = ?1 WHERE society_id = ?2")
                .setParameter(1, last + count).setParameter(2, societyId).executeUpdate();
        return last + 1;
    }

    private static String letter(Society society, String offerTitle, Line line, long shares, Long memberNumber, Long certificate,
            String link) {
        var text = new StringBuilder("Dear ").append(line.memberName()).append(",\n\n");
        text.append("The board of ").append(society.name()).append(" has allotted the shares in \"").append(offerTitle)
                .append("\" (your application ").append(line.reference()).append(").\n\n");
        if (shares > 0) {
            text.append("You have been allotted ").append(shares).append(shares == 1 ? " share" : " shares");
            if (shares < line.sharesRequested()) {
                text.append(" of the ").append(line.sharesRequested()).append(" you applied for");
            }
            text.append(". You are member number ").append(memberNumber).append(". Your share certificate is number ")
                    .append(certificate).append("; you can download it from your membership pages:\n").append(link).append("\n\n");
        } else {
            text.append("We are sorry: no shares could be allotted to your application (").append(line.outcome()).append(").\n\n");
        }
        if (line.refund().pence() > 0) {
            text.append("We will return ").append(line.refund()).append(" to you in our next payment run.\n\n");
        }
        return text.toString();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static boolean bool(Object o) {
        return o instanceof Boolean b ? b : ((Number) o).intValue() != 0;
    }

    /** The outcome labels a proposal can show, for the page's key. */
    public static List<Outcome> outcomes() {
        return List.of(Outcome.values());
    }
}
