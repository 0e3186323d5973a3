package coop.cooperage.payments.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.BankStatement;
import coop.cooperage.payments.entity.BankStatementLine;
import coop.cooperage.payments.entity.LineState;
import coop.cooperage.payments.entity.Statement;
import coop.cooperage.payments.entity.StatementFileFormat;
import coop.cooperage.payments.entity.StatementLine;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.CounterRows;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.shares.control.Allotments;
import coop.cooperage.shares.entity.ApplicationState;
import coop.cooperage.shares.entity.PayoutState;
import coop.cooperage.shares.entity.ShareApplication;
import coop.cooperage.shares.entity.ShareOffer;
import coop.cooperage.shares.entity.SharePayment;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Money in against share applications: payments recorded by hand, bank statements imported,
 * proposals confirmed, lines matched by hand or ignored, and mistakes reversed.
 *
 * <p>Every change runs in the caller's transaction, audited, and under a per-society lock
 * ({@code statement_import_lock}), because each change alters what applications still owe and so
 * what is proposed for every open line: two treasurers confirming at once must not both see the
 * same application as unpaid. The reads that decide anything after taking the lock are locking
 * reads (FOR UPDATE, LOCK IN SHARE MODE): under REPEATABLE READ a plain read would see the
 * snapshot taken before the lock was granted, and miss what the previous holder committed. Nothing counts twice: a file already imported (same SHA-256) adds
 * no statement, a line already imported (same fingerprint) is not added again, a line already
 * confirmed is skipped, and a hand payment carrying a key already used returns the first payment.
 */
@ApplicationScoped
public class MoneyIn {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    CounterRows counters;

    @Inject
    Caller caller;

    @Inject
    Allotments allotments;

    /** An import's outcome; {@code alreadyImported} when this very file was imported before. */
    public record Imported(BankStatement statement, boolean alreadyImported) {
    }

    /** How many lines a confirmation confirmed, and how many it skipped (already decided, or no longer proposed). */
    public record Confirmed(int confirmed, int skipped) {
    }

    /** An application whose confirmed payments differ from what it is for. */
    public record Discrepancy(long applicationId, String reference, String investor, ApplicationState state, Money due,
            Money paid) {
        public Money difference() {
            return paid.minus(due);
        }

        public boolean isOverpaid() {
            return paid.compareTo(due) > 0;
        }
    }

