package coop.cooperage.identity.control;

import coop.cooperage.identity.entity.OneTimeLink;
import coop.cooperage.platform.control.PublicUrls;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure someone can administer the platform: the account named by COOP_ADMIN_EMAIL and
 * COOP_ADMIN_PASSWORD, or else, while no administrator exists, a one-time setup link in the log.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    AdminSetup setup;

    @Inject
    Accounts accounts;

    @Inject
    PasswordResets links;

    @Inject
    PublicUrls urls;

    @Inject
    @ConfigProperty(name = "coop.admin.email")
    Optional<String> adminEmail;

    @Inject
    @ConfigProperty(name = "coop.admin.password")
    Optional<String> adminPassword;

    @PostConstruct
    void ensureAdministrator() {
        if (adminEmail.filter(e -> !e.isBlank()).isPresent() && adminPassword.filter(p -> !p.isBlank()).isPresent()) {
            var existing = accounts.byEmail(adminEmail.get());
            var admin = existing.orElseGet(() -> accounts.create(adminEmail.get(), "Platform administrator", adminPassword.get()));
            if (!admin.isPlatformAdmin()) {
                accounts.makePlatformAdmin(admin);
            }
            LOG.info(() -> "Platform administrator: " + admin.email());
            return;
        }
        if (setup.hasAdministrator()) {
            return;
        }
        String token = links.issue(OneTimeLink.Purpose.ADMIN_SETUP, null, Duration.ofDays(1));
        LOG.warning(() -> "No platform administrator yet. Create one within 24 hours at: " + urls.link("/setup?token=" + token));
    }

}
