package coop.cooperage.identity.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.identity.entity.ApiToken;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.NoSuchResourceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API tokens: created and revoked by a secretary, shown once, stored hashed. */
@ApplicationScoped
public class ApiTokens {

    /** Every token starts with this, so leaked tokens are easy to recognise in logs and scanners. */
    public static final String PREFIX = "coop_";

    public record Issued(ApiToken token, String secret) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Issued create(long societyId, long accountId, String name) {
        new FieldErrors().check(name != null && !name.isBlank() && name.length() <= 100, "name",
                "Enter a name for the token of up to 100 characters, like \"Accounts spreadsheet\"").throwIfAny();
        String secret = PREFIX + SecretTokens.generate();
        var token = new ApiToken(societyId, accountId, name.trim(), secret.substring(PREFIX.length(), PREFIX.length() + 8),
                SecretTokens.hash(secret), LocalDateTime.now(clock));
        em.persist(token);
        em.flush();
        audit.record(societyId, "api-token.created", "api-token", token.id(), null,
                Map.of("name", token.name(), "prefix", token.prefix(), "accountId", accountId));
        return new Issued(token, secret);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(long societyId, long tokenId) {
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || token.societyId() != societyId) {
            throw new NoSuchResourceException("No such API token");
        }
        if (token.isActive()) {
            token.revoke(LocalDateTime.now(clock));
            audit.record(societyId, "api-token.revoked", "api-token", token.id(), Map.of("name", token.name()), null);
        }
    }

    public List<ApiToken> ofSociety(long societyId) {
        return em.createNamedQuery("ApiToken.ofSociety", ApiToken.class).setParameter("society", societyId).getResultList();
    }

    /** The active token with this secret, if any. */
    public Optional<ApiToken> active(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return em.createNamedQuery("ApiToken.byHash", ApiToken.class).setParameter("hash", SecretTokens.hash(secret))
                .getResultStream().filter(ApiToken::isActive).findFirst();
    }
}
