package coop.cooperage.meetings.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The iCalendar (RFC 5545) invitation sent with an emailed notice of a general meeting, as an
 * iTIP request (RFC 5546, METHOD:REQUEST) so that mail programs offer to add it to the calendar.
 *
 * <p>The UID is the meeting's, so a notice re-sent or a reminder for the same meeting updates one
 * calendar entry instead of adding another. Times are local Europe/London wall-clock times with a
 * TZID and the zone's VTIMEZONE definition, as the notice prints them; a meeting with no end time
 * is shown as two hours long (a calendar entry needs an end; the notice says only when it starts).
 *
 * @param uid          stable per meeting, e.g. "meeting-42@coop.example"
 * @param organiserName the society, shown as the organiser
 * @param organiserEmail the address mail is sent from; a calendar needs an organiser for a REQUEST
 * @param attendeeName  the member, may be null
 * @param attendeeEmail the member's address
 */
public record CalendarInvitation(String uid, String summary, String description, LocalDateTime startsAt, LocalDateTime endsAt,
        String location, String url, String organiserName, String organiserEmail, String attendeeName, String attendeeEmail,
        Instant stamp) {

    static final String ZONE = "Europe/London";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final int MAX_OCTETS = 75;

    public CalendarInvitation {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(stamp, "stamp");
    }

    public LocalDateTime end() {
        return endsAt != null && endsAt.isAfter(startsAt) ? endsAt : startsAt.plusHours(2);
    }

    /** The whole calendar object, lines folded at 75 octets and ended by CRLF as RFC 5545 requires. */
    public String text() {
        var out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:-//Cooperage//Meetings//EN");
        line(out, "VERSION:2.0");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:REQUEST");
        // Europe/London since 1996: BST from the last Sunday of March at 01:00 UTC to the last Sunday of October
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + ZONE);
        line(out, "BEGIN:DAYLIGHT");
        line(out, "TZOFFSETFROM:+0000");
        line(out, "TZOFFSETTO:+0100");
        line(out, "TZNAME:BST");
        line(out, "DTSTART:19810329T010000");
        line(out, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        line(out, "END:DAYLIGHT");
        line(out, "BEGIN:STANDARD");
        line(out, "TZOFFSETFROM:+0100");
        line(out, "TZOFFSETTO:+0000");
        line(out, "TZNAME:GMT");
        line(out, "DTSTART:19961027T020000");
        line(out, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        line(out, "END:STANDARD");
        line(out, "END:VTIMEZONE");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + text(uid));
        line(out, "SEQUENCE:0");
        line(out, "DTSTAMP:" + LOCAL.format(LocalDateTime.ofInstant(stamp, ZoneOffset.UTC)) + "Z");
        line(out, "DTSTART;TZID=" + ZONE + ":" + LOCAL.format(startsAt));
        line(out, "DTEND;TZID=" + ZONE + ":" + LOCAL.format(end()));
        line(out, "SUMMARY:" + text(summary));
        if (location != null && !location.isBlank()) {
            line(out, "LOCATION:" + text(location));
        }
        if (description != null && !description.isBlank()) {
            line(out, "DESCRIPTION:" + text(description));
        }
        if (url != null && !url.isBlank()) {
            // URL is a URI value, not TEXT: no backslash escaping
            line(out, "URL:" + url.strip());
        }
        if (organiserEmail != null && !organiserEmail.isBlank()) {
            line(out, "ORGANIZER" + cn(organiserName) + ":mailto:" + organiserEmail.strip());
        }
        if (attendeeEmail != null && !attendeeEmail.isBlank()) {
            line(out, "ATTENDEE" + cn(attendeeName) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:"
                    + attendeeEmail.strip());
        }
        line(out, "STATUS:CONFIRMED");
        line(out, "TRANSP:OPAQUE");
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped; line breaks as \n. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n");
    }

    /**
     * A CN parameter. Parameter values cannot be escaped, only quoted, and cannot hold a double
     * quote at all (RFC 5545 3.2), so quotes and control characters are dropped and the value quoted.
     */
    static String cn(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String clean = name.replaceAll("[\"\\p{Cntrl}]", "").strip();
        return ";CN=\"" + clean + "\"";
    }

    /**
     * Appends one content line, folded (RFC 5545 3.1): no line longer than 75 octets of UTF-8,
     * continued on the next line after CRLF and a space, never splitting a character.
     */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
