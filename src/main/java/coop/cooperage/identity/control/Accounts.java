package coop.cooperage.identity.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.identity.entity.SocietyRole;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Accounts and the roles they hold in societies. */
@ApplicationScoped
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    private final PasswordHasher hasher = new PasswordHasher();

    public Optional<Account> byEmail(String email) {
        return em.createNamedQuery("Account.byEmail", Account.class)
                .setParameter("email", Account.normaliseEmail(email))
                .getResultStream().findFirst();
    }

    public Optional<Account> byId(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    public boolean any() {
        return !em.createQuery("select a.id from Account a", Long.class).setMaxResults(1).getResultList().isEmpty();
    }

    /** Creates an account; password may be null for someone who will set it through a link. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account create(String email, String displayName, String password) {
        var errors = new FieldErrors();
        errors.check(Emails.isValid(email), "email", "Enter an email address in the correct format, like name@example.com");
        errors.check(displayName != null && !displayName.isBlank() && displayName.length() <= 200,
                "displayName", "Enter a name of up to 200 characters");
        if (password != null) {
            String weakness = PasswordHasher.weakness(password, email);
            errors.check(weakness == null, "password", weakness);
        }
        errors.throwIfAny();
        if (byEmail(email).isPresent()) {
            throw new ConflictException("email", "An account with this email address already exists");
        }
        var account = new Account(email, displayName.trim(), LocalDateTime.now(clock));
        if (password != null) {
            account.changePassword(hasher.hash(password));
        }
        em.persist(account);
        em.flush();
        audit.record(AuditTrail.PLATFORM_CHAIN, "account.created", "account", account.id(), null,
                Map.of("email", account.email(), "displayName", account.displayName()));
        return account;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void makePlatformAdmin(Account account) {
        account.makePlatformAdmin();
        audit.record(AuditTrail.PLATFORM_CHAIN, "account.platform-admin-granted", "account", account.id(), null,
                Map.of("email", account.email()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void setPassword(Account account, String password, String actor) {
        String weakness = PasswordHasher.weakness(password, account.email());
        if (weakness != null) {
            throw new coop.cooperage.platform.control.InvalidInputException("password", weakness);
        }
        account.changePassword(hasher.hash(password));
        audit.recordAs(actor, AuditTrail.PLATFORM_CHAIN, "account.password-changed", "account", account.id(), null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void grant(long societyId, Account account, Role role) {
        if (rolesIn(account.id(), societyId).contains(role)) {
            return;
        }
        em.persist(new SocietyRole(societyId, account.id(), role, LocalDateTime.now(clock)));
        audit.record(societyId, "role.granted", "account", account.id(), null,
                Map.of("email", account.email(), "role", role.name()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(long societyId, Account account, Role role) {
        int removed = em.createQuery("delete from SocietyRole r where r.societyId = :s and r.accountId = :a and r.role = :role")
                .setParameter("s", societyId).setParameter("a", account.id()).setParameter("role", role).executeUpdate();
        if (removed > 0) {
            audit.record(societyId, "role.revoked", "account", account.id(),
                    Map.of("email", account.email(), "role", role.name()), null);
        }
    }

    public Set<Role> rolesIn(long accountId, long societyId) {
        return rolesBySociety(accountId).getOrDefault(societyId, EnumSet.noneOf(Role.class));
    }

    /** Every society the account has a role in, with the roles. */
    public Map<Long, Set<Role>> rolesBySociety(long accountId) {
        return em.createNamedQuery("SocietyRole.ofAccount", SocietyRole.class).setParameter("account", accountId)
                .getResultStream()
                .collect(Collectors.groupingBy(SocietyRole::societyId,
                        Collectors.mapping(SocietyRole::role, Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))));
    }

    /** People with roles in a society, for the society's people page. */
    public List<SocietyRole> rolesOfSociety(long societyId) {
        return em.createNamedQuery("SocietyRole.ofSociety", SocietyRole.class).setParameter("society", societyId).getResultList();
    }

    public PasswordHasher hasher() {
        return hasher;
    }
}
