package coop.cooperage.members.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.members.entity.Nomination;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.society.control.Officers;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The book of nominations (2014 Act s.37). A nomination passes at most £5,000 of a holding on
 * death; an officer or employee of the society may be nominated only if a close relative.
 */
@ApplicationScoped
public class Nominations {

    /** The statutory limit on what nominations can pass on death (s.37). */
    public static final Money LIMIT = Money.ofPounds(5_000);

    /** Close relatives, who may be nominated even when they are officers or employees. */
    public static final Set<String> CLOSE_RELATIVES = Set.of("spouse", "civil partner", "husband", "wife", "partner", "parent",
            "mother", "father", "child", "son", "daughter", "brother", "sister", "grandparent", "grandchild", "grandson",
            "granddaughter", "uncle", "aunt", "nephew", "niece", "stepchild", "stepson", "stepdaughter", "stepparent");

    public record Request(String nomineeName, String nomineeAddress, String relationship, BigDecimal sharePercent,
            boolean nomineeIsOfficerOrEmployee, LocalDate madeOn) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Register register;

    @Inject
    Officers officers;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Nomination record(Society society, long memberNumber, Request r) {
        Member member = register.byNumber(society, memberNumber);
        var errors = new FieldErrors();
        errors.check(member.state() == MemberState.MEMBER, "nomineeName", "Only a current member can make a nomination");
        errors.check(r.nomineeName() != null && !r.nomineeName().isBlank() && r.nomineeName().length() <= 200, "nomineeName",
                "Enter the nominee's full name");
        errors.check(r.nomineeAddress() != null && !r.nomineeAddress().isBlank() && r.nomineeAddress().length() <= 500,
                "nomineeAddress", "Enter the nominee's address");
        errors.check(r.relationship() != null && !r.relationship().isBlank() && r.relationship().length() <= 100, "relationship",
                "Enter the nominee's relationship to the member, like daughter or friend");
        errors.check(r.sharePercent() != null && r.sharePercent().signum() > 0
                && r.sharePercent().compareTo(BigDecimal.valueOf(100)) <= 0 && r.sharePercent().stripTrailingZeros().scale() <= 2,
                "sharePercent", "Enter the share of the holding to pass, between 0.01 and 100 per cent");
        errors.check(r.madeOn() != null && !r.madeOn().isAfter(register.today()), "madeOn", "Enter the date the nomination was made, not in the future");
        errors.throwIfAny();
        boolean officer = r.nomineeIsOfficerOrEmployee() || isCurrentOfficer(society, r.nomineeName());
        if (officer && !isCloseRelative(r.relationship())) {
            throw new InvalidInputException("relationship", "An officer or employee of the society can be nominated only if they are"
                    + " a close relative of the member (for example spouse, civil partner, parent, child, brother or sister)");
        }
        BigDecimal already = active(member).stream().map(Nomination::sharePercent).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (already.add(r.sharePercent()).compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("sharePercent", "Nominations would pass more than the whole holding: "
                    + already.stripTrailingZeros().toPlainString() + "% is already nominated");
        }
        var n = new Nomination(society.id(), member.id(), r.nomineeName().trim(), r.nomineeAddress().trim(), r.relationship().trim(),
                r.sharePercent(), r.madeOn(), LocalDateTime.now(clock));
        em.persist(n);
        em.flush();
        audit.record(society.id(), "nomination.recorded", "nomination", n.id(), null,
                Map.of("memberNumber", memberNumber, "nominee", n.nomineeName(), "sharePercent", n.sharePercent().toPlainString()));
        return n;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Nomination revoke(Society society, long nominationId, LocalDate on) {
        Nomination n = em.find(Nomination.class, nominationId);
        if (n == null || n.societyId() != society.id()) {
            throw new NoSuchResourceException("No such nomination");
        }
        if (on == null || on.isAfter(register.today())) {
            throw new InvalidInputException("revokedOn", "Enter the date the nomination was revoked, not in the future");
        }
        try {
            n.revoke(on);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new InvalidInputException("revokedOn", e.getMessage());
        }
        audit.record(society.id(), "nomination.revoked", "nomination", n.id(), null, Map.of("revokedOn", on.toString()));
        return n;
    }

    public List<Nomination> of(Member member) {
        return em.createQuery("select n from Nomination n where n.memberId = :m order by n.madeOn, n.id", Nomination.class)
                .setParameter("m", member.id()).getResultList();
    }

    public List<Nomination> active(Member member) {
        LocalDate today = register.today();
        return of(member).stream().filter(n -> n.isActiveOn(today)).toList();
    }

    public List<Nomination> book(Society society) {
        return em.createQuery("select n from Nomination n where n.societyId = :s order by n.madeOn desc, n.id desc", Nomination.class)
                .setParameter("s", society.id()).getResultList();
    }

    static boolean isCloseRelative(String relationship) {
        return relationship != null && CLOSE_RELATIVES.contains(relationship.trim().toLowerCase(Locale.ROOT));
    }

    private boolean isCurrentOfficer(Society society, String name) {
        LocalDate today = register.today();
        return officers.register(society).stream()
                .anyMatch(o -> o.isCurrentOn(today) && o.personName().equalsIgnoreCase(name.trim()));
    }
}