    /** An application as the review shows it beside a line. */
    public record ApplicationSummary(long id, String reference, String investor, ApplicationState state, Money due, Money paid) {
        public Money outstanding() {
            return due.minus(paid);
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.UK));
    }

    // ---- recording by hand -------------------------------------------------------------------

    @Transactional(Transactional.TxType.MANDATORY)
    public SharePayment record(Society society, HandPayment input, String idempotencyKey) {
        var errors = input.validate(today());
        errors.check(idempotencyKey == null || idempotencyKey.length() <= 64, "idempotencyKey",
                "An idempotency key must be 64 characters or fewer");
        ShareApplication application = null;
        if (!errors.has("reference")) {
            application = applicationByReference(society.id(), input.reference());
            if (application == null) {
                errors.add("reference", "There is no application with the reference " + input.reference().strip());
            } else if (!takesMoney(application)) {
                errors.add("reference", "Application " + application.reference() + " is " + application.state().label().toLowerCase()
                        + ": money for it is returned, not recorded against it");
            }
        }
        errors.throwIfAny();
        lock(society.id());
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            List<?> earlier = em.createNativeQuery(
                    "SELECT payment_id FROM share_payment_request WHERE society_id = ?1 AND idempotency_key = ?2 LOCK IN SHARE MODE")
                    .setParameter(1, society.id()).setParameter(2, idempotencyKey).getResultList();
            if (!earlier.isEmpty()) {
                return em.find(SharePayment.class, ((Number) earlier.get(0)).longValue());
            }
        }
        // a retry above answers with the first payment, whatever became of the application since
        application = lockedTakingMoney(application.id());
        var payment = new SharePayment(society.id(), application.id(), input.amount(), input.receivedOn(), input.method(),
                blankToNull(input.payer()), blankToNull(input.bankReference()), null, actor(), now());
        em.persist(payment);
        em.flush();
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            em.createNativeQuery("INSERT INTO share_payment_request (society_id, idempotency_key, payment_id) VALUES (?1, ?2, ?3)")
                    .setParameter(1, society.id()).setParameter(2, idempotencyKey).setParameter(3, payment.id()).executeUpdate();
        }
        audit.record(society.id(), "payment.recorded", "share_payment", payment.id(), null, snapshot(payment, application));
        repropose(society.id());
        return payment;
    }

    // ---- statements --------------------------------------------------------------------------

    /**
     * Imports a statement file. The same file again returns the statement it made the first time,
     * adding nothing; a file overlapping earlier ones adds only the lines not seen before. A file
     * that cannot be read is refused whole, naming the line, and nothing is saved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Imported importStatement(Society society, StatementFileFormat format, byte[] content, String fileName,
            CsvMapping mapping) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "The file is empty: choose the statement file you downloaded from the bank");
        }
        if (format == null) {
            throw new InvalidInputException("format", "Choose the statement's format");
        }
        String name = fileName == null || fileName.isBlank() ? "statement" : fileName.strip();
        name = name.length() > 200 ? name.substring(0, 200) : name;
        Statement statement;
        try {
            statement = StatementFiles.parse(format, content, mapping, accountKey(society));
        } catch (StatementFormatException e) {
            throw new InvalidInputException("file", "This is not a " + format.label() + " statement that can be read. "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
        if (statement.lines().isEmpty()) {
            throw new InvalidInputException("file", "The statement has no transactions in it");
        }
        String sha = StatementFiles.sha256(content);
        lock(society.id());
        List<?> earlier = em.createNativeQuery("SELECT id FROM bank_statement WHERE society_id = ?1 AND file_sha256 = ?2 LOCK IN SHARE MODE")
                .setParameter(1, society.id()).setParameter(2, sha).getResultList();
        if (!earlier.isEmpty()) {
            // a locking read: a plain find would read the snapshot from before the lock, without it
            return new Imported(em.find(BankStatement.class, ((Number) earlier.get(0)).longValue(), LockModeType.PESSIMISTIC_WRITE),
                    true);
        }
        Set<String> known = knownFingerprints(society.id(), statement.lines());
        List<StatementLine> fresh = statement.linesNotIn(known);
        LocalDate first = statement.lines().stream().map(StatementLine::date).min(Comparator.naturalOrder()).orElse(null);
        LocalDate last = statement.lines().stream().map(StatementLine::date).max(Comparator.naturalOrder()).orElse(null);
        int credits = (int) statement.lines().stream().filter(StatementLine::isCredit).count();
        var stored = new BankStatement(society.id(), format, name, sha, statement.bankId().orElse(null),
                statement.accountId().orElse(null), first, last, statement.lines().size(), credits, fresh.size(), now(), actor());
        em.persist(stored);
        em.flush();
        Set<String> freshPrints = new HashSet<>();
        fresh.forEach(l -> freshPrints.add(l.fingerprint()));
        for (int i = 0; i < statement.lines().size(); i++) {
            StatementLine line = statement.lines().get(i);
            if (freshPrints.contains(line.fingerprint())) {
                em.persist(new BankStatementLine(society.id(), stored.id(), i + 1, line));
            }
        }
        em.flush();
        var after = new LinkedHashMap<String, Object>();
        after.put("format", format.name());
        after.put("fileName", name);
        after.put("sha256", sha);
        after.put("linesInFile", stored.linesInFile());
        after.put("linesAdded", stored.linesAdded());
        after.put("linesAlreadyImported", stored.linesAlreadyImported());
        audit.record(society.id(), "statement.imported", "bank_statement", stored.id(), null, after);
        repropose(society.id());
        return new Imported(stored, false);
    }

    private Set<String> knownFingerprints(long societyId, List<StatementLine> lines) {
        Set<String> known = new HashSet<>();
        List<String> all = lines.stream().map(StatementLine::fingerprint).toList();
        for (int from = 0; from < all.size(); from += 500) {
            var chunk = all.subList(from, Math.min(all.size(), from + 500));
            // every parameter numbered: EclipseLink binds bare "?" after "?1" from the first argument,
            // which dropped the last fingerprint from the list
            var placeholders = java.util.stream.IntStream.rangeClosed(2, chunk.size() + 1).mapToObj(i -> "?" + i)
                    .collect(java.util.stream.Collectors.joining(","));
            var query = em.createNativeQuery("SELECT fingerprint FROM statement_line WHERE society_id = ?1 AND fingerprint IN ("
                    + placeholders + ") LOCK IN SHARE MODE");
            query.setParameter(1, societyId);
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 2, chunk.get(i));
            }
            for (Object f : query.getResultList()) {
                known.add((String) f);
            }
        }
        return known;
    }

    /**
     * Cooperage's key for the society's bank account in line fingerprints. A society has one
     * account for share money here; a second account would need its own key, so that the same
     * transaction seen from both sides is not taken for one line.
     */
    static String accountKey(Society society) {
        return "society-" + society.id() + "/share-account";
    }

    // ---- proposals and decisions -------------------------------------------------------------

    /** Matches every open credit of the society again, against what each application still owes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void repropose(long societyId) {
        List<BankStatementLine> open = em.createQuery(
                "select l from BankStatementLine l where l.societyId = :s and l.state in :states order by l.postedOn, l.id",
                BankStatementLine.class).setParameter("s", societyId)
                .setParameter("states", List.of(LineState.UNMATCHED, LineState.PROPOSED))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (open.isEmpty()) {
            return;
        }
        List<Proposals.Application> applications = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT a.id, a.reference, a.amount_pence - COALESCE(SUM(p.amount_pence), 0) "
                + "FROM share_application a LEFT JOIN share_payment p ON p.application_id = a.id "
                + "WHERE a.society_id = ?1 AND a.state = 'SUBMITTED' GROUP BY a.id, a.reference, a.amount_pence LOCK IN SHARE MODE")
                .setParameter(1, societyId).getResultList()) {
            Object[] r = (Object[]) row;
            applications.add(new Proposals.Application(((Number) r[0]).longValue(), (String) r[1],
                    Money.ofPence(((Number) r[2]).longValue())));
        }
        var decisions = Proposals.decide(open.stream().map(l -> new Proposals.OpenLine(l.id(), l.asParsed())).toList(),
                applications);
        for (BankStatementLine line : open) {
            var d = decisions.get(line.id());
            if (d != null && d.proposed()) {
                if (line.state() != LineState.PROPOSED || !Objects.equals(line.applicationId(), d.applicationId())
                        || line.matchKind() != d.kind() || line.matchBasis() != d.basis()) {
                    line.propose(d.applicationId(), d.basis(), d.kind());
                }
            } else {
                String candidates = d == null ? null : String.join(", ", d.candidates());
                if (line.state() != LineState.UNMATCHED || !Objects.equals(line.candidates(), blankToNull(candidates))) {
                    line.unmatch(candidates);
                }
            }
        }
    }

    /**
     * Confirms proposed lines. Each entry names a line and the application the treasurer saw
     * proposed for it (or null for whatever is proposed now); a line whose proposal has changed
     * since, or that is no longer proposed, is skipped rather than confirmed for something else.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Confirmed confirm(Society society, Map<Long, Long> lineToApplication) {
        lock(society.id());
        var lines = new LinkedHashMap<BankStatementLine, Long>();
        for (var e : lineToApplication.entrySet()) {
            BankStatementLine line = em.find(BankStatementLine.class, e.getKey(), LockModeType.PESSIMISTIC_WRITE);
            if (line == null || line.societyId() != society.id()) {
                throw new NoSuchResourceException("No statement line " + e.getKey());
            }
            lines.put(line, e.getValue());
        }
        // every offer and application these lines pay for, locked before the first is confirmed (and audited):
        // taken line by line, an offer would be locked after the audit chain, the reverse of every other path
        var wanted = lines.entrySet().stream().filter(e -> proposedAsSeen(e.getKey(), e.getValue()))
                .map(e -> e.getKey().applicationId()).toList();
        Map<Long, ShareApplication> applications = lockedApplications(wanted, true);
        int done = 0;
        int skipped = 0;
        for (var e : lines.entrySet()) {
            BankStatementLine line = e.getKey();
            ShareApplication application = proposedAsSeen(line, e.getValue()) ? applications.get(line.applicationId()) : null;
            if (application == null || !takesMoney(application)) {
                skipped++; // changed since the treasurer saw it, or its offer's allotment is being approved
                continue;
            }
            confirmLine(society, line, application, "payment.confirmed");
            done++;
        }
        if (done > 0) {
            repropose(society.id());
        }
        return new Confirmed(done, skipped);
    }

    /** Whether the line is still proposed, for the application the treasurer saw (null: whatever is proposed now). */
    private static boolean proposedAsSeen(BankStatementLine line, Long seenApplication) {
        return line.state() == LineState.PROPOSED && (seenApplication == null || seenApplication.equals(line.applicationId()));
    }

    /**
     * Confirms every proposal that names its application's reference and whose money is exactly
     * what the application owed. A proposal made on the amount alone is left for the treasurer to
     * confirm line by line: a grant or a donation of the same sum carries no reference either.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Confirmed confirmAllExact(Society society) {
        lock(society.id());
        var exact = em.createQuery("select l from BankStatementLine l where l.societyId = :s and l.state = :st and l.matchKind = :k "
                + "order by l.postedOn, l.id", BankStatementLine.class).setParameter("s", society.id())
                .setParameter("st", LineState.PROPOSED).setParameter("k", BankStatementLine.Kind.EXACT)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        var chosen = new LinkedHashMap<Long, Long>();
        exact.stream().filter(MoneyIn::confirmableInBulk).forEach(l -> chosen.put(l.id(), l.applicationId()));
        return confirm(society, chosen);
    }

    /** Whether "confirm all exact" may confirm the line: an exact match on the application's reference, never on amount alone. */
    public static boolean confirmableInBulk(BankStatementLine line) {
        return line.state() == LineState.PROPOSED && line.matchKind() == BankStatementLine.Kind.EXACT
                && line.matchBasis() == BankStatementLine.Basis.REFERENCE;
    }

    /** The treasurer says which application an open line pays for: recorded at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SharePayment matchByHand(Society society, long lineId, String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidInputException("reference", "Enter the reference of the application this money is for");
        }
        lock(society.id());
        BankStatementLine line = lockedLine(society, lineId);
        if (!line.isOpen()) {
            throw new ConflictException("line", "This line is already " + line.state().label().toLowerCase());
        }
        ShareApplication found = applicationByReference(society.id(), reference);
        if (found == null) {
            throw new InvalidInputException("reference", "There is no application with the reference " + reference.strip());
        }
        ShareApplication application = lockedApplication(found.id());
        if (!takesMoney(application)) {
            throw new InvalidInputException("reference", "Application " + application.reference() + " is "
                    + application.state().label().toLowerCase() + ": money for it is returned, not recorded against it");
        }
        SharePayment payment = confirmLine(society, line, application, "payment.matched");
        repropose(society.id());
        return payment;
    }

    /** Sets an open credit aside as not a payment for shares. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BankStatementLine ignore(Society society, long lineId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why this money is not a payment for shares");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "The reason must be 500 characters or fewer");
        }
        lock(society.id());
        BankStatementLine line = lockedLine(society, lineId);
        if (!line.isOpen()) {
            throw new ConflictException("line", "This line is already " + line.state().label().toLowerCase());
        }
        line.ignore(reason.strip(), actor(), now());
        audit.record(society.id(), "statement-line.ignored", "statement_line", line.id(), null,
                Map.of("amountPence", line.amount().pence(), "postedOn", line.postedOn().toString(), "reason", reason.strip()));
        repropose(society.id());
        return line;
    }

    /**
     * Undoes a payment recorded by mistake with a CORRECTION row of the opposite amount. A payment
     * confirmed from a statement line sets the line open again, to be matched rightly or ignored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SharePayment reverse(Society society, long paymentId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why the payment is being reversed");
        }
        if (reason.length() > 400) {
            throw new InvalidInputException("reason", "The reason must be 400 characters or fewer");
        }
        lock(society.id());
        SharePayment payment = em.find(SharePayment.class, paymentId);
        if (payment == null || payment.societyId() != society.id()) {
            throw new NoSuchResourceException("No payment " + paymentId);
        }
        if (payment.isCorrection()) {
            throw new ConflictException("payment", "A correction cannot be reversed; record the payment again instead");
        }
        if (reversalOf(paymentId) != null) {
            throw new ConflictException("payment", "This payment has already been reversed");
        }
        ShareApplication paidFor = lockedApplication(payment.applicationId());
        String refusal = whyNotReversible(paidFor, refundPayoutState(society.id(), paidFor.id()));
        if (refusal != null) {
            throw new ConflictException("payment", refusal);
        }
        SharePayment correction = payment.reversal(today(), "Reverses payment " + paymentId + ": " + reason.strip(), actor(), now());
        em.persist(correction);
        em.flush();
        em.createNativeQuery("INSERT INTO share_payment_reversal (payment_id, correction_id, society_id, reason) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, paymentId).setParameter(2, correction.id()).setParameter(3, society.id())
                .setParameter(4, reason.strip()).executeUpdate();
        em.createQuery("select l from BankStatementLine l where l.paymentId = :p", BankStatementLine.class)
                .setParameter("p", paymentId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().ifPresent(l -> l.reopen(actor(), now()));
        ShareApplication application = em.find(ShareApplication.class, payment.applicationId());
        audit.record(society.id(), "payment.reversed", "share_payment", paymentId, snapshot(payment, application),
                snapshot(correction, application));
        repropose(society.id());
        return correction;
    }

    /**
     * Why a payment for the application may not be reversed, or null when it may. Once an
     * application is allotted its shares are in the ledger and count in share capital: taking the
     * money away would leave shares that were never paid for. Once a refund has gone into a payment
     * run or been paid, the society has paid out the money the payment says it received. Either
     * way the mistake is put right another way, not by a correction row.
     *
     * @param refund the state of the application's refund payout (for a refunded application, or the excess of an
     *     allotted one), or null when it has none
     */
    public static String whyNotReversible(ShareApplication application, PayoutState refund) {
        if (application.state() == ApplicationState.ALLOTTED) {
            return "Application " + application.reference() + " has been allotted: its shares are in the share ledger and count "
                    + "in share capital, so its payment cannot be reversed. If the money was never received or belongs to "
                    + "someone else, ask the secretary to take the shares off the ledger (withdrawal or forfeiture under the "
                    + "rules) first; if it was only part of what was paid, record the difference instead";
        }
        // a refund is looked at whatever the application's state: an allotment refunds an excess too
        if (refund == PayoutState.DUE) {
            return "Application " + application.reference() + " has a refund waiting to be paid, worked out from this "
                    + "payment: reversing it would leave that refund paying back money never received. Keep the refund out of "
                    + "payment runs until it is put right with the secretary: the payment cannot be reversed while the refund is due";
        }
        if (refund == PayoutState.IN_RUN || refund == PayoutState.PAID) {
            return "Application " + application.reference() + " has been refunded and the refund has "
                    + (refund == PayoutState.PAID ? "been paid" : "gone into a payment run")
                    + ", so its payment cannot be reversed: the money has left the society's account. If the payment was "
                    + "never received, recover the refund from the payee and record it in the minutes instead";
        }
        return null;
    }

    /** The state of the application's refund payout, locked, or null when it has none. */
    private PayoutState refundPayoutState(long societyId, long applicationId) {
        List<?> states = em.createNativeQuery("SELECT state FROM payout WHERE society_id = ?1 AND kind = 'REFUND' "
                + "AND source_type = 'share_application' AND source_id = ?2 LOCK IN SHARE MODE")
                .setParameter(1, societyId).setParameter(2, applicationId).getResultList();
        return states.isEmpty() ? null : PayoutState.valueOf((String) states.get(0));
    }

    private SharePayment confirmLine(Society society, BankStatementLine line, ShareApplication application, String action) {
        // share_payment.statement_line_id is unique: the first payment from a line carries it, so
        // the database itself refuses a second confirmation of the line. Only after that payment
        // has been reversed may the line pay for something else, and that payment points back to
        // the line through statement_line.payment_id instead.
        boolean first = em.createNativeQuery("SELECT id FROM share_payment WHERE statement_line_id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, line.id()).getResultList().isEmpty();
        var payment = new SharePayment(society.id(), application.id(), line.amount(), line.postedOn(), SharePayment.Method.STATEMENT,
                clip(line.description(), 200), clip(line.reference().isBlank() ? line.description() : line.reference(), 200),
                first ? line.id() : null, actor(), now());
        em.persist(payment);
        em.flush();
        line.confirm(application.id(), payment.id(), actor(), now());
        audit.record(society.id(), action, "share_payment", payment.id(), null, snapshot(payment, application));
        return payment;
    }

    // ---- reading -----------------------------------------------------------------------------

    public List<BankStatementLine> lines(Society society, LineState state) {
        return em.createQuery("select l from BankStatementLine l where l.societyId = :s and l.state = :st order by l.postedOn, l.id",
                BankStatementLine.class).setParameter("s", society.id()).setParameter("st", state).getResultList();
    }

    public List<BankStatementLine> linesOf(Society society, long statementId) {
        statement(society, statementId);
        return em.createQuery("select l from BankStatementLine l where l.statementId = :st order by l.lineNo", BankStatementLine.class)
                .setParameter("st", statementId).getResultList();
    }

    public BankStatementLine line(Society society, long lineId) {
        BankStatementLine line = em.find(BankStatementLine.class, lineId);
        if (line == null || line.societyId() != society.id()) {
            throw new NoSuchResourceException("No statement line " + lineId);
        }
        return line;
    }

    private BankStatementLine lockedLine(Society society, long lineId) {
        BankStatementLine line = em.find(BankStatementLine.class, lineId, LockModeType.PESSIMISTIC_WRITE);
        if (line == null || line.societyId() != society.id()) {
            throw new NoSuchResourceException("No statement line " + lineId);
        }
        return line;
    }

    public List<BankStatement> statements(Society society) {
        return em.createQuery("select s from BankStatement s where s.societyId = :s order by s.importedAt desc, s.id desc",
                BankStatement.class).setParameter("s", society.id()).setMaxResults(200).getResultList();
    }

    public BankStatement statement(Society society, long id) {
        BankStatement s = em.find(BankStatement.class, id);
        if (s == null || s.societyId() != society.id()) {
            throw new NoSuchResourceException("No statement " + id);
        }
        return s;
    }

    /** Applications by id, with what they are due and have been paid, for the lines shown. */
    public Map<Long, ApplicationSummary> summaries(Society society, Set<Long> applicationIds) {
        var found = new LinkedHashMap<Long, ApplicationSummary>();
        if (applicationIds.isEmpty()) {
            return found;
        }
        for (Object row : em.createNativeQuery("SELECT a.id, a.reference, m.name, a.state, a.amount_pence, "
                + "COALESCE((SELECT SUM(p.amount_pence) FROM share_payment p WHERE p.application_id = a.id), 0) "
                + "FROM share_application a JOIN member m ON m.id = a.member_id WHERE a.society_id = ?1 AND a.id IN ("
                + String.join(",", applicationIds.stream().map(String::valueOf).toList()) + ")")
                .setParameter(1, society.id()).getResultList()) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            found.put(id, new ApplicationSummary(id, (String) r[1], (String) r[2], ApplicationState.valueOf((String) r[3]),
                    Money.ofPence(((Number) r[4]).longValue()), Money.ofPence(((Number) r[5]).longValue())));
        }
        return found;
    }

    /** Applications paid something other than what they are for: partial and over-payments. */
    public List<Discrepancy> discrepancies(Society society) {
        var found = new ArrayList<Discrepancy>();
        for (Object row : em.createNativeQuery("SELECT a.id, a.reference, m.name, a.state, a.amount_pence, SUM(p.amount_pence) paid "
                + "FROM share_application a JOIN member m ON m.id = a.member_id JOIN share_payment p ON p.application_id = a.id "
                + "WHERE a.society_id = ?1 GROUP BY a.id, a.reference, m.name, a.state, a.amount_pence "
                + "HAVING paid <> a.amount_pence AND paid <> 0 ORDER BY a.reference")
                .setParameter(1, society.id()).getResultList()) {
            Object[] r = (Object[]) row;
            found.add(new Discrepancy(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    ApplicationState.valueOf((String) r[3]), Money.ofPence(((Number) r[4]).longValue()),
                    Money.ofPence(((Number) r[5]).longValue())));
        }
        return found;
    }

    public ShareApplication application(Society society, String reference) {
        ShareApplication a = reference == null ? null : applicationByReference(society.id(), reference);
        if (a == null) {
            throw new NoSuchResourceException("No application with the reference " + reference);
        }
        return a;
    }

    public List<SharePayment> payments(ShareApplication application) {
        return em.createQuery("select p from SharePayment p where p.applicationId = :a order by p.recordedAt, p.id", SharePayment.class)
                .setParameter("a", application.id()).getResultList();
    }

    /** The ids of the application's payments that have been reversed. */
    public Set<Long> reversed(ShareApplication application) {
        Set<Long> ids = new HashSet<>();
        for (Object id : em.createNativeQuery("SELECT r.payment_id FROM share_payment_reversal r JOIN share_payment p ON p.id = r.payment_id "
                + "WHERE p.application_id = ?1").setParameter(1, application.id()).getResultList()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    public SharePayment payment(Society society, long id) {
        SharePayment p = em.find(SharePayment.class, id);
        if (p == null || p.societyId() != society.id()) {
            throw new NoSuchResourceException("No payment " + id);
        }
        return p;
    }

    // ---- plumbing ----------------------------------------------------------------------------

    private Long reversalOf(long paymentId) {
        List<?> r = em.createNativeQuery("SELECT correction_id FROM share_payment_reversal WHERE payment_id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, paymentId).getResultList();
        return r.isEmpty() ? null : ((Number) r.get(0)).longValue();
    }

    private ShareApplication applicationByReference(long societyId, String reference) {
        // the column's collation ignores case, so "sh-0012" finds "SH-0012"
        return em.createQuery("select a from ShareApplication a where a.societyId = :s and a.reference = :r", ShareApplication.class)
                .setParameter("s", societyId).setParameter("r", reference.strip()).getResultStream().findFirst().orElse(null);
    }

    /**
     * The application money is about to be recorded against or taken from, locked and read as
     * committed, after its offer (offer first, the order in which the allotment locks them). While
     * the offer's allotment is being approved the change is refused: the approval allots from the
     * payments it read when it began, so money recorded or reversed meanwhile would be misallotted.
     */
    private ShareApplication lockedApplication(long applicationId) {
        return lockedApplications(List.of(applicationId), false).get(applicationId);
    }

    /**
     * {@link #lockedApplication} for several at once: all their offers, then all the applications,
     * each in id order. With {@code skipBusy} the applications of an offer whose allotment is being
     * approved are left out rather than refused.
     */
    private Map<Long, ShareApplication> lockedApplications(java.util.Collection<Long> applicationIds, boolean skipBusy) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        // the offer an application belongs to never changes, so a plain read finds it
        var byOffer = new java.util.TreeMap<Long, java.util.TreeSet<Long>>();
        em.createQuery("select a.id, a.offerId from ShareApplication a where a.id in :ids", Object[].class)
                .setParameter("ids", new ArrayList<>(new HashSet<>(applicationIds))).getResultList()
                .forEach(r -> byOffer.computeIfAbsent((Long) r[1], k -> new java.util.TreeSet<>()).add((Long) r[0]));
        for (var offerId : new ArrayList<>(byOffer.keySet())) {
            ShareOffer offer = em.find(ShareOffer.class, offerId);
            var job = allotments.approvalInProgress(offer);
            if (job.isPresent()) {
                if (!skipBusy) {
                    throw new ConflictException("application", "The allotment of " + offer.title() + " is being approved (job "
                            + job.get().id() + "); money for its applications can be recorded, matched or reversed once that has finished");
                }
                byOffer.remove(offerId);
            }
        }
        byOffer.keySet().forEach(offerId -> em.find(ShareOffer.class, offerId, LockModeType.PESSIMISTIC_READ));
        var locked = new LinkedHashMap<Long, ShareApplication>();
        byOffer.values().stream().flatMap(java.util.Collection::stream).sorted()
                .forEach(id -> locked.put(id, em.find(ShareApplication.class, id, LockModeType.PESSIMISTIC_READ)));
        return locked;
    }

    /** {@link #lockedApplication}, refused when the application no longer takes money (it changed while this waited). */
    private ShareApplication lockedTakingMoney(long applicationId) {
        ShareApplication application = lockedApplication(applicationId);
        if (!takesMoney(application)) {
            throw new ConflictException("reference", "Application " + application.reference() + " has just become "
                    + application.state().label().toLowerCase() + ": money for it is returned, not recorded against it");
        }
        return application;
    }

    private static boolean takesMoney(ShareApplication a) {
        return a.state() == ApplicationState.SUBMITTED || a.state() == ApplicationState.ALLOTTED;
    }

    private void lock(long societyId) {
        counters.ensureExists("statement_import_lock", "society_id", societyId,
                "INSERT IGNORE INTO statement_import_lock (society_id) VALUES (?1)", societyId);
        em.createNativeQuery("SELECT society_id FROM statement_import_lock WHERE society_id = ?1 FOR UPDATE")
                .setParameter(1, societyId).getResultList();
    }

    private Long actor() {
        return caller.account().map(Account::id).orElse(null);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static Map<String, Object> snapshot(SharePayment p, ShareApplication a) {
        var m = new LinkedHashMap<String, Object>();
        m.put("application", a == null ? null : a.reference());
        m.put("amountPence", p.amount().pence());
        m.put("receivedOn", p.receivedOn().toString());
        m.put("method", p.method().name());
        m.put("payer", p.payer());
        m.put("bankReference", p.bankReference());
        m.put("statementLineId", p.statementLineId());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String clip(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.length() > max ? s.substring(0, max) : s;
    }
}
