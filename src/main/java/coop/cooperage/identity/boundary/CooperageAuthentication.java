package coop.cooperage.identity.boundary;

import coop.cooperage.identity.control.ApiTokens;
import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.identity.entity.ApiToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;

/**
 * Establishes the caller for every request: from an API token (Authorization: Bearer) or from
 * the signed-in session. It never challenges; resources decide what needs a caller and answer
 * 401, a redirect to sign in, 403 or 404 themselves.
 */
@ApplicationScoped
public class CooperageAuthentication implements HttpAuthenticationMechanism {

    /** Session attribute holding the signed-in account's id. */
    public static final String SESSION_ACCOUNT = "coop.account";

    @Inject
    ApiTokens tokens;

    @PersistenceContext
    EntityManager em;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ApiToken token = tokens.active(authorization.substring(7).trim()).orElse(null);
            Account account = token == null ? null : em.find(Account.class, token.accountId());
            if (account == null) {
                return context.responseUnauthorized();
            }
            request.setAttribute(Caller.TOKEN_SOCIETY, token.societyId());
            return context.notifyContainerAboutLogin(account.email(), Set.of("USER"));
        }
        HttpSession session = request.getSession(false);
        Object accountId = session == null ? null : session.getAttribute(SESSION_ACCOUNT);
        if (accountId instanceof Long id) {
            Account account = em.find(Account.class, id);
            if (account != null) {
                return context.notifyContainerAboutLogin(account.email(),
                        account.isPlatformAdmin() ? Set.of("USER", "PLATFORM_ADMIN") : Set.of("USER"));
            }
            session.invalidate();
        }
        return context.doNothing();
    }
}
