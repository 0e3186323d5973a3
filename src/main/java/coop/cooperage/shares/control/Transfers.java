package coop.cooperage.shares.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.CeasingReason;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.shares.entity.Holding;
import coop.cooperage.shares.entity.HoldingLimits;
import coop.cooperage.shares.entity.LedgerSetting;
import coop.cooperage.shares.entity.ShareEntryKind;
import coop.cooperage.shares.entity.ShareTransfer;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Transfers of shares between living members: community shares are normally not transferable,
 * so only where the society's setting allows it, and only with the board's consent, recorded
 * (a minute reference and its date). Both sides are written in one transaction, after locking
 * both holdings in member id order; the receiver's cap applies. The transferor keeps at least the
 * society's minimum holding, now and once any withdrawals they have asked for are paid
 * ({@link MinimumHolding}), or transfers everything: membership needs the minimum holding (the
 * rules' minimum is at least one share), so a transfer that leaves a living member with no shares
 * ends their membership on the day, by the same path as a withdrawal of everything
 * ({@link PayoutSettlement}): the register's cessation, reason "withdrew all shares", audited.
 */
@ApplicationScoped
public class Transfers {

    public record Input(Long fromMemberNumber, Long toMemberNumber, Long shares, String boardConsent, LocalDate consentedOn) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Register register;

    @Inject
    ShareLedger ledger;

    @Inject
    Withdrawals withdrawals;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public boolean allowed(Society society) {
        LedgerSetting s = em.find(LedgerSetting.class, society.id());
        return s != null && s.transfersAllowed();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void allow(Society society, boolean allowed) {
        LedgerSetting s = em.find(LedgerSetting.class, society.id());
        boolean before = s != null && s.transfersAllowed();
        if (s == null) {
            s = new LedgerSetting(society.id(), allowed);
            em.persist(s);
        } else {
            s.allowTransfers(allowed);
        }
        if (before != allowed) {
            audit.record(society.id(), "ledger.settings-changed", "society", society.id(), Map.of("transfersAllowed", before),
                    Map.of("transfersAllowed", allowed));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ShareTransfer transfer(Society society, Input in) {
        if (!allowed(society)) {
            throw new ConflictException("shares", "The society's rules do not allow shares to be transferred between living members");
        }
        LocalDate today = register.today();
        var errors = new FieldErrors();
        errors.check(in.fromMemberNumber() != null, "fromMemberNumber", "Enter the number of the member transferring the shares");
        errors.check(in.toMemberNumber() != null, "toMemberNumber", "Enter the number of the member receiving the shares");
        errors.check(in.shares() != null && in.shares() > 0, "shares", "Enter how many shares to transfer, at least 1");
        errors.check(in.boardConsent() != null && !in.boardConsent().isBlank() && in.boardConsent().length() <= 500, "boardConsent",
                "Record the board's consent, like the minute that approved it");
        errors.check(in.consentedOn() != null && !in.consentedOn().isAfter(today), "consentedOn", "Enter the date the board consented, not in the future");
        errors.throwIfAny();
        if (in.fromMemberNumber().equals(in.toMemberNumber())) {
            throw new InvalidInputException("toMemberNumber", "A member cannot transfer shares to themselves");
        }
        Member from = register.byNumber(society, in.fromMemberNumber());
        Member to = register.byNumber(society, in.toMemberNumber());
        errors.check(from.state() == MemberState.MEMBER, "fromMemberNumber", "Member " + in.fromMemberNumber() + " is not a current member");
        errors.check(to.state() == MemberState.MEMBER, "toMemberNumber", "Member " + in.toMemberNumber() + " is not a current member");
        errors.throwIfAny();
        Holding fromHolding;
        if (from.id() < to.id()) {
            fromHolding = ledger.lock(society.id(), from.id());
            ledger.lock(society.id(), to.id());
        } else {
            ledger.lock(society.id(), to.id());
            fromHolding = ledger.lock(society.id(), from.id());
        }
        long claimed = withdrawals.openShares(from.id());
        long free = fromHolding.shares() - claimed;
        if (in.shares() > free) {
            throw new InvalidInputException("shares", "Member " + in.fromMemberNumber() + " can transfer at most " + Math.max(0, free)
                    + " shares (holding " + fromHolding.shares() + ", less any asked to withdraw)");
        }
        MinimumHolding.checkTransfer(in.fromMemberNumber(), fromHolding.shares(), claimed, in.shares(), society.rules().minimumHoldingShares());
        // both read under the locks as last committed: a death or cessation that committed while this waited
        if (!withdrawals.isCurrent(from.id())) {
            throw new ConflictException("fromMemberNumber", "Member " + in.fromMemberNumber() + " is no longer a current member");
        }
        if (!withdrawals.isCurrent(to.id())) {
            throw new ConflictException("toMemberNumber", "Member " + in.toMemberNumber()
                    + " is no longer a current member and cannot receive shares");
        }
        Money amount = HoldingLimits.valueOf(fromHolding, in.shares());
        String ref = "transfer " + in.fromMemberNumber() + " to " + in.toMemberNumber();
        ledger.append(society.id(), from.id(), ShareEntryKind.TRANSFER_OUT, -in.shares(), Money.ZERO.minus(amount), today, ref);
        ledger.append(society.id(), to.id(), ShareEntryKind.TRANSFER_IN, in.shares(), amount, today, ref);
        var t = new ShareTransfer(society.id(), from.id(), to.id(), in.shares(), amount.pence(), today, in.boardConsent().trim(),
                in.consentedOn(), audit.currentActor(), LocalDateTime.now(clock));
        em.persist(t);
        em.flush();
        var after = new LinkedHashMap<String, Object>();
        after.put("from", in.fromMemberNumber());
        after.put("to", in.toMemberNumber());
        after.put("shares", in.shares());
        after.put("amountPence", amount.pence());
        after.put("boardConsent", in.boardConsent().trim());
        after.put("consentedOn", in.consentedOn().toString());
        audit.record(society.id(), "ledger.transferred", "share_transfer", t.id(), null, after);
        if (in.shares() == fromHolding.shares()) {
            register.cease(society, in.fromMemberNumber(), today, CeasingReason.TRANSFERRED_ALL_SHARES);
        }
        return t;
    }
}
