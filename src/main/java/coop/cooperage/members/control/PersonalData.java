package coop.cooperage.members.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.identity.control.Accounts;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.members.entity.Nomination;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.entity.OutboundMail;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's own data: finding their member record, the subject access export (everything the
 * society holds about them), and erasing former members' contact details after the retention
 * period.
 */
@ApplicationScoped
public class PersonalData {

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonalData self;

    @Inject
    Register register;

    @Inject
    Accounts accounts;

    @Inject
    Holdings holdings;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * The caller's member record in this society: linked to their account, or (the first time
     * they look) the one member there with their email address, which is then linked.
     */
    @Transactional
    public Optional<Member> memberFor(Society society, Account account) {
        var linked = em.createQuery("select m from Member m where m.societyId = :s and m.accountId = :a order by m.id desc", Member.class)
                .setParameter("s", society.id()).setParameter("a", account.id()).setMaxResults(1).getResultList();
        if (!linked.isEmpty()) {
            return Optional.of(linked.get(0));
        }
        Optional<Long> linkedNow = self.linkByEmail(society.id(), account.id(), account.email());
        if (linkedNow.isEmpty()) {
            return Optional.empty();
        }
        // A plain read, not a locking one: a shared lock on the member held to the end of this transaction
        // deadlocks with the next first request's link (its update queues behind it, and the vote rows that
        // refer to the member queue behind the update). This transaction's snapshot may predate the link, so
        // the entity can show no account for the rest of the request; nothing here reads it, and the link
        // leaves the version alone, so a change to the member in this transaction does not undo the link.
        return Optional.ofNullable(em.find(Member.class, linkedNow.get()));
    }

    /**
     * Links the account to the one current member with its email address, if there is exactly one
     * and it is not linked yet, in a transaction of its own, and answers the member now linked to
     * it. A member's first requests often come many at once (a page and its votes): written
     * through the entity, each would update the row against the version it read and all but one
     * fail on the optimistic lock; held to the end of the caller's transaction, the row lock would
     * deadlock with the vote rows that refer to the member. A conditional update committed at once
     * does neither: a concurrent link waits for it, then changes nothing. It leaves the version
     * alone: the link is the only column it writes, and entities read before it stay writable.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Long> linkByEmail(long societyId, long accountId, String email) {
        var candidates = em.createQuery("select m.id from Member m where m.societyId = :s and m.email = :e and m.state = :st"
                + " and m.accountId is null", Long.class)
                .setParameter("s", societyId).setParameter("e", email).setParameter("st", MemberState.MEMBER)
                .getResultList();
        if (candidates.size() == 1) {
            em.createNativeQuery("UPDATE member SET account_id = ?1 WHERE id = ?2 AND account_id IS NULL")
                    .setParameter(1, accountId).setParameter(2, candidates.get(0)).executeUpdate();
        }
        return em.createQuery("select m.id from Member m where m.societyId = :s and m.accountId = :a order by m.id desc", Long.class)
                .setParameter("s", societyId).setParameter("a", accountId).setMaxResults(1)
                .setLockMode(LockModeType.PESSIMISTIC_READ).getResultStream().findFirst();
    }

    public List<Nomination> nominations(Member member) {
        return em.createQuery("select n from Nomination n where n.memberId = :m order by n.madeOn, n.id", Nomination.class)
                .setParameter("m", member.id()).getResultList();
    }

    /** Everything stored about this person in this society, field by field. */
    public Map<String, Object> subjectAccess(Society society, Account account, Member member) {
        var out = new LinkedHashMap<String, Object>();
        out.put("society", society.name());
        out.put("generatedAt", LocalDateTime.now(clock).toString());
        var acc = new LinkedHashMap<String, Object>();
        acc.put("email", account.email());
        acc.put("displayName", account.displayName());
        acc.put("lastSignedInAt", account.lastSignedInAt() == null ? null : account.lastSignedInAt().toString());
        acc.put("rolesInThisSociety", accounts.rolesIn(account.id(), society.id()).stream().map(Enum::name).toList());
        out.put("account", acc);
        if (member != null) {
            var m = new LinkedHashMap<String, Object>(Register.snapshot(member));
            m.put("applicationReference", member.applicationRef());
            m.put("kind", member.kind().name());
            m.put("registeredSociety", member.isRegisteredSociety());
            m.put("dateOfBirth", member.dateOfBirth() == null ? null : member.dateOfBirth().toString());
            m.put("appliedOn", member.appliedOn().toString());
            m.put("rejectedReason", member.rejectedReason());
            m.put("erasedAt", member.erasedAt() == null ? null : member.erasedAt().toString());
            out.put("member", m);
            out.put("history", register.history(member).stream().map(c -> Map.of("field", c.field(),
                    "oldValue", String.valueOf(c.oldValue()), "newValue", String.valueOf(c.newValue()),
                    "changedOn", c.changedOn().toString(), "changedBy", c.changedBy())).toList());
            out.put("nominations", nominations(member).stream().map(n -> {
                var x = new LinkedHashMap<String, Object>();
                x.put("nomineeName", n.nomineeName());
                x.put("nomineeAddress", n.nomineeAddress());
                x.put("relationship", n.relationship());
                x.put("sharePercent", n.sharePercent().toPlainString());
                x.put("madeOn", n.madeOn().toString());
                x.put("revokedOn", n.revokedOn() == null ? null : n.revokedOn().toString());
                return x;
            }).toList());
            out.put("shareLedger", holdings.statement(society.id(), member.id()).stream().map(e -> Map.of("kind", e.kind(),
                    "shares", e.shares(), "amountPence", e.amountPence(), "date", e.entryDate().toString(),
                    "reference", String.valueOf(e.reference()))).toList());
        }
        var emails = new java.util.ArrayList<String>();
        emails.add(account.email());
        if (member != null && member.email() != null && !member.email().equals(account.email())) {
            emails.add(member.email());
        }
        out.put("emailsSentToYou", em.createQuery("select o from OutboundMail o where o.recipient in :e and (o.societyId = :s or o.societyId is null)"
                + " order by o.id", OutboundMail.class).setParameter("e", emails).setParameter("s", society.id()).getResultList()
                .stream().map(o -> Map.of("subject", o.subject(), "body", o.body(), "queuedAt", o.createdAt().toString(),
                        "state", o.state().name())).toList());
        return out;
    }

    /**
     * Erases the contact details of former members (and rejected applicants) whose retention
     * period has passed. Returns how many were erased.
     */
    @Transactional
    public int eraseExpired(Society society) {
        LocalDate today = LocalDate.now(clock.withZone(Clocks.UK));
        LocalDate ceasedBefore = today.minusYears(society.rules().retentionYears());
        var due = em.createQuery("select m from Member m where m.societyId = :s and m.erasedAt is null and ("
                + "(m.state = :ceased and m.ceasedOn < :before) or (m.state = :rejected and m.appliedOn < :before))", Member.class)
                .setParameter("s", society.id()).setParameter("ceased", MemberState.CEASED)
                .setParameter("rejected", MemberState.REJECTED).setParameter("before", ceasedBefore).getResultList();
        for (Member m : due) {
            var before = Register.snapshot(m);
            m.eraseContactDetails(LocalDateTime.now(clock));
            audit.recordAs("retention", society.id(), "member.contact-erased", "member", m.id(), before, Register.snapshot(m));
        }
        return due.size();
    }
}
