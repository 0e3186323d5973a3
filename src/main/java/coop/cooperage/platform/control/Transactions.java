package coop.cooperage.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * A transaction around a piece of work, for pages that must show a form again when the work
 * is refused: the refusal rolls everything back here, before the page catches it, so nothing
 * is ever half-written.
 */
@ApplicationScoped
public class Transactions {

    @Transactional
    public <T> T call(Supplier<T> work) {
        return work.get();
    }

    @Transactional
    public void run(Runnable work) {
        work.run();
    }
}
