package coop.cooperage.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Real concurrency, deterministically: a competing transaction (a plain JDBC connection with
 * auto-commit off, which has already written and so holds its locks) is committed only once the
 * request under test is waiting for one of those locks, as InnoDB itself reports. What the request
 * then does is what it does when the other transaction commits while it waits.
 */
final class Contention {

    private Contention() {
    }

    /** A connection to the test database with auto-commit off, for the competing transaction. */
    static Connection transaction() throws SQLException {
        var c = DriverManager.getConnection(System.getenv("COOP_DB_URL"), "cooperage", "cooperage");
        c.setAutoCommit(false);
        return c;
    }

    /**
     * Sends the request on another thread, waits until it is blocked on a lock that {@code holder}
     * holds, commits {@code holder}, and returns the request's result.
     */
    static <T> T commitWhileWaiting(Connection holder, Callable<T> request) throws Exception {
        long holderThread = connectionId(holder);
        var pool = Executors.newSingleThreadExecutor();
        try {
            Future<T> result = pool.submit(request);
            Awaitility.await("the request to wait for the competing transaction's locks").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(50)).until(() -> result.isDone() || waitsFor(holderThread));
            if (result.isDone()) {
                throw new AssertionError("the request finished without waiting for the competing transaction's locks: " + outcome(result));
            }
            holder.commit();
            return result.get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String outcome(Future<?> result) {
        try {
            var r = result.get();
            return r instanceof java.net.http.HttpResponse<?> response ? response.statusCode() + " " + response.body() : String.valueOf(r);
        } catch (Exception e) {
            var out = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(out));
            return out.toString();
        }
    }

    private static long connectionId(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether some transaction is waiting for a lock held by the transaction of that connection. */
    private static boolean waitsFor(long holderThread) throws SQLException {
        try (var c = DriverManager.getConnection(System.getenv("COOP_DB_URL"), "root", "");
                var st = c.prepareStatement("SELECT COUNT(*) FROM information_schema.INNODB_LOCK_WAITS w"
                        + " JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id WHERE b.trx_mysql_thread_id = ?")) {
            st.setLong(1, holderThread);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
