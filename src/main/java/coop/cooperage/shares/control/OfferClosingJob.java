package coop.cooperage.shares.control;

import coop.cooperage.society.control.Societies;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Closes open offers whose closing date has passed, a few minutes after midnight. Applying
 * checks the dates itself, so an offer is never open to applications late even before this runs.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OfferClosingJob {

    private static final Logger LOG = Logger.getLogger(OfferClosingJob.class.getName());

    @Inject
    Societies societies;

    @Inject
    Offers offers;

    @Schedule(hour = "0", minute = "5", persistent = false)
    public void run() {
        for (var society : societies.all()) {
            try {
                int closed = offers.closeOverdue(society);
                if (closed > 0) {
                    LOG.info(() -> "Closed " + closed + " share offer(s) of " + society.slug() + " past their closing date");
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "Closing overdue offers failed for " + society.slug() + ": " + e);
            }
        }
    }
}
