package coop.cooperage.identity.control;

import coop.cooperage.identity.entity.Account;
import coop.cooperage.identity.entity.OneTimeLink;
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
import java.util.Optional;

/**
 * Forgotten passwords: an emailed link, valid once, for one hour. Asking for a reset for an
 * unknown address looks the same to the asker as for a known one.
 */
@ApplicationScoped
public class PasswordResets {

    public static final Duration VALIDITY = Duration.ofHours(1);
    public static final String INVALID_LINK = "This link has expired or has already been used. Ask for a new one.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Outbox outbox;

    @Inject
    PublicUrls urls;

    @Inject
    Clock clock;

    @Transactional
    public void requestReset(String email) {
        if (!Emails.isValid(email)) {
            throw new InvalidInputException("email", "Enter an email address in the correct format, like name@example.com");
        }
        Optional<Account> account = accounts.byEmail(email);
        if (account.isEmpty()) {
            return;
        }
        String token = issue(OneTimeLink.Purpose.PASSWORD_RESET, account.get().id(), VALIDITY);
        outbox.enqueue(null, account.get().email(), "Reset your Cooperage password",
                "Hello " + account.get().displayName() + ",\n\n"
                        + "Someone asked to reset the password for this email address. To choose a new password, open this link"
                        + " within one hour:\n\n" + urls.link("/reset-password?token=" + token) + "\n\n"
                        + "The link works once. If you did not ask for this, ignore this email: your password has not changed.\n");
    }

    /** Issues a single-use token and returns it; only its hash is stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(OneTimeLink.Purpose purpose, Long accountId, Duration validity) {
        String token = SecretTokens.generate();
        var now = LocalDateTime.now(clock);
        em.persist(new OneTimeLink(purpose, accountId, SecretTokens.hash(token), now, now.plus(validity)));
        return token;
    }

    public boolean isUsable(String token, OneTimeLink.Purpose purpose) {
        return find(token).filter(l -> l.isUsableAt(LocalDateTime.now(clock), purpose)).isPresent();
    }

    @Transactional
    public Account completeReset(String token, String newPassword, String confirmation) {
        OneTimeLink link = find(token).filter(l -> l.isUsableAt(LocalDateTime.now(clock), OneTimeLink.Purpose.PASSWORD_RESET))
                .orElseThrow(() -> new InvalidInputException("token", INVALID_LINK));
        if (newPassword == null || !newPassword.equals(confirmation)) {
            throw new InvalidInputException("confirmation", "The passwords do not match");
        }
        Account account = accounts.byId(link.accountId()).orElseThrow(() -> new InvalidInputException("token", INVALID_LINK));
        accounts.setPassword(account, newPassword, account.email());
        link.use(LocalDateTime.now(clock));
        return account;
    }

    /** Consumes a link of the given purpose, refusing a used or expired one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OneTimeLink consume(String token, OneTimeLink.Purpose purpose) {
        OneTimeLink link = find(token).filter(l -> l.isUsableAt(LocalDateTime.now(clock), purpose))
                .orElseThrow(() -> new InvalidInputException("token", INVALID_LINK));
        link.use(LocalDateTime.now(clock));
        return link;
    }

    private Optional<OneTimeLink> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return em.createNamedQuery("OneTimeLink.byHash", OneTimeLink.class)
                .setParameter("hash", SecretTokens.hash(token)).getResultStream().findFirst();
    }
}
