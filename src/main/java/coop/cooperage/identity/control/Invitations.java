package coop.cooperage.identity.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.identity.entity.Invitation;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Outbox;
import coop.cooperage.platform.control.PublicUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/** A secretary invites someone by email to take a role; the link grants it once, within 7 days. */
@ApplicationScoped
public class Invitations {

    public static final Duration VALIDITY = Duration.ofDays(7);
    public static final String INVALID = "This invitation has expired or has already been used. Ask the secretary for a new one.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Outbox outbox;

    @Inject
    PublicUrls urls;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Invitation invite(long societyId, String societyName, String email, String displayName, Role role, long invitedBy) {
        new FieldErrors()
                .check(Emails.isValid(email), "email", "Enter an email address in the correct format, like name@example.com")
                .check(displayName != null && !displayName.isBlank() && displayName.length() <= 200, "displayName",
                        "Enter the person's name")
                .check(role != null, "role", "Choose a role")
                .throwIfAny();
        String token = SecretTokens.generate();
        var now = LocalDateTime.now(clock);
        var invitation = new Invitation(societyId, email, displayName.trim(), role, SecretTokens.hash(token), invitedBy, now,
                now.plus(VALIDITY));
        em.persist(invitation);
        em.flush();
        audit.record(societyId, "invitation.sent", "invitation", invitation.id(), null,
                Map.of("email", invitation.email(), "role", role.name()));
        outbox.enqueue(societyId, invitation.email(), "You are invited to " + societyName + " on Cooperage",
                "Hello " + invitation.displayName() + ",\n\n"
                        + "You have been invited to " + societyName + " as " + role.label() + ".\n\n"
                        + "To accept, open this link within 7 days:\n\n" + urls.link("/invitations/accept?token=" + token) + "\n");
        return invitation;
    }

    public Optional<Invitation> open(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return em.createNamedQuery("Invitation.byHash", Invitation.class).setParameter("hash", SecretTokens.hash(token))
                .getResultStream().filter(i -> i.isOpenAt(LocalDateTime.now(clock))).findFirst();
    }

    /**
     * Accepts: grants the role, creating the account (with the chosen password) if the invitee
     * has none. An existing account keeps its password.
     */
    @Transactional
    public Account accept(String token, String password) {
        Invitation invitation = open(token).orElseThrow(() -> new InvalidInputException("token", INVALID));
        Account account = accounts.byEmail(invitation.email())
                .orElseGet(() -> accounts.create(invitation.email(), invitation.displayName(), password));
        accounts.grant(invitation.societyId(), account, invitation.role());
        invitation.accept(LocalDateTime.now(clock));
        audit.recordAs(account.email(), invitation.societyId(), "invitation.accepted", "invitation", invitation.id(), null,
                Map.of("email", account.email(), "role", invitation.role().name()));
        return account;
    }
}
