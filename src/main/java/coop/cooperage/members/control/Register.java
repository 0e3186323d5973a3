package coop.cooperage.members.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.members.entity.CeasingReason;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberChange;
import coop.cooperage.members.entity.MemberDetails;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.Outbox;
import coop.cooperage.society.entity.AreaOfBenefit;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The register of members: applications, admission, recording, ceasing, contact changes with
 * history, and searching. Every change is audited in the same transaction.
 */
@ApplicationScoped
public class Register {

    /** Letters and digits that cannot be mistaken for each other when read out or typed. */
    private static final char[] REF_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Found(List<Member> members, long total) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    coop.cooperage.platform.control.CounterRows counters;

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.UK));
    }

    /**
     * The next member number of the society. The counter row is locked until the transaction
     * ends, so concurrent admissions get distinct, increasing numbers, and a number is never
     * reused (the counter only moves forward, whatever happens to the member).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long nextNumber(long societyId) {
        long last = lockedCounter(societyId);
        em.createNativeQuery("UPDATE member_number_counter SET last_number = ?1 WHERE society_id = ?2")
                .setParameter(1, last + 1).setParameter(2, societyId).executeUpdate();
        return last + 1;
    }

    /** After members arrive with their own numbers (an imported register), new numbers continue above them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void numbersContinueAbove(long societyId, long highest) {
        lockedCounter(societyId);
        em.createNativeQuery("UPDATE member_number_counter SET last_number = GREATEST(last_number, ?1) WHERE society_id = ?2")
                .setParameter(1, highest).setParameter(2, societyId).executeUpdate();
    }

    private long lockedCounter(long societyId) {
        counters.ensureExists("member_number_counter", "society_id", societyId,
                "INSERT IGNORE INTO member_number_counter (society_id, last_number) VALUES (?1, 0)", societyId);
        return ((Number) em.createNativeQuery("SELECT last_number FROM member_number_counter WHERE society_id = ?1 FOR UPDATE")
                .setParameter(1, societyId).getSingleResult()).longValue();
    }

    /** A public application, waiting in the secretary's queue. Applying twice is refused, not doubled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Member apply(Society society, MemberDetails details) {
        LocalDate today = today();
        details.validate(today, society.rules().minimumAge()).throwIfAny();
        refuseDuplicate(society, details);
        var member = Member.applicant(society.id(), newReference(society.id()), details, today, LocalDateTime.now(clock));
        em.persist(member);
        em.flush();
        audit.record(society.id(), "member.applied", "member", member.id(), null, snapshot(member));
        if (member.email() != null) {
            outbox.enqueue(society.id(), member.email(), "Your application to join " + society.name(),
                    "Dear " + member.name() + ",\n\nThank you for applying to join " + society.name() + ". Your reference is "
                            + member.applicationRef() + ".\n\nThe secretary will look at your application and we will email you"
                            + " when it has been decided.\n");
        }
        return member;
    }

    /** The secretary records a member directly (for example from a paper form): admitted at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Member record(Society society, MemberDetails details, LocalDate joinedOn) {
        var errors = details.validate(joinedOn == null ? today() : joinedOn, society.rules().minimumAge());
        errors.check(joinedOn != null, "joinedOn", "Enter the date the member joined");
        errors.check(joinedOn == null || !joinedOn.isAfter(today()), "joinedOn", "The date joined cannot be in the future");
        errors.throwIfAny();
        refuseDuplicate(society, details);
        var member = Member.applicant(society.id(), newReference(society.id()), details, joinedOn, LocalDateTime.now(clock));
        member.admit(nextNumber(society.id()), joinedOn);
        em.persist(member);
        em.flush();
        audit.record(society.id(), "member.recorded", "member", member.id(), null, snapshot(member));
        return member;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Member admit(Society society, long memberId, LocalDate on) {
        Member member = byId(society, memberId);
        var before = snapshot(member);
        try {
            member.admit(nextNumber(society.id()), on == null ? today() : on);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new InvalidInputException("admittedOn", e.getMessage());
        }
        audit.record(society.id(), "member.admitted", "member", member.id(), before, snapshot(member));
        if (member.email() != null) {
            outbox.enqueue(society.id(), member.email(), "Welcome to " + society.name(),
                    "Dear " + member.name() + ",\n\nYour application (reference " + member.applicationRef() + ") has been accepted."
                            + " You are member number " + member.memberNumber() + " of " + society.name() + ".\n");
        }
        return member;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Member reject(Society society, long memberId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "Give the reason for rejecting the application (up to 500 characters)");
        }
        Member member = byId(society, memberId);
        var before = snapshot(member);
        try {
            member.reject(reason.trim());
        } catch (IllegalStateException e) {
            throw new InvalidInputException("reason", e.getMessage());
        }
        audit.record(society.id(), "member.rejected", "member", member.id(), before, snapshot(member));
        if (member.email() != null) {
            outbox.enqueue(society.id(), member.email(), "Your application to join " + society.name(),
                    "Dear " + member.name() + ",\n\nWe are sorry: your application (reference " + member.applicationRef()
                            + ") has not been accepted.\n\nReason: " + member.rejectedReason() + "\n");
        }
        return member;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Member cease(Society society, long memberNumber, LocalDate on, CeasingReason reason) {
        Member member = byNumber(society, memberNumber);
        if (on == null || reason == null) {
            var errors = new coop.cooperage.platform.control.FieldErrors();
            errors.check(on != null, "ceasedOn", "Enter the date membership ended");
            errors.check(reason != null, "reason", "Choose why membership ended");
            errors.throwIfAny();
        }
        if (on.isAfter(today())) {
            throw new InvalidInputException("ceasedOn", "The date membership ended cannot be in the future");
        }
        var before = snapshot(member);
        try {
            member.cease(on, reason);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new InvalidInputException("ceasedOn", e.getMessage());
        }
        audit.record(society.id(), "member.ceased", "member", member.id(), before, snapshot(member));
        return member;
    }

    /** Changes name, address or email, keeping what they were as history. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MemberChange> changeContact(Society society, long memberNumber, MemberDetails details, String by) {
        Member member = byNumber(society, memberNumber);
        var merged = new MemberDetails(member.kind(), details.name(), details.representative(), details.address(), details.postcode(),
                details.email(), details.emailPurposes(), member.dateOfBirth(), member.isRegisteredSociety());
        var errors = merged.validate(today(), 0);
        errors.throwIfAny();
        var before = snapshot(member);
        List<MemberChange> changes;
        try {
            changes = member.changeContact(merged.name(), merged.representative(), merged.address(), merged.parsedPostcode(),
                    merged.email(), merged.emailPurposes(), today(), LocalDateTime.now(clock), by);
        } catch (IllegalStateException e) {
            throw new InvalidInputException("name", e.getMessage());
        }
        changes.forEach(em::persist);
        if (!changes.isEmpty()) {
            audit.record(society.id(), "member.contact-changed", "member", member.id(), before, snapshot(member));
        }
        return changes;
    }

    public Member byNumber(Society society, long number) {
        return em.createQuery("select m from Member m where m.societyId = :s and m.memberNumber = :n", Member.class)
                .setParameter("s", society.id()).setParameter("n", number).getResultStream().findFirst()
                .orElseThrow(() -> new NoSuchResourceException("No member number " + number));
    }

    public Member byReference(Society society, String reference) {
        return em.createQuery("select m from Member m where m.societyId = :s and m.applicationRef = :r", Member.class)
                .setParameter("s", society.id()).setParameter("r", reference).getResultStream().findFirst()
                .orElseThrow(() -> new NoSuchResourceException("No application with reference " + reference));
    }

    public Member byId(Society society, long id) {
        Member m = em.find(Member.class, id);
        if (m == null || m.societyId() != society.id()) {
            throw new NoSuchResourceException("No such member or application");
        }
        return m;
    }

    public List<Member> ofAccount(long accountId) {
        return em.createQuery("select m from Member m where m.accountId = :a", Member.class).setParameter("a", accountId).getResultList();
    }

    public List<MemberChange> history(Member member) {
        return em.createQuery("select c from MemberChange c where c.memberId = :m order by c.id desc", MemberChange.class)
                .setParameter("m", member.id()).getResultList();
    }

    public List<Member> applications(Society society) {
        return em.createQuery("select m from Member m where m.societyId = :s and m.state = :st order by m.appliedOn, m.id", Member.class)
                .setParameter("s", society.id()).setParameter("st", MemberState.APPLICANT).getResultList();
    }

    /** Searches the register; applicants and rejected applications are not in it unless asked for. */
    public Found search(Society society, RegisterQuery q) {
        var where = new StringBuilder(" from Member m where m.societyId = :s");
        var params = new LinkedHashMap<String, Object>();
        params.put("s", society.id());
        if (q.state() != null) {
            where.append(" and m.state = :state");
            params.put("state", q.state());
        } else {
            where.append(" and m.state in :states");
            params.put("states", List.of(MemberState.MEMBER, MemberState.CEASED));
        }
        if (q.text() != null) {
            String text = q.text();
            String words = fullTextQuery(text);
            if (text.matches("\\d{1,12}")) {
                where.append(" and m.memberNumber = :number");
                params.put("number", Long.parseLong(text));
            } else if (words != null) {
                // every word must start a word of the name, email, postcode or representative
                where.append(" and SQL('MATCH(?, ?, ?, ?) AGAINST (? IN BOOLEAN MODE)', m.name, m.email, m.postcode,"
                        + " m.representative, :words) > 0");
                params.put("words", words);
            } else {
                where.append(" and (m.name like :like or m.email like :like or m.postcode like :like or m.representative like :like)");
                params.put("like", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (q.local() != null) {
            AreaOfBenefit area = society.areaOfBenefit();
            var districts = area.entries().stream().filter(e -> !e.contains(" ")).toList();
            var sectors = area.entries().stream().filter(e -> e.contains(" ")).toList();
            String local = "(m.postcodeDistrict in :districts or m.postcodeSector in :sectors)";
            where.append(q.local() ? " and " + local : " and not " + local);
            params.put("districts", districts.isEmpty() ? List.of("-") : districts);
            params.put("sectors", sectors.isEmpty() ? List.of("-") : sectors);
        }
        if (q.joinedFrom() != null) {
            where.append(" and m.joinedOn >= :from");
            params.put("from", q.joinedFrom());
        }
        if (q.joinedTo() != null) {
            where.append(" and m.joinedOn <= :to");
            params.put("to", q.joinedTo());
        }
        String order = switch (q.sort()) {
            case NAME -> "m.name";
            case JOINED -> "m.joinedOn";
            case NUMBER -> "m.memberNumber";
        };
        String direction = q.descending() ? " desc" : " asc";
        TypedQuery<Member> rows = em.createQuery("select m" + where + " order by " + order + direction + ", m.id" + direction, Member.class);
        TypedQuery<Long> count = em.createQuery("select count(m)" + where, Long.class);
        params.forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        var members = rows.setFirstResult(q.page() * q.pageSize()).setMaxResults(q.pageSize()).getResultList();
        return new Found(members, count.getSingleResult());
    }

    /**
     * The search as a full-text boolean query ("+smith* +bs1*"), or null when a word is too short
     * for the index (under 3 characters) and a plain scan must do.
     */
    static String fullTextQuery(String text) {
        var words = text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        var query = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (w.length() < 3) {
                return null;
            }
            query.append(query.isEmpty() ? "" : " ").append('+').append(w).append('*');
        }
        return query.isEmpty() ? null : query.toString();
    }

    private void refuseDuplicate(Society society, MemberDetails details) {
        var states = List.of(MemberState.APPLICANT, MemberState.MEMBER);
        if (details.email() != null) {
            var sameEmail = em.createQuery("select m from Member m where m.societyId = :s and m.email = :e and m.state in :st", Member.class)
                    .setParameter("s", society.id()).setParameter("e", details.email()).setParameter("st", states)
                    .setMaxResults(1).getResultList();
            if (!sameEmail.isEmpty()) {
                throw duplicate(sameEmail.get(0), "email");
            }
        }
        var sameNameAndPostcode = em.createQuery("select m from Member m where m.societyId = :s and lower(m.name) = :n"
                + " and m.postcode = :p and m.state in :st", Member.class)
                .setParameter("s", society.id()).setParameter("n", details.name().toLowerCase(java.util.Locale.ROOT))
                .setParameter("p", details.parsedPostcode().value()).setParameter("st", states).setMaxResults(1).getResultList();
        if (!sameNameAndPostcode.isEmpty()) {
            throw duplicate(sameNameAndPostcode.get(0), "name");
        }
    }

    private static ConflictException duplicate(Member existing, String field) {
        return new ConflictException(field, existing.state() == MemberState.APPLICANT
                ? "An application from this person is already waiting (reference " + existing.applicationRef() + "). There is no need to apply again."
                : "This person is already a member (member number " + existing.memberNumber() + ").");
    }

    private String newReference(long societyId) {
        for (int attempt = 0; attempt < 10; attempt++) {
            var ref = new StringBuilder("M-");
            for (int i = 0; i < 8; i++) {
                ref.append(REF_ALPHABET[RANDOM.nextInt(REF_ALPHABET.length)]);
            }
            boolean taken = !em.createQuery("select m.id from Member m where m.societyId = :s and m.applicationRef = :r", Long.class)
                    .setParameter("s", societyId).setParameter("r", ref.toString()).setMaxResults(1).getResultList().isEmpty();
            if (!taken) {
                return ref.toString();
            }
        }
        throw new IllegalStateException("Could not find a free application reference");
    }

    static Map<String, Object> snapshot(Member m) {
        var s = new LinkedHashMap<String, Object>();
        s.put("memberNumber", m.memberNumber());
        s.put("state", m.state().name());
        s.put("name", m.name());
        s.put("representative", m.representative());
        s.put("address", m.address());
        s.put("postcode", m.postcode().value());
        s.put("email", m.email());
        s.put("emailPurposes", m.emailPurposes().toString());
        s.put("joinedOn", m.joinedOn() == null ? null : m.joinedOn().toString());
        s.put("ceasedOn", m.ceasedOn() == null ? null : m.ceasedOn().toString());
        s.put("ceasedReason", m.ceasedReason() == null ? null : m.ceasedReason().name());
        return s;
    }
}
