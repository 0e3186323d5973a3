package coop.cooperage.shares.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.Member;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.shares.entity.ShareEntry;
import coop.cooperage.shares.entity.ShareEntryKind;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;

/**
 * The secretary's own entries in the ledger. A write-down reduces what a holding is worth (the
 * society made losses and its rules permit writing share capital down): money only, the number
 * of shares stays. A correction puts a mistake right with a new entry, up or down, in shares,
 * money or both: nothing in the ledger is ever edited. Both keep to the ledger's limits and
 * both are audited with the reason.
 */
@ApplicationScoped
public class Adjustments {

    public record Input(ShareEntryKind kind, Long shares, Long amountPence, LocalDate on, String reason) {
    }

    @Inject
    Register register;

    @jakarta.persistence.PersistenceContext
    jakarta.persistence.EntityManager em;

    @Inject
    ShareLedger ledger;

    @Inject
    AuditTrail audit;

    @Inject
    Withdrawals withdrawals;

    @Transactional(Transactional.TxType.MANDATORY)
    public ShareEntry record(Society society, long memberNumber, Input in) {
        Member member = register.byNumber(society, memberNumber);
        var errors = new FieldErrors();
        errors.check(in.kind() == ShareEntryKind.WRITE_DOWN || in.kind() == ShareEntryKind.CORRECTION, "kind",
                "Choose a write-down or a correction");
        errors.check(in.on() != null && !in.on().isAfter(register.today()), "on", "Enter the date of the entry, not in the future");
        errors.check(in.reason() != null && !in.reason().isBlank() && in.reason().length() <= 100, "reason",
                "Give the reason for the entry (up to 100 characters)");
        errors.throwIfAny();
        long shares = in.shares() == null ? 0 : in.shares();
        long pence = in.amountPence() == null ? 0 : in.amountPence();
        if (in.kind() == ShareEntryKind.WRITE_DOWN) {
            errors.check(shares == 0, "shares", "A write-down reduces what the shares are worth, not how many there are");
            errors.check(pence < 0, "amountPence", "A write-down reduces the value: enter a negative amount in pence");
        } else {
            errors.check(shares != 0 || pence != 0, "shares", "A correction changes the shares, the amount or both");
        }
        errors.throwIfAny();
        keepsApprovedWithdrawals(memberNumber, ledger.lock(society.id(), member.id()), shares, pence,
                withdrawals.reservedForPayouts(member.id()));
        ShareEntry entry = ledger.append(society.id(), member.id(), in.kind(), shares, Money.ofPence(pence), in.on(), in.reason().trim());
        var after = new LinkedHashMap<String, Object>();
        after.put("memberNumber", memberNumber);
        after.put("kind", in.kind().name());
        after.put("shares", shares);
        after.put("amountPence", pence);
        after.put("on", in.on().toString());
        after.put("reason", in.reason().trim());
        audit.record(society.id(), in.kind() == ShareEntryKind.WRITE_DOWN ? "ledger.written-down" : "ledger.corrected", "member",
                member.id(), null, after);
        return entry;
    }

    /**
     * An approved withdrawal is a payout at a fixed value waiting for the payment run, which then
     * takes those shares and that money out of the holding. An entry that left the holding with
     * fewer shares or less money than its approved, unpaid payouts would make settling them fail
     * and with them the whole run, so such an entry is refused (409): pay the run first, or refuse
     * nothing and write down after. Re-valuing the payouts instead would change money the board
     * has already approved (and may have told the member) behind its back.
     */
    static void keepsApprovedWithdrawals(long memberNumber, coop.cooperage.shares.entity.Holding holding, long shares, long pence,
            coop.cooperage.shares.entity.Holding reserved) {
        if (reserved.shares() == 0 && !reserved.amountPaid().isGreaterThan(Money.ZERO)) {
            return;
        }
        String why = "Member " + memberNumber + " has " + reserved.shares() + " shares approved to withdraw for " + reserved.amountPaid()
                + " and not yet paid";
        if (holding.shares() + shares < reserved.shares()) {
            throw new coop.cooperage.platform.control.ConflictException("shares", why + ": the holding cannot go below "
                    + reserved.shares() + " shares until the payment run has paid it");
        }
        if (holding.amountPaid().pence() + pence < reserved.amountPaid().pence()) {
            throw new coop.cooperage.platform.control.ConflictException("amountPence", why + ": the holding's value cannot go below "
                    + reserved.amountPaid() + " until the payment run has paid it");
        }
    }

