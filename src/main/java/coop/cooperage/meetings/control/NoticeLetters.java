package coop.cooperage.meetings.control;

import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.members.entity.Member;
import coop.cooperage.reporting.control.ReportRenderer;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The notice as printed letters for the members given notice by post: one PDF, one page per
 * member in member-number order, read from the database in batches and filled with pages swapped
 * to disk, so a register of tens of thousands prints in bounded memory. Printing again prints the
 * same members (those recorded as given notice by letter), with their address as it is now.
 */
@ApplicationScoped
public class NoticeLetters {

    public static final String REPORT = "meetings/noticeLetters";
    static final int BATCH = 500;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    @PersistenceContext
    EntityManager em;

    @Inject
    ReportRenderer renderer;

    @Inject
    Notices notices;

    @Inject
    Clock clock;

    public void write(Society society, Meeting meeting, OutputStream out) {
        var parameters = Map.of("SOCIETY_NAME", society.name(), "BRAND_COLOUR", society.brandColour(),
                "REGISTERED_OFFICE", society.registeredOffice(), "MEETING_TITLE", meeting.title(),
                "LETTER_DATE", meeting.noticeSentOn() == null ? "" : DATE.format(meeting.noticeSentOn()),
                "GENERATED_AT", STAMP.format(LocalDateTime.now(clock.withZone(coop.cooperage.platform.control.Clocks.UK))));
        renderer.writePdf(REPORT, parameters, rows(society, meeting, false), ReportRenderer.Fill.SWAP_TO_DISK, out);
    }

    /**
     * The reminder as letters, for the members given notice by post who are still members: the
     * letter counterpart of the email reminder ({@link Reminders}), dated today, with the same words.
     */
    public void writeReminders(Society society, Meeting meeting, OutputStream out) {
        var now = LocalDateTime.now(clock.withZone(coop.cooperage.platform.control.Clocks.UK));
        var parameters = Map.of("SOCIETY_NAME", society.name(), "BRAND_COLOUR", society.brandColour(),
                "REGISTERED_OFFICE", society.registeredOffice(), "MEETING_TITLE", meeting.title(),
                "HEADING", "Reminder: " + meeting.title(), "LETTER_DATE", DATE.format(now.toLocalDate()),
                "GENERATED_AT", STAMP.format(now));
        renderer.writePdf(REPORT, parameters, rows(society, meeting, true), ReportRenderer.Fill.SWAP_TO_DISK, out);
    }

    /** The words of a reminder, by email or letter. */
    static String reminderText(Notices notices, Society society, Meeting meeting, String name) {
        return "This is a reminder of the meeting you were given notice of on " + meeting.noticeSentOn() + ".\n\n"
                + notices.noticeText(society, meeting, name);
    }

    Iterator<Map<String, String>> rows(Society society, Meeting meeting, boolean reminder) {
        var today = LocalDateTime.now(clock.withZone(coop.cooperage.platform.control.Clocks.UK)).toLocalDate();
        return new Iterator<>() {
            private final ArrayDeque<Map<String, String>> buffer = new ArrayDeque<>();
            private long after = 0;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (buffer.isEmpty() && !exhausted) {
                    fill();
                }
                return !buffer.isEmpty();
            }

            @Override
            public Map<String, String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.poll();
            }

            private void fill() {
                List<Member> batch = em.createQuery("select m from Member m where m.societyId = :s and m.memberNumber > :after and m.id in"
                        + " (select n.memberId from MeetingNotice n where n.meetingId = :meeting and n.channel = 'LETTER')"
                        + " order by m.memberNumber", Member.class)
                        .setParameter("s", society.id()).setParameter("meeting", meeting.id()).setParameter("after", after)
                        .setMaxResults(BATCH).getResultList();
                exhausted = batch.size() < BATCH;
                for (Member m : batch) {
                    after = m.memberNumber();
                    if (reminder && m.ceasedOn() != null && !m.ceasedOn().isAfter(today)) {
                        continue; // no longer a member: not reminded, as by email
                    }
                    String name = m.representative() == null || m.representative().isBlank() ? m.name()
                            : m.representative() + "\n" + m.name();
                    buffer.add(Map.of("name", name, "address", m.address() + "\n" + m.postcode().value(),
                            "memberNumber", String.valueOf(m.memberNumber()),
                            "body", reminder ? reminderText(notices, society, meeting, m.name())
                                    : notices.noticeText(society, meeting, m.name())));
                }
                em.clear();
            }
        };
    }
}
