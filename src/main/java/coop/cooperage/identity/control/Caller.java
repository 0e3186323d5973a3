package coop.cooperage.identity.control;

import coop.cooperage.identity.entity.Account;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.control.AccessDeniedException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.SignInRequiredException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is making this request, and what they may do in each society. An API token limits the
 * caller to the token's society.
 */
@RequestScoped
public class Caller {

    /** Request attribute set by the authentication mechanism for token-authenticated requests. */
    public static final String TOKEN_SOCIETY = "coop.token.society";

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    @Inject
    Accounts accounts;

    private Optional<Account> account;
    private Map<Long, Set<Role>> roles;

    public Optional<Account> account() {
        if (account == null) {
            Principal p = security.getCallerPrincipal();
            account = p == null ? Optional.empty() : accounts.byEmail(p.getName());
        }
        return account;
    }

    public Account requireAccount() {
        return account().orElseThrow(SignInRequiredException::new);
    }

    public boolean isSignedIn() {
        return account().isPresent();
    }

    public boolean isPlatformAdmin() {
        return account().map(Account::isPlatformAdmin).orElse(false) && tokenSociety() == null;
    }

    public Long tokenSociety() {
        Object s = request.getAttribute(TOKEN_SOCIETY);
        return s instanceof Long l ? l : null;
    }

    public Map<Long, Set<Role>> rolesBySociety() {
        if (roles == null) {
            roles = account().map(a -> accounts.rolesBySociety(a.id())).orElse(Map.of());
        }
        return roles;
    }

    public Set<Role> rolesIn(long societyId) {
        Long scoped = tokenSociety();
        if (scoped != null && scoped != societyId) {
            return EnumSet.noneOf(Role.class);
        }
        return rolesBySociety().getOrDefault(societyId, EnumSet.noneOf(Role.class));
    }

    /** Whether the caller may see this society at all: a role there, or platform administration. */
    public boolean canSee(long societyId) {
        return isPlatformAdmin() || !rolesIn(societyId).isEmpty();
    }

    /**
     * Demands one of the roles. Someone with no part in the society learns nothing (404);
     * someone in it without the role is refused (403). Platform administrators pass.
     */
    public void require(long societyId, Role... allowed) {
        requireAccount();
        if (isPlatformAdmin()) {
            return;
        }
        Set<Role> held = rolesIn(societyId);
        if (held.isEmpty()) {
            throw new NoSuchResourceException("No such society");
        }
        if (Arrays.stream(allowed).noneMatch(held::contains)) {
            throw new AccessDeniedException("Your role in this society does not allow this");
        }
    }

    public void requirePlatformAdmin() {
        requireAccount();
        if (!isPlatformAdmin()) {
            throw new AccessDeniedException("Only a platform administrator can do this");
        }
    }
}
