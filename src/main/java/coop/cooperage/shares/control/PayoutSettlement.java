package coop.cooperage.shares.control;

import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.CeasingReason;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.money.Money;
import coop.cooperage.shares.entity.Payout;
import coop.cooperage.shares.entity.PayoutKind;
import coop.cooperage.shares.entity.ShareEntryKind;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/**
 * What paying a payout does to the share ledger: a withdrawal or a payment on death takes its
 * shares out of the holding on the day the money goes, and a withdrawal of everything ends the
 * membership. The withdrawal request it paid is marked paid and its member emailed (in this transaction). A refund of money paid for shares
 * never allotted touches no holding. Called by the payment run, in the transaction that marks
 * the run paid; the ledger's limits still apply, so a payout can never take a holding below zero.
 */
@ApplicationScoped
public class PayoutSettlement {

    @PersistenceContext
    EntityManager em;

    @Inject
    ShareLedger ledger;

    @Inject
    Register register;

    @Inject
    Withdrawals withdrawals;

    @Transactional(Transactional.TxType.MANDATORY)
    public void settle(Society society, Payout payout, LocalDate paidOn) {
        payout.markPaid(paidOn);
        var request = withdrawals.forPayout(payout);
        request.ifPresent(r -> r.paid());
        if (payout.shares() == null || payout.shares() == 0) {
            return;
        }
        ShareEntryKind kind = payout.kind() == PayoutKind.DEATH ? ShareEntryKind.TRANSFER_ON_DEATH : ShareEntryKind.WITHDRAWAL;
        ledger.append(society.id(), payout.memberId(), kind, -payout.shares(), Money.ZERO.minus(payout.amount()), paidOn,
                payout.kind().name().toLowerCase() + "-" + payout.sourceId());
        Member member = em.find(Member.class, payout.memberId());
        boolean ended = false;
        if (payout.kind() == PayoutKind.WITHDRAWAL && member.state() == MemberState.MEMBER
                && ledger.lock(society.id(), member.id()).shares() == 0) {
            register.cease(society, member.memberNumber(), paidOn, CeasingReason.WITHDREW_ALL_SHARES);
            ended = true;
        }
        if (request.isPresent()) {
            withdrawals.tell(society, member, "Your withdrawal from " + society.name() + " is paid",
                    withdrawals.paidLetter(society, member, request.get(), paidOn, ended));
        }
    }
}
