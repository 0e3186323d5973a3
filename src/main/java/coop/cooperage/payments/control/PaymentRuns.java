package coop.cooperage.payments.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.members.entity.Member;
import coop.cooperage.money.Money;
import coop.cooperage.money.BankDetails;
import coop.cooperage.payments.entity.MemberBankDetails;
import coop.cooperage.payments.entity.OriginatingAccount;
import coop.cooperage.payments.entity.PaymentInstruction;
import coop.cooperage.payments.entity.PaymentRun;
import coop.cooperage.payments.entity.PaymentRunItem;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.CounterRows;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.Outbox;
import coop.cooperage.platform.control.PublicUrls;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.payments.entity.PaymentRunState;
import coop.cooperage.shares.control.PayoutSettlement;
import coop.cooperage.shares.entity.Payout;
import coop.cooperage.shares.entity.PayoutKind;
import coop.cooperage.shares.entity.PayoutState;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payment runs: the treasurer gathers every due payout that has somewhere to go into a draft run,
 * downloads its Bacs or CSV file for the bank, and marks it paid once the bank has paid, which
 * settles each payout in the share ledger ({@link PayoutSettlement}) in the same transaction.
 *
 * <p>Concurrency: making a run locks the society's run counter row, so runs in one society are
 * made one at a time and a payout taken by one is no longer due for the next; the due payouts
 * are also read FOR UPDATE. Paying, removing and cancelling lock the run's row, so of two
 * treasurers pressing "paid" at once one pays and the other is told it is already paid (409).
 */
@ApplicationScoped
public class PaymentRuns {

    @PersistenceContext
    EntityManager em;

    @Inject
    BankDetailsVault vault;

    @Inject
    BankAccounts accounts;

    @Inject
    PayoutSettlement settlement;

    @Inject
    AuditTrail audit;

    @Inject
    CounterRows counters;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    PublicUrls urls;