    /**
     * Writes the society's share capital down by a percentage: every holding worth anything loses
     * that percentage of its value (rounded down to the penny), as one WRITE_DOWN entry each, in
     * member id order, in one transaction. Returns the total written down.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Money writeDownAll(Society society, java.math.BigDecimal percent, LocalDate on, String reason) {
        var errors = new FieldErrors();
        errors.check(percent != null && percent.signum() > 0 && percent.compareTo(java.math.BigDecimal.valueOf(100)) <= 0
                && percent.stripTrailingZeros().scale() <= 2, "percent", "Enter the percentage to write down, more than 0 and at most 100");
        errors.check(on != null && !on.isAfter(register.today()), "on", "Enter the date of the write-down, not in the future");
        errors.check(reason != null && !reason.isBlank() && reason.length() <= 100, "reason",
                "Give the reason, like the resolution that approved it (up to 100 characters)");
        errors.throwIfAny();
        lockEveryMember(society);
        // with every member locked no holding can change or be created (each change locks its member first), and a
        // locking read sees them as last committed: a holding that an allotment or correction gave or topped up
        // while this waited is written down too, not missed as this transaction's older snapshot would miss it
        @SuppressWarnings("unchecked")
        java.util.List<Object> rows = em.createNativeQuery("SELECT member_id FROM share_holding WHERE society_id = ?1"
                + " AND amount_pence > 0 ORDER BY member_id FOR UPDATE").setParameter(1, society.id()).getResultList();
        long total = 0;
        int holdings = 0;
        for (Object row : rows) {
            long memberId = ((Number) row).longValue();
            var holding = ledger.lock(society.id(), memberId);
            long value = holding.amountPaid().pence();
            long by = java.math.BigDecimal.valueOf(value).multiply(percent).divide(java.math.BigDecimal.valueOf(100), 0,
                    java.math.RoundingMode.DOWN).longValueExact();
            if (by > 0) {
                keepsApprovedWithdrawals(em.find(Member.class, memberId).memberNumber(), holding, 0, -by, withdrawals.reservedForPayouts(memberId));
                ledger.append(society.id(), memberId, ShareEntryKind.WRITE_DOWN, 0, Money.ofPence(-by), on, reason.trim());
                total += by;
                holdings++;
            }
        }
        var after = new LinkedHashMap<String, Object>();
        after.put("percent", percent.stripTrailingZeros().toPlainString());
        after.put("on", on.toString());
        after.put("reason", reason.trim());
        after.put("holdings", holdings);
        after.put("totalPence", total);
        audit.record(society.id(), "ledger.capital-written-down", "society", society.id(), null, after);
        return Money.ofPence(total);
    }

    /**
     * Locks every member of the society, in member id order: the order in which every change to
     * several holdings locks them (a holding's member row before the holding), so this cannot
     * deadlock with one. The ids are listed first, then locked in id order in batches; a last
     * locking read takes anyone who joined the register after this transaction's snapshot.
     */
    private void lockEveryMember(Society society) {
        @SuppressWarnings("unchecked")
        java.util.List<Object> ids = em.createNativeQuery("SELECT id FROM member WHERE society_id = ?1 ORDER BY id")
                .setParameter(1, society.id()).getResultList();
        for (int from = 0; from < ids.size(); from += LOCK_BATCH) {
            // numbers read from the database, so they can be written into the statement; the range
            // optimiser reads an IN list in ascending order, so the rows are locked in id order
            String batch = ids.subList(from, Math.min(from + LOCK_BATCH, ids.size())).stream().map(id -> String.valueOf(((Number) id).longValue()))
                    .collect(java.util.stream.Collectors.joining(", "));
            em.createNativeQuery("SELECT id FROM member WHERE id IN (" + batch + ") ORDER BY id FOR UPDATE").getResultList();
        }
        em.createNativeQuery("SELECT id FROM member WHERE society_id = ?1 FOR UPDATE").setParameter(1, society.id()).getResultList();
    }

    private static final int LOCK_BATCH = 500;
}
