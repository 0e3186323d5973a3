package coop.cooperage.members.control;

import coop.cooperage.society.control.Societies;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every night, erases former members' contact details once each society's retention period
 * has passed. Each society is its own transaction, so one failure does not stop the others;
 * running twice erases nothing twice.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    @Inject
    Societies societies;

    @Inject
    PersonalData personalData;

    @Schedule(hour = "3", minute = "15", persistent = false)
    public void run() {
        for (var society : societies.all()) {
            try {
                int erased = personalData.eraseExpired(society);
                if (erased > 0) {
                    LOG.info(() -> "Retention: erased the contact details of " + erased + " former members of " + society.slug());
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "Retention job failed for " + society.slug() + ": " + e);
            }
        }
    }
}
