package coop.cooperage.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else touches the database. Flyway uses its own
 * connection, outside the container's transactions, because it commits each migration itself.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Inject
    @ConfigProperty(name = "coop.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "coop.db.user")
    String user;

    @Inject
    @ConfigProperty(name = "coop.db.password", defaultValue = "")
    String password;

    /** Former deployment settings, read only to carry their values into each society's rules (V18_1). */
    @Inject
    @ConfigProperty(name = "coop.board.quorum", defaultValue = "2")
    int boardQuorum;

    @Inject
    @ConfigProperty(name = "coop.meetings.reminder-days", defaultValue = "7")
    int meetingReminderDays;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(url, user, password)
                .placeholders(java.util.Map.of("boardQuorum", String.valueOf(boardQuorum),
                        "meetingReminderDays", String.valueOf(meetingReminderDays)))
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
