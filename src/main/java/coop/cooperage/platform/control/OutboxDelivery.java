package coop.cooperage.platform.control;

import coop.cooperage.platform.entity.OutboundMail;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends queued mail through SMTP, retrying with back-off. Rows are claimed with
 * SELECT ... FOR UPDATE SKIP LOCKED so that several instances never send one message twice.
 * Created at start-up: a singleton first created inside another transaction's completion
 * fails to initialise.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@jakarta.ejb.TransactionManagement(jakarta.ejb.TransactionManagementType.BEAN)
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());
    private static final int BATCH = 20;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "coop.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "coop.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "coop.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "coop.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "coop.smtp.starttls", defaultValue = "false")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "coop.mail.from", defaultValue = "Cooperage <no-reply@cooperage.invalid>")
    String from;

    /** Sends everything due, a batch at a time, until a batch comes back short (what is left is not yet due). */
    @Asynchronous
    public void deliverSoon() {
        while (deliverDue() == BATCH) {
            // more may be due: a transaction can queue many messages and starts one round
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void poll() {
        deliverDue();
    }

    /** Sends what is due, one short transaction per batch; returns how many were handled. */
    public int deliverDue() {
        int handled = 0;
        try {
            tx.begin();
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("SELECT id FROM mail_outbox WHERE state = 'PENDING' AND next_attempt_at <= ?1"
                    + " ORDER BY id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")
                    .setParameter(1, LocalDateTime.now(clock)).getResultList();
            for (Number id : ids) {
                OutboundMail mail = em.find(OutboundMail.class, id.longValue());
                send(mail);
                handled++;
            }
            tx.commit();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Mail delivery round failed", e);
            try {
                tx.rollback();
            } catch (Exception ignored) {
                // the transaction is already gone
            }
            // rolled back, so nothing was handled: a caller looping while batches come back full must stop
            // here rather than send the same messages again at once (the poll retries later)
            return 0;
        }
        return handled;
    }

    /**
     * Text and invitation as multipart/alternative with the text/calendar part last (iMIP, RFC
     * 6047), which is how Outlook, Gmail and Apple Mail recognise an invitation to accept.
     */
    static MimeMultipart withCalendar(OutboundMail mail) throws MessagingException {
        var text = new MimeBodyPart();
        text.setText(mail.body(), "UTF-8");
        var calendar = new MimeBodyPart();
        calendar.setContent(mail.calendar(), "text/calendar; charset=UTF-8; method=REQUEST");
        calendar.setHeader("Content-Type", "text/calendar; charset=UTF-8; method=REQUEST");
        calendar.setHeader("Content-Transfer-Encoding", "quoted-printable");
        var multipart = new MimeMultipart("alternative");
        multipart.addBodyPart(text);
        multipart.addBodyPart(calendar);
        return multipart;
    }

    private void send(OutboundMail mail) {
        if (host.isEmpty() || host.get().isBlank()) {
            mail.hold();
            return;
        }
        try {
            var props = new Properties();
            props.put("mail.smtp.host", host.get());
            props.put("mail.smtp.port", String.valueOf(port));
            props.put("mail.smtp.connectiontimeout", "5000");
            props.put("mail.smtp.timeout", "10000");
            props.put("mail.smtp.starttls.enable", String.valueOf(startTls));
            props.put("mail.smtp.starttls.required", String.valueOf(startTls));
            boolean auth = user.isPresent() && !user.get().isBlank();
            props.put("mail.smtp.auth", String.valueOf(auth));
            Session session = Session.getInstance(props);
            var message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient()));
            message.setSubject(mail.subject(), "UTF-8");
            if (mail.calendar() == null) {
                message.setText(mail.body(), "UTF-8");
            } else {
                message.setContent(withCalendar(mail));
            }
            message.setHeader("X-Cooperage-Mail-Id", String.valueOf(mail.id()));
            if (auth) {
                Transport.send(message, user.get(), password.orElse(""));
            } else {
                Transport.send(message);
            }
            mail.sent(LocalDateTime.now(clock));
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send mail " + mail.id() + " (attempt " + (mail.attempts() + 1) + ")", e);
            mail.failed(e.getMessage(), LocalDateTime.now(clock));
        }
    }
}
