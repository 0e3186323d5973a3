package coop.cooperage.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CalendarInvitationTest {

    private static CalendarInvitation invitation(String title, String place) {
        return new CalendarInvitation("meeting-42@coop.example", title, "Agenda:\n1. Accounts; 2. Directors, elections",
                LocalDateTime.of(2026, 7, 9, 19, 30), null, place, "https://coop.example/s/riverside/notices/42",
                "Riverside Community Energy", "no-reply@coop.example", "Ann \"Nan\" O'Neil", "ann@example.org",
                Instant.parse("2026-06-01T09:15:00Z"));
    }

    @Test
    void isAnItipRequestWithAStableUidLocalTimesAndTheLondonZone() {
        String ics = invitation("Annual general meeting", "Village Hall, Quay St").text();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics).contains("\r\nMETHOD:REQUEST\r\n", "\r\nVERSION:2.0\r\n", "\r\nUID:meeting-42@coop.example\r\n");
        assertThat(ics).contains("\r\nDTSTART;TZID=Europe/London:20260709T193000\r\n");
        // no end given: two hours
        assertThat(ics).contains("\r\nDTEND;TZID=Europe/London:20260709T213000\r\n");
        assertThat(ics).contains("\r\nDTSTAMP:20260601T091500Z\r\n");
        assertThat(ics).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n", "TZOFFSETTO:+0100", "BYDAY=-1SU", "END:VTIMEZONE");
        assertThat(ics).contains("\r\nURL:https://coop.example/s/riverside/notices/42\r\n");
        assertThat(ics.indexOf("BEGIN:VEVENT")).isGreaterThan(ics.indexOf("END:VTIMEZONE"));
    }

    @Test
    void escapesTextAndQuotesParameters() {
        String ics = unfold(invitation("AGM; vote, and more", "Hall\\Room 2, Quay St").text());
        assertThat(ics).contains("\r\nSUMMARY:AGM\\; vote\\, and more\r\n");
        assertThat(ics).contains("\r\nLOCATION:Hall\\\\Room 2\\, Quay St\r\n");
        assertThat(ics).contains("\r\nDESCRIPTION:Agenda:\\n1. Accounts\\; 2. Directors\\, elections\r\n");
        // a double quote cannot appear in a parameter value at all
        assertThat(ics).contains("ATTENDEE;CN=\"Ann Nan O'Neil\";ROLE=REQ-PARTICIPANT");
        assertThat(ics).contains("ORGANIZER;CN=\"Riverside Community Energy\":mailto:no-reply@coop.example");
    }

    @Test
    void foldsLongLinesAtSeventyFiveOctetsWithoutSplittingACharacter() {
        String title = "Special general meeting about the transfer of engagements to Hilltop Hydro — ½ of members’ vote ".repeat(3);
        String ics = invitation(title, "Hall").text();
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics).doesNotContain("\uFFFD");
        String unfolded = unfold(ics);
        assertThat(unfolded).contains("SUMMARY:" + CalendarInvitation.text(title) + "\r\n");
        assertThat(Arrays.stream(ics.split("\r\n")).filter(l -> l.startsWith(" ")).count()).isGreaterThan(2);
    }

    @Test
    void aLineOfExactlySeventyFiveOctetsIsNotFolded() {
        var out = new StringBuilder();
        CalendarInvitation.line(out, "X".repeat(75));
        assertThat(out.toString()).isEqualTo("X".repeat(75) + "\r\n");
        out.setLength(0);
        CalendarInvitation.line(out, "X".repeat(76));
        assertThat(out.toString()).isEqualTo("X".repeat(75) + "\r\n X\r\n");
    }

    @Test
    void keepsTheGivenEndWhenItIsAfterTheStart() {
        var i = new CalendarInvitation("u", "s", null, LocalDateTime.of(2026, 1, 10, 10, 0), LocalDateTime.of(2026, 1, 10, 11, 15),
                null, null, null, null, null, null, Instant.EPOCH);
        assertThat(i.text()).contains("DTEND;TZID=Europe/London:20260110T111500").doesNotContain("LOCATION").doesNotContain("ATTENDEE");
    }

    private static String unfold(String ics) {
        return ics.replace("\r\n ", "");
    }
}
