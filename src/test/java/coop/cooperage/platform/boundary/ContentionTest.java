package coop.cooperage.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

/** Which failures are someone else's lock (503, try again) rather than a fault of ours (500, incident). */
class ContentionTest {

    @Test
    void aLockWaitTimeoutDeepInTheCausesIsContention() {
        var timeout = new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
        assertThat(ExceptionMappers.isContention(new TransactionalException("rolled back",
                new PersistenceException("query failed", new RuntimeException("wrapped", timeout))))).isTrue();
    }

    @Test
    void aDeadlockVictimIsContention() {
        assertThat(ExceptionMappers.isContention(new PersistenceException(new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213)))).isTrue();
        assertThat(ExceptionMappers.isContention(new jakarta.persistence.PessimisticLockException("locked"))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(ExceptionMappers.isContention(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(ExceptionMappers.isContention(new IllegalStateException("no cause"))).isFalse();
    }
}
