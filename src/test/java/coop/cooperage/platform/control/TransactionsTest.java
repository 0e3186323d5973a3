package coop.cooperage.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientException;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    @Test
    void aUniqueKeyViolationDeepInTheCausesIsADuplicate() {
        var duplicate = new PersistenceException("flush failed",
                new RuntimeException("wrapped", new SQLIntegrityConstraintViolationException("Duplicate entry")));
        assertThat(Transactions.isDuplicateKey(duplicate)).isTrue();
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThat(Transactions.isDuplicateKey(new PersistenceException("lock wait", new SQLTransientException("timeout"))))
                .isFalse();
        assertThat(Transactions.isDuplicateKey(new IllegalStateException("no cause"))).isFalse();
    }
}
