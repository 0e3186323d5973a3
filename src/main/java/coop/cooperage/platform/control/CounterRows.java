package coop.cooperage.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Creates a row that later transactions lock with SELECT ... FOR UPDATE (a society's member
 * number counter, the head of an audit chain), in a transaction of its own. Creating it inside
 * the contended transaction (INSERT IGNORE, then FOR UPDATE) deadlocks under concurrency:
 * each transaction holds a shared lock from the insert and waits for the other's to upgrade.
 * The caller's transaction must not have locked the (missing) row first either: a FOR UPDATE
 * on a missing row takes a gap lock that would block this insert, so existence is checked
 * with a plain, non-locking read.
 */
@ApplicationScoped
public class CounterRows {

    @PersistenceContext
    EntityManager em;

    /** Makes sure the row exists before the caller locks it; costs one plain read when it does. */
    public void ensureExists(String table, String keyColumn, Object key, String insertIgnoreSql, Object... parameters) {
        boolean exists = !em.createNativeQuery("SELECT 1 FROM " + table + " WHERE " + keyColumn + " = ?1")
                .setParameter(1, key).getResultList().isEmpty();
        if (!exists) {
            self().ensure(insertIgnoreSql, parameters);
        }
    }

    private CounterRows self() {
        return jakarta.enterprise.inject.spi.CDI.current().select(CounterRows.class).get();
    }

    /** Runs an INSERT IGNORE of the row and commits at once; safe to call when it exists. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ensure(String insertIgnoreSql, Object... parameters) {
        var query = em.createNativeQuery(insertIgnoreSql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
