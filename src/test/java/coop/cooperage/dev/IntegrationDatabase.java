package coop.cooperage.dev;

import java.nio.file.Files;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one real MariaDB for the whole integration-test run (Failsafe sets coop.it.db.port)
 * and stops it at the end. Unit tests (Surefire) do not set the property and start nothing.
 * Payara, started by Arquillian for each test class, finds it through COOP_DB_URL.
 */
public class IntegrationDatabase implements LauncherSessionListener {

    private static EmbeddedMariaDb db;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("coop.it.db.port");
        if (port == null || db != null) {
            return;
        }
        try {
            var dir = Files.createTempDirectory("cooperage-it-db");
            db = EmbeddedMariaDb.start(Integer.parseInt(port), dir.toFile(), "cooperage_it");
        } catch (Exception e) {
            throw new IllegalStateException("Could not start MariaDB for the integration tests", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (db != null) {
            db.stop();
            db = null;
        }
    }
}
