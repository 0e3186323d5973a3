package coop.cooperage.shares.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.members.control.Nominations;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.CeasingReason;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.members.entity.Nomination;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.shares.entity.DeathSplit;
import coop.cooperage.shares.entity.Holding;
import coop.cooperage.shares.entity.MemberDeath;
import coop.cooperage.shares.entity.Payout;
import coop.cooperage.shares.entity.PayoutKind;
import coop.cooperage.shares.entity.ShareEntryKind;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A member's death. The secretary records the date and the evidence seen (a death certificate,
 * a grant of probate); the membership ends (died) on that date. The holding divides by
 * {@link DeathSplit}: what the member's valid nominations pass (at most £5,000 in all, 2014 Act
 * s.37) either moves at once to a nominee who is a member (transfer on death out, transfer in:
 * the receiving member's cap still applies) or becomes a payment on death to the nominee; the
 * rest is a payment on death to the personal representatives. Payments leave the ledger when the
 * payment run pays them. Waiting withdrawal requests lapse.
 */
@ApplicationScoped
public class Deaths {

    /**
     * @param nomineeMembers for a nomination whose nominee is a member and takes the shares
     *                       rather than money: nomination id to the nominee's member number
     */
    public record Input(LocalDate diedOn, String evidence, String representatives, Map<Long, Long> nomineeMembers) {
    }

    public record Outcome(MemberDeath death, List<String> dispositions) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Register register;

    @Inject
    Nominations nominations;

    @Inject
    ShareLedger ledger;

    @Inject
    Withdrawals withdrawals;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(Society society, long memberNumber, Input in) {
        Member member = register.byNumber(society, memberNumber);
        LocalDate today = register.today();
        var errors = new FieldErrors();
        errors.check(member.state() == MemberState.MEMBER, "diedOn", "Only a current member's death can be recorded here");
        errors.check(in.diedOn() != null && !in.diedOn().isAfter(today), "diedOn", "Enter the date of death, not in the future");
        errors.check(in.diedOn() == null || member.joinedOn() == null || !in.diedOn().isBefore(member.joinedOn()), "diedOn",
                "The date of death is before the member joined");
        errors.check(in.evidence() != null && !in.evidence().isBlank() && in.evidence().length() <= 500, "evidence",
                "Say what evidence of the death you have seen, like a death certificate or grant of probate");
        errors.check(in.representatives() == null || in.representatives().length() <= 200, "representatives",
                "The personal representatives' names are up to 200 characters");
        errors.throwIfAny();
        Map<Long, Long> toMembers = in.nomineeMembers() == null ? Map.of() : in.nomineeMembers();
        List<Nomination> valid = nominations.of(member).stream().filter(n -> n.isActiveOn(in.diedOn())).toList();
        for (Long nominationId : toMembers.keySet()) {
            if (valid.stream().noneMatch(n -> n.id().equals(nominationId))) {
                throw new InvalidInputException("nomineeMembers", "Nomination " + nominationId + " is not one of this member's valid nominations");
            }
        }
        // every holding this touches is locked in member id order, so two such changes cannot deadlock
        var receivers = new LinkedHashMap<Long, Member>();
        for (var e : toMembers.entrySet()) {
            Member r = register.byNumber(society, e.getValue());
            if (r.state() != MemberState.MEMBER || r.id().equals(member.id())) {
                throw new InvalidInputException("nomineeMembers", "Member " + e.getValue() + " is not a current member who can receive the shares");
            }
            receivers.put(e.getKey(), r);
        }
        var ids = new TreeSet<Long>();
        ids.add(member.id());
        receivers.values().forEach(r -> ids.add(r.id()));
        Holding holding = null;
        for (Long id : ids) {
            Holding h = ledger.lock(society.id(), id);
            if (id.equals(member.id())) {
                holding = h;
            }
        }
        // the states above were this transaction's snapshot: read again under the locks, as last committed,
        // so that a death or cessation that committed while this waited is not overridden
        if (!withdrawals.isCurrent(member.id())) {
            throw new ConflictException("diedOn", "Member " + memberNumber + " is no longer a current member: their death or the end of"
                    + " their membership has just been recorded");
        }
        for (Member r : receivers.values()) {
            if (!withdrawals.isCurrent(r.id())) {
                throw new ConflictException("nomineeMembers", "Member " + r.memberNumber()
                        + " is no longer a current member and cannot receive the shares");
            }
        }
        withdrawals.lapseAll(society, member, "The member died");
        var split = DeathSplit.split(holding, valid.stream().map(n -> new DeathSplit.Nominated(n.id(), n.sharePercent())).toList(),
                Nominations.LIMIT);
        String reps = in.representatives() == null || in.representatives().isBlank() ? null : in.representatives().trim();
        if ((split.remainderShares() > 0 || split.remainderAmount().isGreaterThan(Money.ZERO)) && reps == null) {
            throw new InvalidInputException("representatives", "Enter the personal representatives' names: " + split.remainderShares()
                    + " shares (" + split.remainderAmount() + ") go to them");
        }
        var death = new MemberDeath(society.id(), member.id(), in.diedOn(), in.evidence().trim(), reps, audit.currentActor(),
                LocalDateTime.now(clock));
        em.persist(death);
        em.flush();
        var dispositions = new ArrayList<String>();
        for (DeathSplit.Part part : split.nominees()) {
            if (part.shares() == 0 && part.amount().isZero()) {
                continue;
            }
            Nomination n = valid.stream().filter(x -> x.id().equals(part.nominationId())).findFirst().orElseThrow();
            Member receiver = receivers.get(part.nominationId());
            if (receiver != null) {
                String ref = "death-" + death.id();
                ledger.append(society.id(), member.id(), ShareEntryKind.TRANSFER_ON_DEATH, -part.shares(), Money.ZERO.minus(part.amount()),
                        today, ref);
                ledger.append(society.id(), receiver.id(), ShareEntryKind.TRANSFER_IN, part.shares(), part.amount(), today,
                        ref + " from member " + memberNumber);
                dispositions.add(part.shares() + " shares (" + part.amount() + ") transferred to member " + receiver.memberNumber()
                        + ", " + receiver.name() + ", as nominee");
            } else {
                pay(society, member, part.shares(), part.amount(), MemberDeath.NOMINATION_PAYOUT_SOURCE, n.id(), n.nomineeName(), in.diedOn());
                dispositions.add(part.shares() + " shares (" + part.amount() + ") to be paid to " + n.nomineeName() + ", as nominee");
            }
        }
        if (split.remainderShares() > 0 || split.remainderAmount().isGreaterThan(Money.ZERO)) {
            pay(society, member, split.remainderShares(), split.remainderAmount(), MemberDeath.PAYOUT_SOURCE, death.id(), reps, in.diedOn());
            dispositions.add(split.remainderShares() + " shares (" + split.remainderAmount() + ") to be paid to the personal representatives, "
                    + reps);
        }
        var after = new LinkedHashMap<String, Object>();
        after.put("memberNumber", memberNumber);
        after.put("diedOn", in.diedOn().toString());
        after.put("evidence", death.evidence());
        after.put("representatives", reps);
        after.put("holdingShares", holding.shares());
        after.put("holdingPence", holding.amountPaid().pence());
        after.put("dispositions", dispositions);
        audit.record(society.id(), "member.death-recorded", "member_death", death.id(), null, after);
        register.cease(society, memberNumber, in.diedOn(), CeasingReason.DIED);
        return new Outcome(death, dispositions);
    }

    /** A payment on death; shares worth nothing (written down to zero) leave the ledger at once, there being nothing to pay. */
    private void pay(Society society, Member member, long shares, Money amount, String source, long sourceId, String payee, LocalDate on) {
        if (amount.isZero()) {
            if (shares > 0) {
                ledger.append(society.id(), member.id(), ShareEntryKind.TRANSFER_ON_DEATH, -shares, Money.ZERO, on, source + "-" + sourceId);
            }
            return;
        }
        var payout = new Payout(society.id(), member.id(), PayoutKind.DEATH, amount, shares, source, sourceId, payee, LocalDateTime.now(clock));
        em.persist(payout);
    }

    public java.util.Optional<MemberDeath> of(Member member) {
        return em.createQuery("select d from MemberDeath d where d.memberId = :m", MemberDeath.class).setParameter("m", member.id())
                .getResultStream().findFirst();
    }
}
