package coop.cooperage.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.function.Supplier;

/**
 * A transaction around a piece of work, for pages that must show a form again when the work
 * is refused: the refusal rolls everything back here, before the page catches it, so nothing
 * is ever half-written.
 */
@ApplicationScoped
public class Transactions {

    @Inject
    Transactions self;

    @Transactional
    public <T> T call(Supplier<T> work) {
        return work.get();
    }

    @Transactional
    public void run(Runnable work) {
        work.run();
    }

    /**
     * Like {@link #call}, but when the work fails on a unique key because a concurrent transaction
     * committed the same row first, runs it once more in a new transaction, which sees that row
     * and takes the already-done path. For idempotent work whose duplicates the database refuses
     * (a statement imported twice at the same moment), so the second caller gets an answer, not a 500.
     */
    public <T> T callRetryingOnDuplicate(Supplier<T> work) {
        try {
            return self.call(work);
        } catch (RuntimeException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            return self.call(work);
        }
    }

    static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
