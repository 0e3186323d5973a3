package coop.cooperage.meetings.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.meetings.entity.MeetingKind;
import coop.cooperage.meetings.entity.MeetingState;
import coop.cooperage.meetings.entity.NoticeCheck;
import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.Outbox;
import coop.cooperage.platform.control.PublicUrls;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Notice of a general meeting to every member.
 *
 * <p>Who is given notice: the members on the register at the end of the day notice is sent
 * (entered on or before that day, not ceased on or before it: the record-date rule applied to the
 * sending day). Members who agreed to receive notices by email (s.30 purposes: NOTICES) and have
 * an address get an email with an iCalendar invitation; everyone else gets a printed letter, and
 * the letters are printed as one PDF. Each member's notice is recorded once (meeting_notice), so
 * sending again never emails anyone twice: it reaches only members entered on the register since.
 *
 * <p>The first sending is refused when it gives fewer clear days than the society's rules
 * require (neither the day of sending nor the day of the meeting counts).
 */
@ApplicationScoped
public class Notices {

    static final int BATCH = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public record Sent(long meetingId, LocalDate noticeSentOn, int emailed, int letters, boolean firstSending) {
    }

    /** What has gone out for a meeting so far. */
    public record Status(long emailed, long letters, long reminded) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    PublicUrls urls;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "coop.mail.from", defaultValue = "Cooperage <no-reply@cooperage.invalid>")
    String from;

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.UK));
    }

    public Meeting meeting(Society society, long id) {
        Meeting m = em.find(Meeting.class, id);
        if (m == null || m.societyId() != society.id()) {
            throw new NoSuchResourceException("No such meeting");
        }
        return m;
    }

    /** A meeting whose notice has been sent: letters carry the date of sending, so there are none before it. */
    public Meeting noticedMeeting(Society society, long id) {
        Meeting m = meeting(society, id);
        if (m.noticeSentOn() == null) {
            throw new coop.cooperage.platform.control.ConflictException("meeting", "Notice of this meeting has not been sent yet");
        }
        return m;
    }

    /** Whether notice sent today would be long enough, for the secretary to see before sending. */
    public NoticeCheck checkToday(Society society, Meeting meeting) {
        return Notice.check(today(), meeting.startsAt().toLocalDate(), society.rules().meetingNoticeClearDays());
    }

    public Status status(Meeting meeting) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(channel = 'EMAIL'), 0), COALESCE(SUM(channel = 'LETTER'), 0),"
                + " (SELECT COUNT(*) FROM meeting_reminder r WHERE r.meeting_id = ?1) FROM meeting_notice WHERE meeting_id = ?1")
                .setParameter(1, meeting.id()).getSingleResult();
        return new Status(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Sent send(Society society, long meetingId) {
        // locked, so two secretaries pressing "send" at once give one notice, checked once
        Meeting meeting = em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (meeting == null || meeting.societyId() != society.id()) {
            throw new NoSuchResourceException("No such meeting");
        }
        LocalDate today = today();
        boolean first = meeting.state() == MeetingState.DRAFT;
        if (first) {
            NoticeCheck check = checkToday(society, meeting);
            check.refusal().ifPresent(reason -> {
                throw new InvalidInputException("meeting", "Too late to give notice of this meeting. " + reason);
            });
            meeting.giveNotice(today, society.rules().meetingNoticeClearDays());
        } else if (meeting.state() != MeetingState.NOTICED) {
            throw new ConflictException("state", "Notice cannot be sent of a meeting that is "
                    + meeting.state().name().toLowerCase(Locale.ROOT));
        }
        int emailed = 0;
        int letters = 0;
        long after = 0;
        while (true) {
            List<Member> batch = em.createQuery("select m from Member m where m.societyId = :s and m.state in :st"
                    + " and m.joinedOn <= :d and (m.ceasedOn is null or m.ceasedOn > :d) and m.id > :after order by m.id", Member.class)
                    .setParameter("s", society.id()).setParameter("st", List.of(MemberState.MEMBER, MemberState.CEASED))
                    .setParameter("d", today).setParameter("after", after).setMaxResults(BATCH).getResultList();
            for (Member member : batch) {
                after = member.id();
                boolean byEmail = byEmail(member);
                int inserted = em.createNativeQuery("INSERT IGNORE INTO meeting_notice (society_id, meeting_id, member_id, channel, sent_on,"
                        + " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                        .setParameter(1, society.id()).setParameter(2, meeting.id()).setParameter(3, member.id())
                        .setParameter(4, byEmail ? "EMAIL" : "LETTER").setParameter(5, today)
                        .setParameter(6, LocalDateTime.now(clock)).executeUpdate();
                if (inserted == 0) {
                    continue; // given notice already
                }
                if (byEmail) {
                    outbox.enqueue(society.id(), member.email(), "Notice of " + meeting.title() + " – " + society.name(),
                            noticeText(society, meeting, member.name()), invitation(society, meeting, member).text());
                    emailed++;
                } else {
                    letters++;
                }
            }
            // a register of tens of thousands: keep the persistence context to one batch (the
            // meeting's change is flushed with the first batch; the row stays locked till commit)
            em.flush();
            em.clear();
            if (batch.size() < BATCH) {
                break;
            }
        }
        var after_ = new LinkedHashMap<String, Object>();
        after_.put("state", meeting.state().name());
        after_.put("noticeSentOn", meeting.noticeSentOn().toString());
        after_.put("emailed", emailed);
        after_.put("letters", letters);
        audit.record(society.id(), first ? "meeting.notice-sent" : "meeting.notice-sent-to-new-members", "meeting", meeting.id(),
                first ? Map.of("state", MeetingState.DRAFT.name()) : null, after_);
        return new Sent(meeting.id(), meeting.noticeSentOn(), emailed, letters, first);
    }

    static boolean byEmail(Member member) {
        return member.email() != null && !member.email().isBlank() && member.emailPurposes().contains(EmailPurpose.NOTICES);
    }

    public String link(Society society, Meeting meeting) {
        return urls.link("/s/" + society.slug() + "/notices/" + meeting.id());
    }

    /** The words of the notice, the same in the email and the letter. */
    public String noticeText(Society society, Meeting meeting, String memberName) {
        var text = new StringBuilder();
        text.append("Dear ").append(memberName).append(",\n\n");
        text.append("Notice is given that ").append(kind(meeting)).append(" of ").append(society.name()).append(" will be held on ")
                .append(DAY.format(meeting.startsAt())).append(" at ").append(TIME.format(meeting.startsAt()).toLowerCase(Locale.UK))
                .append(".\n\n");
        text.append(where(meeting)).append("\n\n");
        text.append("Agenda\n").append(meeting.agenda().strip()).append("\n\n");
        text.append("Members on the register at the end of ").append(DATE.format(meeting.recordDate()))
                .append(" may vote at the meeting.\n\n");
        text.append("The notice and the meeting papers: ").append(link(society, meeting)).append("\n\n");
        text.append("The Secretary, ").append(society.name()).append("\n").append(society.registeredOffice()).append("\n");
        return text.toString();
    }

    static String kind(Meeting meeting) {
        return meeting.kind() == MeetingKind.AGM ? "the annual general meeting" : "a general meeting";
    }

    static String where(Meeting meeting) {
        boolean inPerson = meeting.place() != null && !meeting.place().isBlank();
        boolean online = meeting.onlineLink() != null && !meeting.onlineLink().isBlank();
        if (inPerson && online) {
            return "Place: " + meeting.place() + ", and online at " + meeting.onlineLink();
        }
        return inPerson ? "Place: " + meeting.place() : "Online at " + meeting.onlineLink();
    }

    public CalendarInvitation invitation(Society society, Meeting meeting, Member member) {
        String location = meeting.place() != null && !meeting.place().isBlank() ? meeting.place() : meeting.onlineLink();
        String url = meeting.onlineLink() != null && !meeting.onlineLink().isBlank() ? meeting.onlineLink() : link(society, meeting);
        return new CalendarInvitation(uid(meeting), meeting.title() + " – " + society.name(),
                "Agenda:\n" + meeting.agenda().strip() + "\n\nNotice: " + link(society, meeting), meeting.startsAt(),
                meeting.endsAt(), location, url, society.name(), address(from), member.name(), member.email(), clock.instant());
    }

    /** Stable per meeting, so every notice and reminder is the same calendar entry. */
    String uid(Meeting meeting) {
        String host = URI.create(urls.link("/")).getHost();
        return "meeting-" + meeting.id() + "@" + (host == null ? "cooperage" : host);
    }

    /** The bare address of "Name <address>". */
    static String address(String from) {
        int lt = from.indexOf('<');
        int gt = from.indexOf('>');
        return lt >= 0 && gt > lt ? from.substring(lt + 1, gt).strip() : from.strip();
    }
}
