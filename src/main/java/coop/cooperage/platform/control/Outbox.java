package coop.cooperage.platform.control;

import coop.cooperage.platform.entity.OutboundMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/** Queues email in the caller's transaction; {@link OutboxDelivery} sends it after commit. */
@ApplicationScoped
public class Outbox {

    /** Fired when mail is queued, so delivery can start as soon as the transaction commits. */
    public record MailQueued(long id) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<MailQueued> queued;

    @Inject
    OutboxDelivery delivery;

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry registry;

    private static final String DELIVERY_STARTED = Outbox.class.getName() + ".deliveryStarted";

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboundMail enqueue(Long societyId, String to, String subject, String body) {
        return enqueue(societyId, to, subject, body, null);
    }

    /**
     * Queues mail carrying an iCalendar invitation ({@code calendar}, RFC 5545 text with
     * METHOD:REQUEST), sent as a text/calendar alternative to the text body; null sends plain text.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboundMail enqueue(Long societyId, String to, String subject, String body, String calendar) {
        var mail = new OutboundMail(societyId, to, subject, body, calendar, LocalDateTime.now(clock));
        em.persist(mail);
        em.flush();
        // one delivery round after the commit sends everything this transaction queued: an allotment queues 30,000
        // messages, and one asynchronous round per message kept the asynchronous threads busy for minutes afterwards
        if (registry.getResource(DELIVERY_STARTED) == null) {
            registry.putResource(DELIVERY_STARTED, Boolean.TRUE);
            queued.fire(new MailQueued(mail.id()));
        }
        return mail;
    }

    /** Starts delivery as soon as the transaction that queued the mail has committed. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued event) {
        delivery.deliverSoon();
    }

    public List<OutboundMail> recent(int limit) {
        return em.createQuery("select m from OutboundMail m order by m.id desc", OutboundMail.class)
                .setMaxResults(limit).getResultList();
    }
}
