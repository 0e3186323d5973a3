package coop.cooperage.shares.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.Outbox;
import coop.cooperage.platform.control.PublicUrls;
import coop.cooperage.shares.entity.Holding;
import coop.cooperage.shares.entity.HoldingLimits;
import coop.cooperage.shares.entity.Payout;
import coop.cooperage.shares.entity.PayoutKind;
import coop.cooperage.shares.entity.WithdrawalRequest;
import coop.cooperage.shares.entity.WithdrawalState;
import coop.cooperage.shares.entity.WithdrawalSuspension;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Withdrawal of shares under the society's rules. A member (in the portal) or the secretary (for
 * a paper request) asks to withdraw some or all of a holding; the request serves the notice
 * period and waits in a queue ordered by when it was made. The board (a director or the
 * secretary) approves, defers or refuses. Approval is refused
 * <ul>
 * <li>before the notice period has ended;</li>
 * <li>while an earlier request whose notice has ended is still waiting (requested or deferred):
 * the queue is strictly first in, first out, so the board decides the earliest first;</li>
 * <li>while the board has suspended withdrawals;</li>
 * <li>when it would take the year's approved withdrawals above the annual cap: the society's
 * percentage of its share capital as it stood at the start of the financial year (the day after
 * the society's year end), counting every withdrawal approved since that day.</li>
 * </ul>
 * A member under 16 cannot ask to withdraw, and no one can ask for more than they hold less what
 * they have already asked for. A partial withdrawal must leave at least the society's minimum
 * holding ({@link MinimumHolding}), checked when it is asked for and again at approval against
 * the holding as it is then. A board member never decides their own request, and only the member
 * who made a request (or the secretary) cancels it: these rules live here, so the pages and the
 * API cannot differ. The member is emailed each decision (approved, deferred, refused) in the
 * transaction that makes it, and {@link PayoutSettlement} emails them when the payout is paid.
 * Approval makes a WITHDRAWAL payout for the shares' value: their
 * nominal value, or after a write-down their share of what the holding is now worth; the payment
 * run pays it, and {@link PayoutSettlement} then takes the shares out of the ledger and ends the
 * membership when nothing is left.
 */
@ApplicationScoped
public class Withdrawals {

    /** Members under this age can hold shares but not withdraw them. */
    public static final int MINIMUM_AGE_TO_WITHDRAW = 16;

    public record Queued(WithdrawalRequest request, Member member, int position) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ShareLedger ledger;

    @Inject
    Register register;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    PersonalData personalData;

    @Inject
    Outbox outbox;

    @Inject
    PublicUrls urls;

    @Transactional(Transactional.TxType.MANDATORY)
    public WithdrawalRequest request(Society society, long memberNumber, Long shares, LocalDate requestedOn, WithdrawalRequest.Channel channel) {
        Member member = register.byNumber(society, memberNumber);
        LocalDate today = register.today();
        var errors = new FieldErrors();
        errors.check(member.state() == MemberState.MEMBER, "shares", "Only a current member can withdraw shares");
        errors.check(shares != null && shares > 0, "shares", "Enter how many shares to withdraw, at least 1");
        errors.check(requestedOn != null && !requestedOn.isAfter(today), "requestedOn", "Enter the date of the request, not in the future");
        errors.throwIfAny();
        if (member.dateOfBirth() != null && Period.between(member.dateOfBirth(), requestedOn).getYears() < MINIMUM_AGE_TO_WITHDRAW) {
            throw new InvalidInputException("shares", "Members under " + MINIMUM_AGE_TO_WITHDRAW + " can hold shares but cannot withdraw them");
        }
        Holding holding = ledger.lock(society.id(), member.id());
        // read again under the lock: a death recorded while this waited has ended the membership
        if (!isCurrent(member.id())) {
            throw new ConflictException("shares", "Only a current member can withdraw shares: this membership has ended");
        }
        long claimed = openShares(member.id());
        long available = holding.shares() - claimed;
        if (shares > available) {
            throw new InvalidInputException("shares", "You can withdraw at most " + Math.max(0, available) + " shares: the holding is "
                    + holding.shares() + " shares" + (claimed > 0 ? " and " + claimed + " are already asked for" : ""));
        }
        MinimumHolding.checkRequest(holding.shares(), claimed, shares, society.rules().minimumHoldingShares());
        var request = new WithdrawalRequest(society.id(), member.id(), shares, requestedOn, LocalDateTime.now(clock),
                society.rules().withdrawalNoticeDays(), channel);
        em.persist(request);
        em.flush();
        audit.record(society.id(), "withdrawal.requested", "withdrawal_request", request.id(), null, snapshot(request, member));
        return request;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public WithdrawalRequest approve(Society society, long id) {
        refuseOwnDecision(find(society, id).memberId(), callerMemberId(society));
        // the society row serialises approvals, so two at once cannot both fit under the annual cap
        em.createNativeQuery("SELECT id FROM society WHERE id = ?1 FOR UPDATE").setParameter(1, society.id()).getResultList();
        // the member's holding before the request row, the order every path takes (a new request locks the holding, then reads requests)
        List<?> owner = em.createNativeQuery("SELECT member_id FROM withdrawal_request WHERE id = ?1 AND society_id = ?2")
                .setParameter(1, id).setParameter(2, society.id()).getResultList();
        if (owner.isEmpty()) {
            throw new NoSuchResourceException("No such withdrawal request");
        }
        Member member = em.find(Member.class, ((Number) owner.get(0)).longValue());
        Holding holding = ledger.lock(society.id(), member.id());
        WithdrawalRequest request = locked(society, id);
        LocalDate today = register.today();
        // under the holding lock, read as last committed: a death (or any ending of the membership)
        // that committed while this waited must stop the payout, not leave one for a dead member
        if (!isCurrent(member.id())) {
            throw new ConflictException("state", "Member " + member.memberNumber() + " is no longer a current member:"
                    + " only a current member's withdrawal can be approved");
        }
        if (!request.state().isQueued()) {
            throw new ConflictException("state", "This request is " + request.state().label().toLowerCase() + ": only a waiting request can be approved");
        }
        if (!request.noticeServedOn(today)) {
            throw new ConflictException("state", "The notice period runs until " + request.noticeEndsOn() + ": it cannot be approved before then");
        }
        activeSuspension(society, today).ifPresent(s -> {
            throw new ConflictException("state", "Withdrawals are suspended from " + s.from() + " to " + s.to() + ": " + s.reason());
        });
        earlierWaiting(society, request, today).ifPresent(e -> {
            throw new ConflictException("state", "Request " + e.id() + ", made earlier, is still waiting: requests are decided first in, first out");
        });
        long approvedShares = approvedUnpaidShares(member.id());
        if (request.shares() > holding.shares() - approvedShares) {
            throw new ConflictException("shares", "The holding is now " + holding.shares() + " shares (" + approvedShares
                    + " already approved to withdraw): it cannot pay " + request.shares());
        }
        MinimumHolding.checkApproval(member.memberNumber(), holding.shares(), approvedShares, request.shares(),
                society.rules().minimumHoldingShares());
        Money amount = request.shares() + approvedShares == holding.shares()
                ? holding.amountPaid().minus(approvedUnpaidAmount(member.id()))
                : HoldingLimits.valueOf(holding, request.shares());
        if (!amount.isGreaterThan(Money.ZERO)) {
            throw new ConflictException("shares", "These shares are worth nothing after write-downs: there is nothing to pay");
        }
        Money cap = annualCap(society, today);
        Money used = approvedInYear(society, today);
        if (used.plus(amount).isGreaterThan(cap)) {
            throw new ConflictException("amount", "Approving " + amount + " would take this year's withdrawals to " + used.plus(amount)
                    + ", above the annual cap of " + cap + " (" + society.rules().withdrawalAnnualCapPercent().stripTrailingZeros().toPlainString()
                    + "% of share capital at the start of the financial year)");
        }
        var payout = new Payout(society.id(), member.id(), PayoutKind.WITHDRAWAL, amount, request.shares(), WithdrawalRequest.PAYOUT_SOURCE,
                request.id(), null, LocalDateTime.now(clock));
        em.persist(payout);
        em.flush();
        var before = snapshot(request, member);
        request.approve(today, audit.currentActor(), amount, payout.id());
        audit.record(society.id(), "withdrawal.approved", "withdrawal_request", request.id(), before, snapshot(request, member));
        tell(society, member, "Your withdrawal from " + society.name() + " is approved", approvedLetter(society, member, request));
        return request;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public WithdrawalRequest defer(Society society, long id, String reason) {
        return decide(society, id, reason, "withdrawal.deferred", (r, by) -> r.defer(register.today(), by, reason.trim()),
                (m, r) -> tell(society, m, "Your withdrawal from " + society.name() + " is deferred", deferredLetter(society, m, r)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public WithdrawalRequest refuse(Society society, long id, String reason) {
        return decide(society, id, reason, "withdrawal.refused", (r, by) -> r.refuse(register.today(), by, reason.trim()),
                (m, r) -> tell(society, m, "Your withdrawal from " + society.name() + " is refused", refusedLetter(society, m, r)));
    }

    /**
     * The member (or the secretary for them) takes back a request that is still waiting. To anyone
     * else the request does not exist (404), on the member's page and in the API alike.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public WithdrawalRequest cancel(Society society, long id) {
        boolean secretary = caller.isPlatformAdmin() || caller.rolesIn(society.id()).contains(Role.SECRETARY);
        if (!mayCancel(secretary, callerMemberId(society), find(society, id).memberId())) {
            throw new NoSuchResourceException("No such withdrawal request");
        }
        WithdrawalRequest request = locked(society, id);
        if (!request.state().isQueued()) {
            throw new ConflictException("state", "This request is " + request.state().label().toLowerCase() + ": only a waiting request can be cancelled");
        }
        Member member = em.find(Member.class, request.memberId());
        var before = snapshot(request, member);
        request.cancel(register.today(), audit.currentActor(), "Cancelled");
        audit.record(society.id(), "withdrawal.cancelled", "withdrawal_request", request.id(), before, snapshot(request, member));
        return request;
    }

    /**
     * On a death: waiting requests lapse, and an approved one not yet in a payment run is cancelled
     * with its payout. The caller holds the member's holding lock. The requests and their payouts
     * are locking reads: under REPEATABLE READ a plain read would see the snapshot from before the
     * lock and miss a request approved (or made) by the transaction the lock waited for. A payout
     * that a payment run has already taken (IN_RUN or PAID) is not cancelled: the money may already
     * be on its way to the bank, so the death cannot be recorded until the run is settled (409),
     * and the payout is locked so a run cannot take it between this check and the cancel (which
     * would otherwise fail the run's or this transaction's version check at commit: a 500). The
     * payment run reads DUE payouts FOR UPDATE, so once this has cancelled one the run skips it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lapseAll(Society society, Member member, String why) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM withdrawal_request WHERE member_id = ?1"
                + " AND state IN ('REQUESTED', 'DEFERRED', 'APPROVED') ORDER BY id FOR UPDATE").setParameter(1, member.id()).getResultList();
        for (Object rid : ids) {
            WithdrawalRequest r = locked(society, ((Number) rid).longValue());
            em.refresh(r, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (r.state() == WithdrawalState.APPROVED) {
                // NOWAIT: a payout locked by someone else is being taken into or paid by a payment run, which
                // locks the payout before the member; waiting here (holding the member) could deadlock with it
                try {
                    em.createNativeQuery("SELECT id FROM payout WHERE id = ?1 FOR UPDATE NOWAIT").setParameter(1, r.payoutId()).getResultList();
                } catch (jakarta.persistence.PersistenceException e) {
                    throw new ConflictException("state", "Withdrawal request " + r.id() + " is being taken into or paid by a payment run"
                            + " right now: try again when the run is settled");
                }
                Payout p = em.find(Payout.class, r.payoutId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                em.refresh(p, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (p.state() != coop.cooperage.shares.entity.PayoutState.DUE) {
                    throw new ConflictException("state", "Withdrawal request " + r.id() + " is already in a payment run (its payout is "
                            + p.state().name().toLowerCase().replace('_', ' ') + "): settle the run before recording this");
                }
                p.cancel();
            }
            if (r.state().isOpen()) {
                var before = snapshot(r, member);
                r.cancel(register.today(), audit.currentActor(), why);
                audit.record(society.id(), "withdrawal.cancelled", "withdrawal_request", r.id(), before, snapshot(r, member));
            }
        }
    }

    /** Whether the member is current (MEMBER), read as last committed: call it holding the member's lock. */
    public boolean isCurrent(long memberId) {
        List<?> state = em.createNativeQuery("SELECT state FROM member WHERE id = ?1 LOCK IN SHARE MODE").setParameter(1, memberId)
                .getResultList();
        return !state.isEmpty() && MemberState.MEMBER.name().equals(String.valueOf(state.get(0)));
    }

    /** Whoever made a request may cancel it, and the secretary (for a paper request, or on the member's behalf). */
    static boolean mayCancel(boolean secretary, Long callerMemberId, long requestMemberId) {
        return secretary || callerMemberId != null && callerMemberId == requestMemberId;
    }

    /** The caller's own member record in the society, if they have one. */
    private Long callerMemberId(Society society) {
        return caller.account().flatMap(a -> personalData.memberFor(society, a)).map(Member::id).orElse(null);
    }

    /**
     * A board member never decides their own withdrawal: approval would pay the money to
     * themselves. Another director or the secretary must decide it (the conflict of interest rule).
     * Approve, defer and refuse check it themselves, so no page or API can skip it.
     */
    static void refuseOwnDecision(long requestMemberId, Long deciderMemberId) {
        if (deciderMemberId != null && deciderMemberId == requestMemberId) {
            throw new coop.cooperage.platform.control.AccessDeniedException("This is your own withdrawal request: another director"
                    + " or the secretary must decide it");
        }
    }

    /** Shares approved to withdraw and not yet paid, and their value: what the holding owes its payouts. Locking reads. */
    public Holding reservedForPayouts(long memberId) {
        return new Holding(approvedUnpaidShares(memberId), approvedUnpaidAmount(memberId));
    }

    private interface Decision {
        void apply(WithdrawalRequest r, String by);
    }

    private interface Notice {
        void send(Member member, WithdrawalRequest r);
    }

    private WithdrawalRequest decide(Society society, long id, String reason, String action, Decision decision, Notice notice) {
        refuseOwnDecision(find(society, id).memberId(), callerMemberId(society));
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "Give the board's reason (up to 500 characters)");
        }
        WithdrawalRequest request = locked(society, id);
        Member member = em.find(Member.class, request.memberId());
        var before = snapshot(request, member);
        try {
            decision.apply(request, audit.currentActor());
        } catch (IllegalStateException e) {
            throw new ConflictException("state", e.getMessage());
        }
        audit.record(society.id(), action, "withdrawal_request", request.id(), before, snapshot(request, member));
        notice.send(member, request);
        return request;
    }

    /*
     * Mail to the member about their own withdrawal. Like the allotment letter and the admission
     * email it is about the member's own money, not one of the optional purposes (notices, news)
     * a member opts into, so it goes to whoever has an email address on the register; a member
     * without one hears by post from the secretary. Queued in the caller's transaction: a decision
     * that rolls back sends nothing.
     */

    /** Queues the mail when the member has an email address. */
    void tell(Society society, Member member, String subject, String body) {
        if (member.email() != null && !member.email().isBlank()) {
            outbox.enqueue(society.id(), member.email(), subject, body);
        }
    }

    String approvedLetter(Society society, Member member, WithdrawalRequest r) {
        return approvedLetter(society.name(), member.name(), r.shares(), r.amount(), link(society));
    }

    String deferredLetter(Society society, Member member, WithdrawalRequest r) {
        return deferredLetter(society.name(), member.name(), r.shares(), r.reason(), link(society));
    }

    String refusedLetter(Society society, Member member, WithdrawalRequest r) {
        return refusedLetter(society.name(), member.name(), r.shares(), r.reason(), link(society));
    }

    String paidLetter(Society society, Member member, WithdrawalRequest r, LocalDate paidOn, boolean ended) {
        return paidLetter(society.name(), member.name(), r.shares(), r.amount(), paidOn, ended, link(society));
    }

    private String link(Society society) {
        return urls.link("/s/" + society.slug() + "/my-shares");
    }

    static String approvedLetter(String society, String member, long shares, Money amount, String link) {
        return "Dear " + member + ",\n\nThe board of " + society + " has approved your request to withdraw " + shares + " shares. We will pay you "
                + amount + " in our next payment run, into the bank account you have given us, and write again when it is paid.\n\n"
                + "See your shares and requests: " + link + "\n";
    }

    static String deferredLetter(String society, String member, long shares, String reason, String link) {
        return "Dear " + member + ",\n\nThe board of " + society + " has deferred your request to withdraw " + shares + " shares.\n\n"
                + "Reason: " + reason + "\n\nYour request keeps its place in the queue and the board will decide it again later."
                + " You can cancel it while it waits.\n\nSee your shares and requests: " + link + "\n";
    }

    static String refusedLetter(String society, String member, long shares, String reason, String link) {
        return "Dear " + member + ",\n\nThe board of " + society + " has refused your request to withdraw " + shares + " shares."
                + " Your shares stay as they were.\n\nReason: " + reason + "\n\nSee your shares: " + link + "\n";
    }

    static String paidLetter(String society, String member, long shares, Money amount, LocalDate paidOn, boolean ended, String link) {
        return "Dear " + member + ",\n\n" + society + " paid you " + amount + " on " + paidOn + " for the " + shares
                + " shares you asked to withdraw. They have left your holding."
                + (ended ? " You held no other shares, so your membership of " + society + " has ended." : "")
                + "\n\nSee your shares: " + link + "\n";
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public WithdrawalSuspension suspend(Society society, String reason, LocalDate from, LocalDate to) {
        var errors = new FieldErrors();
        errors.check(reason != null && !reason.isBlank() && reason.length() <= 500, "reason", "Give the reason for the suspension");
        errors.check(from != null, "from", "Enter the date the suspension starts");
        errors.check(to != null, "to", "Enter the date the suspension ends");
        errors.throwIfAny();
        errors.check(!to.isBefore(from), "to", "The suspension cannot end before it starts");
        errors.throwIfAny();
        var s = new WithdrawalSuspension(society.id(), reason.trim(), from, to, audit.currentActor(), LocalDateTime.now(clock));
        em.persist(s);
        em.flush();
        audit.record(society.id(), "withdrawal.suspended", "withdrawal_suspension", s.id(), null,
                Map.of("reason", s.reason(), "from", from.toString(), "to", to.toString()));
        return s;
    }

    public List<WithdrawalSuspension> suspensions(Society society) {
        return em.createQuery("select s from WithdrawalSuspension s where s.societyId = :s order by s.from desc, s.id desc",
                WithdrawalSuspension.class).setParameter("s", society.id()).getResultList();
    }

    public Optional<WithdrawalSuspension> activeSuspension(Society society, LocalDate on) {
        return suspensions(society).stream().filter(s -> s.covers(on)).findFirst();
    }

    /** Every waiting or approved request, in queue order, with each waiting one's place (1 = next). */
    public List<Queued> queue(Society society) {
        var requests = em.createQuery("select r from WithdrawalRequest r where r.societyId = :s and r.state in :states"
                + " order by r.requestedAt, r.id", WithdrawalRequest.class).setParameter("s", society.id())
                .setParameter("states", List.of(WithdrawalState.REQUESTED, WithdrawalState.DEFERRED, WithdrawalState.APPROVED))
                .getResultList();
        int place = 0;
        var out = new java.util.ArrayList<Queued>();
        for (WithdrawalRequest r : requests) {
            int position = r.state().isQueued() ? ++place : 0;
            out.add(new Queued(r, em.find(Member.class, r.memberId()), position));
        }
        return out;
    }

    /** A member's own requests (all of them, newest first), with queue positions for waiting ones. */
    public List<Queued> ofMemberWithPositions(Society society, Member member) {
        var positions = new java.util.HashMap<Long, Integer>();
        queue(society).forEach(q -> positions.put(q.request().id(), q.position()));
        return ofMember(member).stream().map(r -> new Queued(r, member, positions.getOrDefault(r.id(), 0))).toList();
    }

    public List<WithdrawalRequest> ofMember(Member member) {
        return em.createQuery("select r from WithdrawalRequest r where r.memberId = :m order by r.requestedAt desc, r.id desc",
                WithdrawalRequest.class).setParameter("m", member.id()).getResultList();
    }

    /*
     * The sums below decide whether a request or an approval fits, so they are locking reads
     * (LOCK IN SHARE MODE): under REPEATABLE READ a plain read would see the transaction's
     * snapshot, taken before it waited for the member's holding lock, and miss a request that
     * the transaction it waited for has just committed. A locking read sees the latest commit.
     */

    /** Shares of the holding the member has asked to withdraw and that are not yet paid or dropped. */
    public long openShares(long memberId) {
        return sum("SELECT COALESCE(SUM(shares), 0) FROM withdrawal_request WHERE member_id = ?1"
                + " AND state IN ('REQUESTED', 'DEFERRED', 'APPROVED') LOCK IN SHARE MODE", memberId);
    }

    private long approvedUnpaidShares(long memberId) {
        return sum("SELECT COALESCE(SUM(shares), 0) FROM withdrawal_request WHERE member_id = ?1 AND state = 'APPROVED' LOCK IN SHARE MODE",
                memberId);
    }

    private Money approvedUnpaidAmount(long memberId) {
        return Money.ofPence(sum("SELECT COALESCE(SUM(amount_pence), 0) FROM withdrawal_request WHERE member_id = ?1 AND state = 'APPROVED'"
                + " LOCK IN SHARE MODE", memberId));
    }

    private long sum(String sql, Object... parameters) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            q.setParameter(i + 1, parameters[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    /** The first day of the financial year containing the date: the day after the previous year end. */
    public static LocalDate yearStart(Society society, LocalDate on) {
        return society.yearEndFor(on).minusYears(1).plusDays(1);
    }

    /** The year's cap: the society's percentage of share capital as it stood at the start of the financial year. */
    public Money annualCap(Society society, LocalDate on) {
        Money capital = ledger.capital(society.id(), yearStart(society, on).minusDays(1)).amountPaid();
        return capitalShare(capital, society.rules().withdrawalAnnualCapPercent());
    }

    static Money capitalShare(Money capital, BigDecimal percent) {
        return Money.ofPence(BigDecimal.valueOf(capital.pence()).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
                .longValueExact());
    }

    /** Withdrawals approved (paid or not) since the start of the financial year. */
    public Money approvedInYear(Society society, LocalDate on) {
        return Money.ofPence(sum("SELECT COALESCE(SUM(amount_pence), 0) FROM withdrawal_request WHERE society_id = ?1"
                + " AND state IN ('APPROVED', 'PAID') AND decided_on >= ?2 AND decided_on <= ?3 LOCK IN SHARE MODE",
                society.id(), yearStart(society, on), society.yearEndFor(on)));
    }

    private Optional<WithdrawalRequest> earlierWaiting(Society society, WithdrawalRequest request, LocalDate today) {
        return em.createQuery("select r from WithdrawalRequest r where r.societyId = :s and r.state in :states and r.id <> :id"
                + " and (r.requestedAt < :at or (r.requestedAt = :at and r.id < :id)) and r.noticeEndsOn <= :today order by r.requestedAt, r.id",
                WithdrawalRequest.class).setParameter("s", society.id())
                .setParameter("states", List.of(WithdrawalState.REQUESTED, WithdrawalState.DEFERRED)).setParameter("id", request.id())
                .setParameter("at", request.requestedAt()).setParameter("today", today).setMaxResults(1).getResultStream().findFirst();
    }

    public WithdrawalRequest find(Society society, long id) {
        return check(society, em.find(WithdrawalRequest.class, id));
    }

    /** The request, locked until the transaction ends and read as last committed: two board members deciding at once decide one after the other. */
    private WithdrawalRequest locked(Society society, long id) {
        return check(society, em.find(WithdrawalRequest.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    private static WithdrawalRequest check(Society society, WithdrawalRequest r) {
        if (r == null || r.societyId() != society.id()) {
            throw new NoSuchResourceException("No such withdrawal request");
        }
        return r;
    }

    /** The request a payout pays, if it pays one. */
    public Optional<WithdrawalRequest> forPayout(Payout payout) {
        if (!WithdrawalRequest.PAYOUT_SOURCE.equals(payout.sourceType())) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(WithdrawalRequest.class, payout.sourceId()));
    }

    private static Map<String, Object> snapshot(WithdrawalRequest r, Member m) {
        var map = new LinkedHashMap<String, Object>();
        map.put("memberNumber", m.memberNumber());
        map.put("shares", r.shares());
        map.put("requestedOn", r.requestedOn().toString());
        map.put("noticeEndsOn", r.noticeEndsOn().toString());
        map.put("channel", r.channel().name());
        map.put("state", r.state().name());
        if (r.amount() != null) {
            map.put("amountPence", r.amount().pence());
        }
        if (r.reason() != null) {
            map.put("reason", r.reason());
        }
        return map;
    }
}
