package coop.cooperage.identity.control;

import coop.cooperage.identity.entity.Account;
import coop.cooperage.platform.control.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Checks an email and password. The same message answers an unknown email and a wrong
 * password, and both cost the same time, so the form does not reveal who has an account.
 */
@ApplicationScoped
public class SignIn {

    public static final String WRONG = "Enter a correct email address and password";
    public static final String LOCKED = "This account is locked for 15 minutes after too many failed attempts. "
            + "Try again later, or reset your password.";

    @Inject
    Accounts accounts;

    @Inject
    Clock clock;

    /** Returns the account, or throws {@link InvalidInputException} with a message for the form. */
    @Transactional(dontRollbackOn = InvalidInputException.class)
    public Account authenticate(String email, String password) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            var errors = new coop.cooperage.platform.control.FieldErrors();
            errors.check(email != null && !email.isBlank(), "email", "Enter your email address");
            errors.check(password != null && !password.isEmpty(), "password", "Enter your password");
            errors.throwIfAny();
        }
        var now = LocalDateTime.now(clock);
        var found = accounts.byEmail(email);
        if (found.isEmpty() || !found.get().hasPassword()) {
            accounts.hasher().burnTime(password);
            throw new InvalidInputException("email", WRONG);
        }
        Account account = found.get();
        if (account.isLockedAt(now)) {
            throw new InvalidInputException("email", LOCKED);
        }
        if (!accounts.hasher().matches(password, account.passwordHash())) {
            account.failedSignIn(now);
            throw new InvalidInputException("email", account.isLockedAt(now) ? LOCKED : WRONG);
        }
        account.signedIn(now);
        return account;
    }
}
