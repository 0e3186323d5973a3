package coop.cooperage.identity.control;

import coop.cooperage.identity.entity.Account;
import coop.cooperage.identity.entity.OneTimeLink;
import coop.cooperage.platform.control.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Completes the one-time setup link: the first platform administrator, in one transaction. */
@ApplicationScoped
public class AdminSetup {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    PasswordResets links;

    public boolean hasAdministrator() {
        return !em.createQuery("select a.id from Account a where a.platformAdmin = true", Long.class)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public boolean canUse(String token) {
        return !hasAdministrator() && links.isUsable(token, OneTimeLink.Purpose.ADMIN_SETUP);
    }

    @Transactional
    public Account complete(String token, String email, String displayName, String password, String confirmation) {
        if (hasAdministrator()) {
            throw new InvalidInputException("token", "An administrator already exists");
        }
        links.consume(token, OneTimeLink.Purpose.ADMIN_SETUP);
        if (password == null || !password.equals(confirmation)) {
            throw new InvalidInputException("confirmation", "The passwords do not match");
        }
        Account admin = accounts.create(email, displayName, password);
        accounts.makePlatformAdmin(admin);
        return admin;
    }
}