    /** A due payout, and whether it can go into a run (and if not, why not). */
    /** {@code bankEnteredBy}/{@code At}: who last entered the account it would be paid into, and when. */
    public record Due(Payout payout, Member member, String payeeName, String masked, String blockedBecause,
            String bankEnteredBy, LocalDateTime bankEnteredAt) {
        public boolean ready() {
            return blockedBecause == null;
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.UK));
    }

    /** Every due payout of the society, oldest first, each with where it would be paid or why it cannot be. */
    public List<Due> due(Society society) {
        return due(society, LockModeType.NONE);
    }

    /**
     * With a lock, the payouts are read FOR UPDATE: a locking read sees the latest committed rows,
     * where a plain read in MariaDB's repeatable-read would see the transaction's first snapshot,
     * from before the run made by the treasurer we waited for.
     */
    private List<Due> due(Society society, LockModeType lock) {
        List<Payout> payouts = em.createQuery("select p from Payout p where p.societyId = :s and p.state = :st order by p.id",
                Payout.class).setParameter("s", society.id()).setParameter("st", PayoutState.DUE).setLockMode(lock).getResultList();
        return payouts.stream().map(this::due).toList();
    }

    private Due due(Payout payout) {
        Member member = em.find(Member.class, payout.memberId());
        String payee = payout.payeeName() != null ? payout.payeeName() : member.name();
        if (payout.payeeBankEncrypted() != null) {
            return new Due(payout, member, payee, vault.open(payout.payeeBankEncrypted()).masked(), null,
                    payout.payeeBankSetBy(), payout.payeeBankSetAt());
        }
        if (payout.payeeName() != null) {
            return new Due(payout, member, payee, null,
                    "Enter the bank details of " + payout.payeeName() + ", who is paid instead of the member", null, null);
        }
        MemberBankDetails bank = em.find(MemberBankDetails.class, member.id());
        if (bank == null) {
            return new Due(payout, member, payee, null, member.name() + " has given no bank details", null, null);
        }
        return new Due(payout, member, payee, bank.masked(), null, bank.updatedBy(), bank.updatedAt());
    }

    /**
     * Makes a draft run of every due payout that has bank details, to be processed by Bacs on
     * {@code processingDate}. Payouts without bank details stay due (see {@link #due}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentRun create(Society society, LocalDate processingDate, String by) {
        OriginatingAccount originator = accounts.originator(society).orElseThrow(() -> new ConflictException("originator",
                "Enter the society's Bacs details (service user number and account) before making a payment run"));
        LocalDate today = today();
        PaymentRun.processingDateProblem(today, processingDate).ifPresent(p -> {
            throw new InvalidInputException("processingDate", p);
        });
        counters.ensureExists("payment_run_counter", "society_id", society.id(),
                "INSERT IGNORE INTO payment_run_counter (society_id, last_number) VALUES (?1, 0)", society.id());
        int last = ((Number) em.createNativeQuery("SELECT last_number FROM payment_run_counter WHERE society_id = ?1 FOR UPDATE")
                .setParameter(1, society.id()).getSingleResult()).intValue();
        // Lock the due payouts too, against anything else changing one while it is taken.
        List<Due> ready = due(society, LockModeType.PESSIMISTIC_WRITE).stream().filter(Due::ready).toList();
        if (ready.isEmpty()) {
            throw new ConflictException("run", "No due payout has bank details, so there is nothing to put in a run");
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        var run = new PaymentRun(society.id(), last + 1, today, processingDate, originator.serviceUserNumber(),
                originator.serviceUserName(), originator.accountEncrypted(), now, by);
        em.persist(run);
        em.flush();
        var taken = new ArrayList<Long>();
        for (Due d : ready) {
            Payout payout = d.payout();
            byte[] sealed = payout.payeeBankEncrypted() != null ? payout.payeeBankEncrypted()
                    : em.find(MemberBankDetails.class, d.member().id()).ciphertext();
            payout.takeInto(run.id());
            em.persist(new PaymentRunItem(run.id(), payout.id(), d.member().id(), d.payeeName(), sealed, d.masked(),
                    payout.kind().name(), payout.amount(), reference(payout.kind(), d.member())));
            run.add(payout.amount());
            taken.add(payout.id());
        }
        em.createNativeQuery("UPDATE payment_run_counter SET last_number = ?1 WHERE society_id = ?2")
                .setParameter(1, run.number()).setParameter(2, society.id()).executeUpdate();
        em.flush();
        try {
            bacs(run); // refuse now a run whose file Bacs would reject, rather than at download
        } catch (PaymentFileException e) {
            throw new ConflictException("run", e.getMessage());
        }
        var after = new LinkedHashMap<String, Object>();
        after.put("number", run.number());
        after.put("processingDate", processingDate.toString());
        after.put("payments", run.itemCount());
        after.put("totalPence", run.total().pence());
        after.put("payouts", taken);
        audit.record(society.id(), "payment-run.created", "payment-run", run.number(), null, after);
        return run;
    }

    /** What the payee sees on their statement: who they are to the society and what the money is. */
    static String reference(PayoutKind kind, Member member) {
        return referenceFor(kind, member.memberNumber(), member.applicationRef());
    }

    static String referenceFor(PayoutKind kind, Long memberNumber, String applicationRef) {
        String who = memberNumber != null ? "M" + memberNumber : applicationRef;
        String what = switch (kind) {
            case REFUND -> "REFUND";
            case WITHDRAWAL -> "WITHDRAWAL";
            case DEATH -> "ON DEATH";
            case INTEREST -> "INTEREST";
        };
        return BacsText.field(who + " " + what, 18).stripTrailing();
    }

    public List<PaymentRun> runs(Society society) {
        return em.createQuery("select r from PaymentRun r where r.societyId = :s order by r.number desc", PaymentRun.class)
                .setParameter("s", society.id()).getResultList();
    }

    public PaymentRun run(Society society, int number) {
        return em.createQuery("select r from PaymentRun r where r.societyId = :s and r.number = :n", PaymentRun.class)
                .setParameter("s", society.id()).setParameter("n", number).getResultStream().findFirst()
                .orElseThrow(() -> new NoSuchResourceException("No such payment run"));
    }

    private PaymentRun locked(Society society, int number) {
        PaymentRun run = run(society, number);
        em.refresh(run, LockModeType.PESSIMISTIC_WRITE);
        return run;
    }

    /**
     * In the order the payouts fell due (by payout, not by item id: EclipseLink inserts the items
     * of one flush in no fixed order), which is also the order of the file's records.
     */
    public List<PaymentRunItem> items(PaymentRun run) {
        return em.createQuery("select i from PaymentRunItem i where i.runId = :r order by i.payoutId", PaymentRunItem.class)
                .setParameter("r", run.id()).getResultList();
    }

    /**
     * An item's payout, locked; refused if it is no longer in this run, so a payout is never moved
     * out of, or paid from, another run by mistake. The items themselves are read plainly under the
     * run's lock (every change to a run's items holds that lock): a locking range read would also
     * lock the index gap where the next run's items go, and deadlock with a run being made.
     */
    private Payout lockedPayout(PaymentRun run, long payoutId) {
        Payout payout = em.find(Payout.class, payoutId, LockModeType.PESSIMISTIC_WRITE);
        if (payout.state() != PayoutState.IN_RUN || !Long.valueOf(run.id()).equals(payout.runId())) {
            throw new ConflictException("payout", "Payout " + payoutId + " is no longer in payment run " + run.number()
                    + ": it was changed at the same moment; look at the run again");
        }
        return payout;
    }

    /** The Bacs Standard 18 file, made only from what the run stored: the same bytes every time. */
    public byte[] bacs(PaymentRun run) {
        requireFile(run);
        var originator = accounts.open(run.serviceUserNumber(), run.serviceUserName(), run.originatorEncrypted());
        var submission = new BacsSubmission(run.serial(), run.fileNumber(), run.createdOn(), run.processingDate());
        return BacsDirectCreditFile.write(originator, submission, instructions(run));
    }

    public byte[] csv(PaymentRun run) {
        requireFile(run);
        return PaymentCsvFile.write(instructions(run));
    }

    private void requireFile(PaymentRun run) {
        if (run.state() == PaymentRunState.CANCELLED) {
            throw new ConflictException("run", "Payment run " + run.number() + " was cancelled: it has no file to send");
        }
        if (run.state() == PaymentRunState.REJECTED) {
            throw new ConflictException("run", "Payment run " + run.number() + " was rejected by the bank: its payouts are due again,"
                    + " so make a new run rather than sending this file again");
        }
        if (run.itemCount() == 0) {
            throw new ConflictException("run", "Payment run " + run.number() + " has no payments in it");
        }
    }

    private List<PaymentInstruction> instructions(PaymentRun run) {
        return items(run).stream().map(i -> new PaymentInstruction(vault.open(i.payeeEncrypted()), i.amount(), i.reference()))
                .toList();
    }

    /**
     * Audits that someone took the file with the account numbers in it. The first download marks
     * the file issued: from then the bank may pay it, so the run can no longer be cancelled or
     * trimmed (see {@link PaymentRun#issueFile}). Call only after the file was made, so a refused
     * file (cancelled run) issues nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordDownload(Society society, PaymentRun run, String format, String by) {
        em.refresh(run, LockModeType.PESSIMISTIC_WRITE); // two first downloads at once: one issues, neither fails
        if (run.isDraft() && run.issueFile(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), by)) {
            audit.record(society.id(), "payment-run.file-issued", "payment-run", run.number(), Map.of("fileIssued", false),
                    Map.of("fileIssued", true, "format", format, "by", by));
        }
        audit.record(society.id(), "payment-run.file-downloaded", "payment-run", run.number(), null,
                Map.of("format", format, "payments", run.itemCount(), "totalPence", run.total().pence()));
    }

    /**
     * The bank has paid the run: every payout in it is paid on {@code paidOn}, with its ledger
     * entries. Once only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentRun pay(Society society, int number, LocalDate paidOn, String by) {
        if (paidOn == null) {
            throw new InvalidInputException("paidOn", "Enter the day the bank paid the run");
        }
        PaymentRun run = locked(society, number);
        // "at" is UTC like every stored instant; pay() allows the day after it, so a UK date never looks future
        run.pay(paidOn, LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), by);
        for (PaymentRunItem item : items(run)) {
            settlement.settle(society, lockedPayout(run, item.payoutId()), paidOn);
        }
        audit.record(society.id(), "payment-run.paid", "payment-run", run.number(), Map.of("state", "DRAFT"),
                Map.of("state", "PAID", "paidOn", paidOn.toString(), "payments", run.itemCount(), "totalPence", run.total().pence()));
        return run;
    }

    /** Takes one payout out of a draft run; it is due again and goes into the next run. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentRun remove(Society society, int number, long payoutId) {
        PaymentRun run = locked(society, number);
        PaymentRunItem item = items(run).stream().filter(i -> i.payoutId() == payoutId).findFirst()
                .orElseThrow(() -> new NoSuchResourceException("Payout " + payoutId + " is not in payment run " + number));
        run.remove(item.amount());
        lockedPayout(run, payoutId).leaveRun();
        em.remove(item);
        audit.record(society.id(), "payment-run.payout-removed", "payment-run", run.number(),
                Map.of("payout", payoutId, "amountPence", item.amount().pence()), Map.of("payments", run.itemCount(),
                        "totalPence", run.total().pence()));
        return run;
    }

    /** Cancels a draft run: every payout in it is due again. The run stays, as a record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentRun cancel(Society society, int number, String by) {
        PaymentRun run = locked(society, number);
        run.cancel(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), by);
        for (PaymentRunItem item : items(run)) {
            lockedPayout(run, item.payoutId()).leaveRun();
        }
        audit.record(society.id(), "payment-run.cancelled", "payment-run", run.number(), Map.of("state", "DRAFT"),
                Map.of("state", "CANCELLED"));
        return run;
    }

    /**
     * The bank rejected the run's file (or returned the whole submission unpaid): nothing was
     * paid, so every payout in it is due again and goes into the next run. Only for a run whose
     * file was issued; the reason (the bank's words) is kept on the run and in the audit trail.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentRun reject(Society society, int number, String reason, String by) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "Enter the reason the bank gave for rejecting the run");
        }
        if (why.length() > 500) {
            throw new InvalidInputException("reason", "Keep the reason to 500 characters or fewer");
        }
        PaymentRun run = locked(society, number);
        run.reject(why, LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), by);
        var payouts = new ArrayList<Long>();
        for (PaymentRunItem item : items(run)) {
            lockedPayout(run, item.payoutId()).leaveRun();
            payouts.add(item.payoutId());
        }
        audit.record(society.id(), "payment-run.rejected-by-bank", "payment-run", run.number(), Map.of("state", "DRAFT"),
                Map.of("state", "REJECTED", "reason", why, "payouts", payouts, "totalPence", run.total().pence()));
        return run;
    }

    /**
     * The bank account of someone paid instead of the member (a nominee, personal
     * representatives), or of an applicant being refunded, entered by the treasurer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payout setPayeeBank(Society society, long payoutId, String sortCode, String accountNumber, String accountName, String by) {
        Payout payout = em.find(Payout.class, payoutId, LockModeType.PESSIMISTIC_WRITE);
        if (payout == null || payout.societyId() != society.id()) {
            throw new NoSuchResourceException("No such payout");
        }
        if (payout.state() != PayoutState.DUE) {
            throw new ConflictException("payout", payout.state() == PayoutState.IN_RUN
                    ? "This payout is in a draft payment run: take it out of the run first"
                    : "This payout is " + payout.state().name().toLowerCase() + ": its payee cannot change");
        }
        BankDetails details = BankAccounts.validate(sortCode, accountNumber, accountName);
        String before = payout.payeeBankEncrypted() == null ? null : vault.open(payout.payeeBankEncrypted()).masked();
        payout.payeeBank(vault.seal(details), LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), by);
        audit.record(society.id(), "payout.payee-bank-changed", "payout", payout.id(),
                before == null ? null : Map.of("bankAccount", before), Map.of("bankAccount", details.masked(), "by", by));
        alertSecretaries(society, payout, before, details.masked(), by);
        return payout;
    }

    /**
     * Redirecting a payout (a death payout above all) is the obvious fraud open to one treasurer,
     * so every change is told to the society's secretaries, masked, in the same transaction.
     */
    private void alertSecretaries(Society society, Payout payout, String before, String after, String by) {
        List<String> secretaries = em.createQuery("select a.email from Account a, SocietyRole r where r.accountId = a.id"
                + " and r.societyId = :s and r.role = :role order by a.email", String.class)
                .setParameter("s", society.id()).setParameter("role", Role.SECRETARY).getResultList();
        Member member = em.find(Member.class, payout.memberId());
        String who = member.memberNumber() != null ? member.name() + " (member " + member.memberNumber() + ")" : member.name();
        String body = "The bank details for a payout of " + society.name() + " were " + (before == null ? "entered" : "changed")
                + " by " + by + ".\n\n"
                + "Payout: " + payout.kind().label() + " of " + payout.amount() + " for " + who + "\n"
                + "Paid to: " + (payout.payeeName() != null ? payout.payeeName() : member.name()) + "\n"
                + (before == null ? "" : "Account before: " + before + "\n")
                + "Account now: " + after + "\n\n"
                + "If you did not expect this, check it with the treasurer before the next payment run:\n"
                + urls.link("/s/" + society.slug() + "/payment-runs") + "\n";
        for (String to : secretaries) {
            outbox.enqueue(society.id(), to, "Payee bank details " + (before == null ? "entered" : "changed") + " for a "
                    + payout.kind().label().toLowerCase() + " of " + payout.amount(), body);
        }
    }

    public Payout payout(Society society, long payoutId) {
        Payout payout = em.find(Payout.class, payoutId);
        if (payout == null || payout.societyId() != society.id()) {
            throw new NoSuchResourceException("No such payout");
        }
        return payout;
    }

    public Money total(List<Due> due) {
        return due.stream().map(d -> d.payout().amount()).reduce(Money.ZERO, Money::plus);
    }
}
