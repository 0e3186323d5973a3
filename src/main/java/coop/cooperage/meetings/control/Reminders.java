package coop.cooperage.meetings.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.meetings.entity.MeetingState;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.control.Outbox;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Reminders of a general meeting, by email, to the members who were emailed its notice and still
 * agree to notices by email: once the meeting is the society's reminder period ({@code meetingReminderDays}) away or
 * less and has not yet started. A member is reminded once per meeting, whoever runs
 * the job and however often (meeting_reminder is unique per meeting and member). Members given
 * notice by letter are not posted anything: from the same day their reminder letters are ready for
 * the secretary to print ({@link NoticeLetters#writeReminders}), as a second letter is a cost the
 * society decides on.
 */
@ApplicationScoped
public class Reminders {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    Notices notices;

    @Inject
    AuditTrail audit;

    /** Days before a meeting that reminders go out: a rule of the society's. */
    public int reminderDays(Society society) {
        return society.rules().meetingReminderDays();
    }

    /**
     * Whether reminders of the meeting are due or have gone out: notice has been sent and the
     * society's reminder period before it has begun (when the email reminders go). From then on the
     * reminder letters for members given notice by post are ready to print.
     */
    public boolean due(Society society, Meeting meeting) {
        if (meeting.noticeSentOn() == null) {
            return false;
        }
        var today = LocalDateTime.now(clock.withZone(coop.cooperage.platform.control.Clocks.UK)).toLocalDate();
        return !today.isBefore(meeting.startsAt().toLocalDate().minusDays(reminderDays(society)))
                || ((Number) em.createNativeQuery("SELECT COUNT(*) FROM meeting_reminder WHERE meeting_id = ?1")
                        .setParameter(1, meeting.id()).getSingleResult()).longValue() > 0;
    }

    /** The meeting, if its reminders are due (else 409: there is nothing to remind of yet). */
    public Meeting dueMeeting(Society society, long id) {
        Meeting meeting = notices.noticedMeeting(society, id);
        if (!due(society, meeting)) {
            throw new coop.cooperage.platform.control.ConflictException("meeting", "Reminders of this meeting are not due yet: they go"
                    + " out " + reminderDays(society) + " days before it, by email and as letters to print for members given notice by post");
        }
        return meeting;
    }

    /** Sends the reminders now due for this society's meetings; returns how many were queued. */
    @Transactional(Transactional.TxType.REQUIRED)
    public int sendDue(Society society) {
        var now = LocalDateTime.now(clock.withZone(coop.cooperage.platform.control.Clocks.UK));
        var due = em.createQuery("select m from Meeting m where m.societyId = :s and m.state = :st and m.startsAt > :now"
                + " and m.startsAt < :until order by m.startsAt", Meeting.class)
                .setParameter("s", society.id()).setParameter("st", MeetingState.NOTICED).setParameter("now", now)
                .setParameter("until", now.toLocalDate().plusDays(reminderDays(society) + 1L).atStartOfDay()).getResultList();
        int sent = 0;
        for (Meeting meeting : due) {
            int forMeeting = 0;
            List<Member> emailed = em.createQuery("select m from Member m where m.societyId = :s and m.id in"
                    + " (select n.memberId from MeetingNotice n where n.meetingId = :meeting and n.channel = 'EMAIL')"
                    + " order by m.id", Member.class)
                    .setParameter("s", society.id()).setParameter("meeting", meeting.id()).getResultList();
            for (Member member : emailed) {
                if (!Notices.byEmail(member) || member.ceasedOn() != null && !member.ceasedOn().isAfter(now.toLocalDate())) {
                    continue; // withdrew consent to email, or left
                }
                int inserted = em.createNativeQuery("INSERT IGNORE INTO meeting_reminder (meeting_id, member_id, sent_at) VALUES (?1, ?2, ?3)")
                        .setParameter(1, meeting.id()).setParameter(2, member.id()).setParameter(3, LocalDateTime.now(clock))
                        .executeUpdate();
                if (inserted == 1) {
                    outbox.enqueue(society.id(), member.email(), "Reminder: " + meeting.title() + " – " + society.name(),
                            NoticeLetters.reminderText(notices, society, meeting, member.name()),
                            notices.invitation(society, meeting, member).text());
                    forMeeting++;
                }
            }
            if (forMeeting > 0) {
                audit.record(society.id(), "meeting.reminders-sent", "meeting", meeting.id(), null, Map.of("reminded", forMeeting));
            }
            sent += forMeeting;
        }
        return sent;
    }
}
