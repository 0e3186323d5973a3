package coop.cooperage.society.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.society.entity.Society;
import coop.cooperage.society.entity.SocietyDetails;
import coop.cooperage.society.entity.SocietyRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Creating societies, changing their details and rules (audited), and finding them for a caller. */
@ApplicationScoped
public class Societies {

    /** Officers who may read the society's administration pages. */
    public static final Role[] OFFICERS = {Role.SECRETARY, Role.TREASURER, Role.DIRECTOR, Role.AUDITOR};

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public Optional<Society> bySlug(String slug) {
        if (slug == null || slug.length() > 40) {
            return Optional.empty();
        }
        return em.createNamedQuery("Society.bySlug", Society.class).setParameter("slug", slug).getResultStream().findFirst();
    }

    /**
     * The society, if the caller holds one of the roles there. Without any role there it is as
     * if it did not exist (404); with another role it is refused (403).
     */
    public Society forCaller(String slug, Role... allowed) {
        caller.requireAccount();
        Society society = bySlug(slug).orElseThrow(() -> new NoSuchResourceException("No such society"));
        caller.require(society.id(), allowed);
        return society;
    }

    /** Every society, for platform work such as scheduled jobs. */
    public List<Society> all() {
        return em.createNamedQuery("Society.all", Society.class).getResultList();
    }

    /**
     * The society, for reading one member's own record: officers may; anyone else in the
     * society is answered as if the record did not exist (404), so a member learns nothing
     * about other members, not even whether a number is taken.
     */
    public Society forMemberRecord(String slug) {
        Society society = forCaller(slug, Role.values());
        if (!caller.isPlatformAdmin() && caller.rolesIn(society.id()).stream().noneMatch(Role::isOfficer)) {
            throw new NoSuchResourceException("No such member");
        }
        return society;
    }

    /** The societies the caller may see: all of them for a platform administrator. */
    public List<Society> visibleToCaller() {
        return all().stream().filter(s -> caller.canSee(s.id())).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Society create(SocietyDetails input, SocietyRules rulesOrNull) {
        SocietyDetails details = input.normalised();
        var errors = details.validate();
        errors.throwIfAny();
        SocietyRules rules = rulesOrNull != null ? rulesOrNull : SocietyRules.defaults(details.jurisdiction());
        rules.validate(details.jurisdiction()).throwIfAny();
        if (bySlug(details.slug()).isPresent()) {
            throw new ConflictException("slug", "Another society already uses the short name \"" + details.slug() + "\"");
        }
        var society = new Society(details, rules, LocalDateTime.now(clock));
        em.persist(society);
        em.flush();
        var after = new LinkedHashMap<String, Object>(society.details().asMap());
        after.putAll(rules.asMap());
        audit.record(society.id(), "society.created", "society", society.id(), null, after);
        return society;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Society updateDetails(Society detached, SocietyDetails input) {
        Society society = managed(detached);
        SocietyDetails details = input.normalised();
        var errors = details.validate();
        if (details.jurisdiction() != null && !errors.has("jurisdiction")) {
            // moving to Northern Ireland lowers the statutory maximum: the rules must still fit
            society.rules().validate(details.jurisdiction()).throwIfAny();
        }
        errors.throwIfAny();
        if (!details.slug().equals(society.slug()) && bySlug(details.slug()).isPresent()) {
            throw new ConflictException("slug", "Another society already uses the short name \"" + details.slug() + "\"");
        }
        Map<String, Object> before = society.details().asMap();
        society.apply(details);
        recordChanges(society, "society.details-changed", before, society.details().asMap());
        return society;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Society updateRules(Society detached, SocietyRules rules) {
        Society society = managed(detached);
        rules.validate(society.jurisdiction()).throwIfAny();
        Map<String, Object> before = society.rules().asMap();
        society.changeRules(rules);
        recordChanges(society, "society.rules-changed", before, rules.asMap());
        return society;
    }

    /** A society read outside this transaction is read again in it, so that changes are saved. */
    private Society managed(Society society) {
        return em.contains(society) ? society : em.find(Society.class, society.id());
    }

    /** Audits only the settings that changed, each with its value before and after. */
    private void recordChanges(Society society, String action, Map<String, Object> before, Map<String, Object> after) {
        var was = new LinkedHashMap<String, Object>();
        var now = new LinkedHashMap<String, Object>();
        after.forEach((key, value) -> {
            if (!Objects.equals(String.valueOf(before.get(key)), String.valueOf(value))) {
                was.put(key, before.get(key));
                now.put(key, value);
            }
        });
        if (!now.isEmpty()) {
            audit.record(society.id(), action, "society", society.id(), was, now);
        }
    }
}
