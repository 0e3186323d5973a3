package coop.cooperage.meetings.control;

import coop.cooperage.society.control.Societies;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every morning, emails the reminders now due. Each society is its own transaction, so one failure
 * does not stop the others; running twice (or on two instances) reminds nobody twice.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class.getName());

    @Inject
    Societies societies;

    @Inject
    Reminders reminders;

    @Schedule(hour = "8", minute = "5", persistent = false)
    public void run() {
        for (var society : societies.all()) {
            try {
                int sent = reminders.sendDue(society);
                if (sent > 0) {
                    LOG.info(() -> "Reminders: " + sent + " queued for " + society.slug());
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "Reminder job failed for " + society.slug() + ": " + e);
            }
        }
    }
}
