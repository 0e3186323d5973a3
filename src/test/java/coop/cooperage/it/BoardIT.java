package coop.cooperage.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Notice of general meetings (email with iCalendar, letters, reminders) and board decisions, end to end. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BoardIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(
            Integer.getInteger("coop.it.smtp.port", 33025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.application();
    }

    @ArquillianResource
    URL url;

    private World world() {
        return new World(Deployments.loopback(url), MAIL);
    }

    private static long member(Http secretary, String slug, String name, String email, String purposes) {
        var created = secretary.postJson("/api/v1/societies/" + slug + "/members", """
                {"member":{"kind":"INDIVIDUAL","name":"%s","address":"1 High Street\\nBristol","postcode":"BS1 4RW",%s
                 "emailPurposes":%s,"dateOfBirth":"1970-01-01"},"joinedOn":"2020-01-01"}""".formatted(name,
                email == null ? "" : "\"email\":\"" + email + "\",", purposes));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).getJsonNumber("memberNumber").longValue();
    }

    /** Meetings belong to another area; here they are made in the database, as a draft. */
    private static long meeting(String slug, String title, LocalDateTime startsAt) throws Exception {
        try (var c = DriverManager.getConnection(System.getenv("COOP_DB_URL"), "cooperage", "cooperage");
                var st = c.prepareStatement("INSERT INTO meeting (society_id, kind, title, starts_at, place, online_link, agenda,"
                        + " record_date, state, created_at) SELECT id, 'AGM', ?, ?, 'Village Hall, Quay Street', NULL,"
                        + " '1. Accounts\n2. Election of directors', ?, 'DRAFT', NOW(6) FROM society WHERE slug = ?",
                        Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, title);
            st.setObject(2, startsAt);
            st.setObject(3, startsAt.toLocalDate().minusDays(7));
            st.setString(4, slug);
            st.executeUpdate();
            var keys = st.getGeneratedKeys();
            keys.next();
            return keys.getLong(1);
        }
    }

    private static Object one(String sql, Object... args) throws Exception {
        try (var c = DriverManager.getConnection(System.getenv("COOP_DB_URL"), "cooperage", "cooperage");
                var st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            if (!sql.startsWith("SELECT")) {
                return st.executeUpdate();
            }
            var rs = st.executeQuery();
            rs.next();
            return rs.getObject(1);
        }
    }

    private static String calendarPart(MimeMessage message) throws Exception {
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        var multipart = (Multipart) message.getContent();
        assertThat(multipart.getCount()).isEqualTo(2);
        assertThat(multipart.getBodyPart(0).getContentType()).startsWith("text/plain");
        var calendar = multipart.getBodyPart(1);
        assertThat(calendar.getContentType()).contains("text/calendar").contains("method=REQUEST");
        var out = new ByteArrayOutputStream();
        calendar.getDataHandler().writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String textPart(MimeMessage message) throws Exception {
        return (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
    }

    @Test
    void noticeGoesByEmailWithAnInvitationToThoseWhoAgreedAndByLetterToEveryoneElseOnce() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "bn-notice", "GREAT_BRITAIN");
        member(admin, "bn-notice", "Alys Email", "alys@bn.example", "[\"NOTICES\"]");
        member(admin, "bn-notice", "Bryn Newsonly", "bryn@bn.example", "[\"NEWS\"]");
        member(admin, "bn-notice", "Carys Post", null, "[]");
        LocalDateTime startsAt = TODAY.plusDays(30).atTime(19, 30);
        long id = meeting("bn-notice", "Annual general meeting 2026", startsAt);

        var status = Http.json(admin.get("/api/v1/societies/bn-notice/notices/" + id));
        assertThat(status.getString("state")).isEqualTo("DRAFT");
        assertThat(status.getInt("clearDaysRequired")).isEqualTo(14);

        var sent = admin.postJson("/api/v1/societies/bn-notice/notices/" + id, "{}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(Http.json(sent).getInt("emailed")).isEqualTo(1);
        assertThat(Http.json(sent).getInt("letters")).isEqualTo(2);
        assertThat(Http.json(sent).getString("noticeSentOn")).isEqualTo(TODAY.toString());
        assertThat(one("SELECT state FROM meeting WHERE id = ?", id)).isEqualTo("NOTICED");

        MimeMessage mail = world.lastMailTo("alys@bn.example", "Notice of Annual general meeting 2026");
        String text = textPart(mail);
        assertThat(text).contains("Dear Alys Email", "Village Hall, Quay Street", "1. Accounts", "may vote at the meeting",
                "/s/bn-notice/notices/" + id);
        String ics = calendarPart(mail);
        assertThat(ics).contains("METHOD:REQUEST", "BEGIN:VTIMEZONE", "TZID:Europe/London", "UID:meeting-" + id + "@127.0.0.1",
                "DTSTART;TZID=Europe/London:" + startsAt.toLocalDate().toString().replace("-", "") + "T193000",
                "LOCATION:Village Hall\\, Quay Street", "mailto:alys@bn.example");
        assertThat(ics).contains("\r\n");

        // again: nobody is emailed twice and no new letters
        var again = admin.postJson("/api/v1/societies/bn-notice/notices/" + id, "{}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Http.json(again).getInt("emailed")).isZero();
        assertThat(Http.json(again).getInt("letters")).isZero();
        assertThat(Http.json(again).getBoolean("firstSending")).isFalse();
        // a member admitted since is given notice by the next sending, and only they
        member(admin, "bn-notice", "Dafydd Late", "dafydd@bn.example", "[\"NOTICES\"]");
        var topUp = Http.json(admin.postJson("/api/v1/societies/bn-notice/notices/" + id, "{}"));
        assertThat(topUp.getInt("emailed")).isEqualTo(1);
        world.lastMailTo("dafydd@bn.example", "Notice of");
        assertThat(world.mailCountTo("alys@bn.example", "Notice of")).isEqualTo(1);
        assertThat(world.mailCountTo("bryn@bn.example", "Notice of")).isZero();

        var pdf = admin.getBytes("/api/v1/societies/bn-notice/notices/" + id + "/letters.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        try (var doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            var stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(doc);
            assertThat(first).contains("Bryn Newsonly", "BS1 4RW", "Notice of Annual general meeting 2026", "Dear Bryn Newsonly")
                    .doesNotContain("Carys");
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(doc)).contains("Carys Post").doesNotContain("Alys");
        }
        var counts = Http.json(admin.get("/api/v1/societies/bn-notice/notices/" + id));
        assertThat(counts.getInt("emailed")).isEqualTo(2);
        assertThat(counts.getInt("letters")).isEqualTo(2);
        var audit = admin.get("/api/v1/societies/bn-notice/audit?action=meeting.notice-sent");
        assertThat(audit.body()).contains("meeting.notice-sent").contains("\\\"emailed\\\":1");
    }

    @Test
    void noticeThatWouldGiveTooFewClearDaysIsRefusedAndChangesNothing() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "bn-late", "GREAT_BRITAIN");
        member(admin, "bn-late", "Alys Email", "alys@bn-late.example", "[\"NOTICES\"]");
        // 14 clear days by default: a meeting 14 days away gives only 13 (neither today nor the day counts)
        long tooSoon = meeting("bn-late", "Special meeting", TODAY.plusDays(14).atTime(18, 0));
        var refused = admin.postJson("/api/v1/societies/bn-late/notices/" + tooSoon, "{}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Too late to give notice", "gives 13 clear days but the rules require 14",
                TODAY.plusDays(15).toString());
        assertThat(one("SELECT state FROM meeting WHERE id = ?", tooSoon)).isEqualTo("DRAFT");
        assertThat(((Number) one("SELECT COUNT(*) FROM meeting_notice WHERE meeting_id = ?", tooSoon)).intValue()).isZero();
        // one day later is exactly enough
        long justInTime = meeting("bn-late", "Special meeting", TODAY.plusDays(15).atTime(18, 0));
        var sent = admin.postJson("/api/v1/societies/bn-late/notices/" + justInTime, "{}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    }

    @Test
    void remindersGoOncePerMemberWithinTheReminderPeriod() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "bn-remind", "GREAT_BRITAIN");
        member(admin, "bn-remind", "Alys Email", "alys@bn-remind.example", "[\"NOTICES\"]");
        member(admin, "bn-remind", "Carys Post", null, "[]");
        long id = meeting("bn-remind", "Autumn general meeting", TODAY.plusDays(30).atTime(19, 0));
        assertThat(admin.postJson("/api/v1/societies/bn-remind/notices/" + id, "{}").statusCode()).isEqualTo(200);
        world.lastMailTo("alys@bn-remind.example", "Notice of");
        // 30 days away: nothing due yet
        assertThat(Http.json(admin.postJson("/api/v1/societies/bn-remind/notices/reminder-runs", "{}")).getInt("reminded")).isZero();
        // time passes: the meeting is now 5 days away
        one("UPDATE meeting SET starts_at = ? WHERE id = ?", TODAY.plusDays(5).atTime(19, 0), id);
        // the reminder period is the society's rule: at 3 days, 5 days away is not yet due
        var shorter = admin.patchJson("/api/v1/societies/bn-remind/settings", "{\"meetingReminderDays\":3}");
        assertThat(shorter.statusCode()).as(shorter.body()).isEqualTo(200);
        var notYet = Http.json(admin.postJson("/api/v1/societies/bn-remind/notices/reminder-runs", "{}"));
        assertThat(notYet.getInt("reminded")).isZero();
        assertThat(notYet.getInt("reminderDays")).isEqualTo(3);
        // nor are the reminder letters for those given notice by post
        var early = admin.getBytes("/api/v1/societies/bn-remind/notices/" + id + "/reminder-letters.pdf");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(new String(early.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("not due yet");
        assertThat(admin.get("/s/bn-remind/notices/" + id).body()).doesNotContain("reminder-letters.pdf");
        var bad = admin.patchJson("/api/v1/societies/bn-remind/settings", "{\"meetingReminderDays\":-1}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("meetingReminderDays");
        assertThat(admin.patchJson("/api/v1/societies/bn-remind/settings", "{\"meetingReminderDays\":7}").statusCode()).isEqualTo(200);
        var run = Http.json(admin.postJson("/api/v1/societies/bn-remind/notices/reminder-runs", "{}"));
        assertThat(run.getInt("reminded")).isEqualTo(1);
        assertThat(run.getInt("reminderDays")).isEqualTo(7);
        assertThat(Http.json(admin.postJson("/api/v1/societies/bn-remind/notices/reminder-runs", "{}")).getInt("reminded")).isZero();
        MimeMessage reminder = world.lastMailTo("alys@bn-remind.example", "Reminder: Autumn general meeting");
        assertThat(textPart(reminder)).contains("This is a reminder", "Dear Alys Email");
        assertThat(calendarPart(reminder)).contains("UID:meeting-" + id + "@127.0.0.1");
        assertThat(world.mailCountTo("alys@bn-remind.example", "Reminder:")).isEqualTo(1);
        assertThat(Http.json(admin.get("/api/v1/societies/bn-remind/notices/" + id)).getInt("reminded")).isEqualTo(1);
        // Carys, given notice by letter, is not emailed: her reminder letter is ready for the secretary to print
        String letters = "/s/bn-remind/notices/" + id + "/reminder-letters.pdf";
        assertThat(admin.get("/s/bn-remind/notices/" + id).body()).contains("href=\"" + letters + "\"");
        for (String path : java.util.List.of(letters, "/api/v1/societies/bn-remind/notices/" + id + "/reminder-letters.pdf")) {
            var pdf = admin.getBytes(path);
            assertThat(pdf.statusCode()).as(path).isEqualTo(200);
            try (var doc = Loader.loadPDF(pdf.body())) {
                assertThat(doc.getNumberOfPages()).isEqualTo(1);
                assertThat(new PDFTextStripper().getText(doc)).contains("Reminder: Autumn general meeting", "Carys Post",
                        "This is a reminder of the meeting you were given notice of", "Dear Carys Post").doesNotContain("Alys");
            }
        }
    }

    @Test
    void onlyTheSecretarySendsNoticeAndOtherSocietiesSeeNothing() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "bn-roles", "GREAT_BRITAIN");
        world.society(admin, "bn-other", "GREAT_BRITAIN");
        long id = meeting("bn-roles", "AGM", TODAY.plusDays(40).atTime(19, 0));
        var member = world.person(admin, "bn-roles", "member@bn-roles.example", "MEMBER");
        var director = world.person(admin, "bn-roles", "director@bn-roles.example", "DIRECTOR");
        var outsider = world.person(admin, "bn-other", "secretary@bn-other.example", "SECRETARY");
        assertThat(member.postJson("/api/v1/societies/bn-roles/notices/" + id, "{}").statusCode()).isEqualTo(403);
        assertThat(director.postJson("/api/v1/societies/bn-roles/notices/" + id, "{}").statusCode()).isEqualTo(403);
        assertThat(director.get("/api/v1/societies/bn-roles/notices/" + id).statusCode()).isEqualTo(200);
        assertThat(outsider.postJson("/api/v1/societies/bn-roles/notices/" + id, "{}").statusCode()).isEqualTo(404);
        // a meeting of another society is not found from this one
        assertThat(outsider.postJson("/api/v1/societies/bn-other/notices/" + id, "{}").statusCode()).isEqualTo(404);
        assertThat(member.get("/api/v1/societies/bn-roles/board/items").statusCode()).isEqualTo(403);
        assertThat(outsider.get("/api/v1/societies/bn-roles/board/items").statusCode()).isEqualTo(404);
        assertThat(one("SELECT state FROM meeting WHERE id = ?", id)).isEqualTo("DRAFT");
    }

    /** Three directors whose entries in the register of officers the secretary linked to their accounts, and a secretary. */
    private record Board(Http secretary, Http dana, Http eli, Http fay, long danaId, long eliId, long fayId) {
    }

    private Board board(World world, String slug) {
        var admin = world.admin();
        world.society(admin, slug, "GREAT_BRITAIN");
        var secretary = world.person(admin, slug, "sec@" + slug + ".example", "SECRETARY");
        var dana = world.person(admin, slug, "dana@" + slug + ".example", "DIRECTOR");
        var eli = world.person(admin, slug, "eli@" + slug + ".example", "DIRECTOR");
        var fay = world.person(admin, slug, "fay@" + slug + ".example", "DIRECTOR");
        return new Board(secretary, dana, eli, fay, link(secretary, slug, appoint(secretary, slug, "dana"), "dana@" + slug + ".example"),
                link(secretary, slug, appoint(secretary, slug, "eli"), "eli@" + slug + ".example"),
                link(secretary, slug, appoint(secretary, slug, "fay"), "fay@" + slug + ".example"));
    }

    private static long link(Http secretary, String slug, long appointment, String email) {
        var r = secretary.postJson("/api/v1/societies/" + slug + "/board/directors/" + appointment + "/account",
                "{\"email\":\"" + email + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return appointment;
    }

    private static long appoint(Http secretary, String slug, String name) {
        var r = secretary.postJson("/api/v1/societies/" + slug + "/officers",
                "{\"office\":\"DIRECTOR\",\"name\":\"" + name + "\",\"appointedOn\":\"2024-01-01\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r).getJsonNumber("id").longValue();
    }

    @Test
    void aConflictedDirectorCannotVoteAndTheItemIsCarriedByTheOthers() {
        var world = world();
        var b = board(world, "bd-meet");
        var directors = Http.jsonArray(b.dana().get("/api/v1/societies/bd-meet/board/directors"));
        assertThat(directors).hasSize(3);
        var meeting = b.secretary().postJson("/api/v1/societies/bd-meet/board/meetings", """
                {"heldOn":"%s","place":"The Old Boathouse","present":[%d,%d,%d]}""".formatted(TODAY, b.danaId(), b.eliId(), b.fayId()));
        assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(201);
        long meetingId = Http.json(meeting).getJsonNumber("id").longValue();
        var item = b.dana().postJson("/api/v1/societies/bd-meet/board/meetings/" + meetingId + "/items",
                "{\"text\":\"To contract Fay's firm to maintain the panels\"}");
        assertThat(item.statusCode()).as(item.body()).isEqualTo(201);
        long itemId = Http.json(item).getJsonNumber("id").longValue();
        String votes = "/api/v1/societies/bd-meet/board/items/" + itemId + "/votes";

        var declared = b.fay().postJson("/api/v1/societies/bd-meet/board/items/" + itemId + "/conflicts",
                "{\"director\":%d,\"interest\":\"Fay owns the maintenance firm\"}".formatted(b.fayId()));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        var refused = b.fay().postJson(votes, "{\"director\":%d,\"choice\":\"FOR\"}".formatted(b.fayId()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("fay declared a conflict of interest in this item and cannot vote on it");
        // nor may the secretary record a vote for her
        assertThat(b.secretary().postJson(votes, "{\"director\":%d,\"choice\":\"FOR\"}".formatted(b.fayId())).statusCode()).isEqualTo(400);
        // a director votes only for themselves
        assertThat(b.dana().postJson(votes, "{\"director\":%d,\"choice\":\"FOR\"}".formatted(b.eliId())).statusCode()).isEqualTo(403);
        assertThat(b.dana().postJson(votes, "{\"director\":%d,\"choice\":\"FOR\"}".formatted(b.danaId())).statusCode()).isEqualTo(200);
        var twice = b.dana().postJson(votes, "{\"director\":%d,\"choice\":\"AGAINST\"}".formatted(b.danaId()));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("dana has already voted on this item");
        // the secretary minutes Eli's vote
        assertThat(b.secretary().postJson(votes, "{\"director\":%d,\"choice\":\"FOR\"}".formatted(b.eliId())).statusCode()).isEqualTo(200);

        var result = b.dana().postJson("/api/v1/societies/bd-meet/board/items/" + itemId + "/result", "{}");
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        JsonObject decided = Http.json(result);
        assertThat(decided.getString("state")).isEqualTo("CARRIED");
        assertThat(decided.getInt("votesFor")).isEqualTo(2);
        assertThat(decided.getInt("votesAgainst")).isZero();
        assertThat(decided.getString("decidedOn")).isEqualTo(TODAY.toString());
        assertThat(b.eli().postJson(votes, "{\"director\":%d,\"choice\":\"AGAINST\"}".formatted(b.eliId())).statusCode()).isEqualTo(409);
        var audit = b.secretary().get("/api/v1/societies/bd-meet/audit?action=board.vote-recorded");
        assertThat(Http.jsonArray(audit)).hasSize(2);
        assertThat(b.secretary().get("/api/v1/societies/bd-meet/audit?action=board.conflict-declared").body()).contains("maintenance firm");
    }

    @Test
    void anItemWithoutAQuorumOfUnconflictedDirectorsCannotBeDeclared() {
        var world = world();
        var b = board(world, "bd-quorum");
        long meetingId = Http.json(b.secretary().postJson("/api/v1/societies/bd-quorum/board/meetings", """
                {"heldOn":"%s","place":"Online","present":[%d,%d]}""".formatted(TODAY, b.danaId(), b.fayId())))
                .getJsonNumber("id").longValue();
        long itemId = Http.json(b.secretary().postJson("/api/v1/societies/bd-quorum/board/meetings/" + meetingId + "/items",
                "{\"text\":\"To buy Fay's van\"}")).getJsonNumber("id").longValue();
        b.fay().postJson("/api/v1/societies/bd-quorum/board/items/" + itemId + "/conflicts",
                "{\"director\":%d,\"interest\":\"Her van\"}".formatted(b.fayId()));
        // Eli was not there
        var absent = b.eli().postJson("/api/v1/societies/bd-quorum/board/items/" + itemId + "/votes",
                "{\"director\":%d,\"choice\":\"FOR\"}".formatted(b.eliId()));
        assertThat(absent.statusCode()).isEqualTo(400);
        assertThat(absent.body()).contains("not recorded as present");
        b.dana().postJson("/api/v1/societies/bd-quorum/board/items/" + itemId + "/votes", "{\"director\":%d,\"choice\":\"FOR\"}"
                .formatted(b.danaId()));
        var declare = b.secretary().postJson("/api/v1/societies/bd-quorum/board/items/" + itemId + "/result", "{}");
        assertThat(declare.statusCode()).isEqualTo(400);
        assertThat(declare.body()).contains("not quorate", "quorum is 2");
        assertThat(Http.json(b.secretary().get("/api/v1/societies/bd-quorum/board/items/" + itemId)).getString("state")).isEqualTo("OPEN");

        // the lists show each meeting and item exactly as its own page of the API does
        var meetings = Http.jsonArray(b.secretary().get("/api/v1/societies/bd-quorum/board/meetings"));
        assertThat(meetings).hasSize(1);
        assertThat(meetings.getJsonObject(0)).isEqualTo(Http.json(b.secretary().get("/api/v1/societies/bd-quorum/board/meetings/"
                + meetingId)));
        assertThat(meetings.getJsonObject(0).getJsonArray("items").getJsonObject(0).getJsonArray("conflicts")).hasSize(1);
        var items = Http.jsonArray(b.secretary().get("/api/v1/societies/bd-quorum/board/items"));
        assertThat(items.getJsonObject(0)).isEqualTo(Http.json(b.secretary().get("/api/v1/societies/bd-quorum/board/items/" + itemId)));

        // the board quorum is the society's rule, set on the settings page (and audited): at 1, Dana alone decides
        var settings = b.secretary().get("/s/bd-quorum/settings");
        assertThat(settings.body()).contains("Board quorum");
        var fields = formFields(settings.body());
        assertThat(fields).containsEntry("boardQuorum", "2").containsEntry("meetingReminderDays", "7");
        fields.put("boardQuorum", "0");
        var refused = b.secretary().submit("/s/bd-quorum/settings", "/s/bd-quorum/settings", fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("govuk-error-summary").contains("The board quorum must be between 1 and 100 directors");
        fields.put("boardQuorum", "1");
        var saved = b.secretary().submit("/s/bd-quorum/settings", "/s/bd-quorum/settings", fields);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(b.secretary().get("/api/v1/societies/bd-quorum/audit?action=society.rules-changed").body())
                .contains("boardQuorum");
        var declared = b.secretary().postJson("/api/v1/societies/bd-quorum/board/items/" + itemId + "/result", "{}");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        assertThat(Http.json(b.secretary().get("/api/v1/societies/bd-quorum/board/items/" + itemId)).getString("state"))
                .isEqualTo("CARRIED");
    }

    /** The values a form would post as it stands: text inputs, ticked boxes and chosen options. */
    private static java.util.Map<String, String> formFields(String html) {
        var form = org.jsoup.Jsoup.parse(html).select("form:has(input[name=boardQuorum])").first();
        var out = new java.util.LinkedHashMap<String, String>();
        form.select("input[type=text]").forEach(i -> out.put(i.attr("name"), i.attr("value")));
        form.select("input[type=checkbox][checked]").forEach(i -> out.put(i.attr("name"), i.attr("value")));
        form.select("select").forEach(sel -> out.put(sel.attr("name"), sel.select("option[selected]").attr("value")));
        return out;
    }

    @Test
    void aWrittenResolutionPassesOnlyWithEveryEligibleDirectorAndFailsOnOneRefusal() {
        var world = world();
        var b = board(world, "bd-written");
        var circulated = b.secretary().postJson("/api/v1/societies/bd-written/board/written-resolutions",
                "{\"text\":\"To allot 500 shares to the applicants listed in the schedule\"}");
        assertThat(circulated.statusCode()).as(circulated.body()).isEqualTo(201);
        long id = Http.json(circulated).getJsonNumber("id").longValue();
        assertThat(Http.json(circulated).getJsonArray("eligible")).hasSize(3);
        String votes = "/api/v1/societies/bd-written/board/items/" + id + "/votes";
        assertThat(b.fay().postJson("/api/v1/societies/bd-written/board/items/" + id + "/conflicts",
                "{\"director\":%d,\"interest\":\"Fay is one of the applicants\"}".formatted(b.fayId())).statusCode()).isEqualTo(200);
        var abstain = b.dana().postJson(votes, "{\"director\":%d,\"choice\":\"ABSTAIN\"}".formatted(b.danaId()));
        assertThat(abstain.statusCode()).isEqualTo(400);
        assertThat(Http.json(b.dana().postJson(votes, "{\"director\":%d,\"choice\":\"APPROVE\"}".formatted(b.danaId())))
                .getString("state")).isEqualTo("OPEN");
        var passed = Http.json(b.eli().postJson(votes, "{\"director\":%d,\"choice\":\"APPROVE\"}".formatted(b.eliId())));
        assertThat(passed.getString("state")).isEqualTo("PASSED");
        assertThat(passed.getInt("votesFor")).isEqualTo(2);

        long second = Http.json(b.dana().postJson("/api/v1/societies/bd-written/board/written-resolutions",
                "{\"text\":\"To suspend withdrawals for a year\"}")).getJsonNumber("id").longValue();
        String votes2 = "/api/v1/societies/bd-written/board/items/" + second + "/votes";
        b.dana().postJson(votes2, "{\"director\":%d,\"choice\":\"APPROVE\"}".formatted(b.danaId()));
        var failed = Http.json(b.eli().postJson(votes2, "{\"director\":%d,\"choice\":\"REFUSE\"}".formatted(b.eliId())));
        assertThat(failed.getString("state")).isEqualTo("FAILED");
        var late = b.fay().postJson(votes2, "{\"director\":%d,\"choice\":\"APPROVE\"}".formatted(b.fayId()));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("already decided");

        var recorded = b.secretary().postJson("/api/v1/societies/bd-written/board/decisions",
                "{\"text\":\"Allotment of 200 shares approved\",\"decidedOn\":\"%s\"}".formatted(TODAY));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(b.dana().postJson("/api/v1/societies/bd-written/board/decisions", "{\"text\":\"x\",\"decidedOn\":\"2026-01-01\"}")
                .statusCode()).isEqualTo(403);
        var all = Http.jsonArray(b.eli().get("/api/v1/societies/bd-written/board/items"));
        assertThat(all.stream().map(i -> i.asJsonObject().getString("state")).toList()).containsExactly("CARRIED", "FAILED", "PASSED");
        assertThat(b.secretary().get("/api/v1/societies/bd-written/audit?action=board.written-resolution-passed").body())
                .contains("board.written-resolution-passed");
    }

    @Test
    void theSecretarySendsNoticeFromThePageAndDirectorsActOnTheBoardPages() throws Exception {
        var world = world();
        var b = board(world, "bd-pages");
        member(b.secretary(), "bd-pages", "Alys Email", "alys@bd-pages.example", "[\"NOTICES\"]");
        long late = meeting("bd-pages", "Too soon", TODAY.plusDays(3).atTime(19, 0));
        var refused = b.secretary().submit("/s/bd-pages/notices/" + late, "/s/bd-pages/notices/" + late, Map.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Too late to give notice", "govuk-error-message");
        long id = meeting("bd-pages", "Annual general meeting", TODAY.plusDays(20).atTime(19, 0));
        var sent = b.secretary().submit("/s/bd-pages/notices/" + id, "/s/bd-pages/notices/" + id, Map.of());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        var page = b.secretary().get("/s/bd-pages/notices/" + id);
        assertThat(page.body()).contains("Sent on", "1 by email, with a calendar invitation", "0 by letter", "Download the letters to print",
                "Send notice to new members");
        world.lastMailTo("alys@bd-pages.example", "Notice of Annual general meeting");
        // a member reads the notice they were sent, without the secretary's controls
        var member = world.person(world.admin(), "bd-pages", "member@bd-pages.example", "MEMBER");
        var read = member.get("/s/bd-pages/notices/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Dear member", "Annual general meeting").doesNotContain("Send notice").doesNotContain("Sent so far");
        assertThat(member.get("/s/bd-pages/board").statusCode()).isEqualTo(403);

        // the secretary links a new director's entry to her sign-in from the board page
        long gwenId = appoint(b.secretary(), "bd-pages", "Gwen Hughes");
        world.person(world.admin(), "bd-pages", "gwen@bd-pages.example", "DIRECTOR");
        assertThat(b.dana().get("/s/bd-pages/board").body()).doesNotContain("Link a director to their sign-in");
        var unknown = b.secretary().submit("/s/bd-pages/board", "/s/bd-pages/board/directors",
                Map.of("linkDirector", "" + gwenId, "email", "nobody@bd-pages.example"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("invite them first");
        var linked = b.secretary().submit("/s/bd-pages/board", "/s/bd-pages/board/directors",
                Map.of("linkDirector", "" + gwenId, "email", "gwen@bd-pages.example"));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(303);
        assertThat(one("SELECT a.email FROM officer_appointment o JOIN account a ON a.id = o.account_id WHERE o.id = ?", gwenId))
                .isEqualTo("gwen@bd-pages.example");

        var index = b.dana().get("/s/bd-pages/board");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("dana, ", "eli, ", "fay", "href=\"/s/bd-pages/board\"");
        var held = b.dana().submit("/s/bd-pages/board", "/s/bd-pages/board/meetings", Map.of("heldOn-day", "" + TODAY.getDayOfMonth(),
                "heldOn-month", "" + TODAY.getMonthValue(), "heldOn-year", "" + TODAY.getYear(), "place", "The Old Boathouse",
                "present", "" + b.danaId()));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(303);
        String meetingPath = World.pathOf(held.headers().firstValue("Location").orElseThrow());
        var added = b.dana().submit(meetingPath, meetingPath + "/items", Map.of("text", "To insure the turbine"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        String itemPath = World.pathOf(added.headers().firstValue("Location").orElseThrow());
        var declared = b.dana().submit(itemPath, itemPath + "/conflicts",
                Map.of("conflictDirector", "" + b.danaId(), "interest", "Dana works for the insurer"));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(303);
        var voted = b.dana().submit(itemPath, itemPath + "/votes", Map.of("director", "" + b.danaId(), "choice", "FOR"));
        assertThat(voted.statusCode()).isEqualTo(400);
        assertThat(voted.body()).contains("dana declared a conflict of interest in this item and cannot vote on it");
        assertThat(b.secretary().get(itemPath).body()).contains("Dana works for the insurer");
        var result = b.secretary().submit(itemPath, itemPath + "/result", Map.of());
        assertThat(result.statusCode()).isEqualTo(400);
        assertThat(result.body()).contains("not quorate");
    }

    @Test
    void aWrittenResolutionFailsWhenTooFewDirectorsWithoutAConflictRemainAndOneDirectorCannotCirculate() {
        var world = world();
        var b = board(world, "bd-few");
        long id = Http.json(b.secretary().postJson("/api/v1/societies/bd-few/board/written-resolutions",
                "{\"text\":\"To buy the panels from Eli and Fay's firm\"}")).getJsonNumber("id").longValue();
        String item = "/api/v1/societies/bd-few/board/items/" + id;
        assertThat(b.eli().postJson(item + "/conflicts", "{\"director\":%d,\"interest\":\"Eli's firm\"}".formatted(b.eliId()))
                .statusCode()).isEqualTo(200);
        var second = b.fay().postJson(item + "/conflicts", "{\"director\":%d,\"interest\":\"Fay's firm\"}".formatted(b.fayId()));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        // one director left without a conflict is below the quorum of two: Dana cannot pass it alone
        assertThat(Http.json(second).getString("state")).isEqualTo("FAILED");
        var alone = b.dana().postJson(item + "/votes", "{\"director\":%d,\"choice\":\"APPROVE\"}".formatted(b.danaId()));
        assertThat(alone.statusCode()).isEqualTo(409);
        assertThat(Http.json(b.secretary().get(item)).getString("state")).isEqualTo("FAILED");

        // a society with a single director cannot circulate one at all
        var admin = world.admin();
        world.society(admin, "bd-one", "GREAT_BRITAIN");
        var sec = world.person(admin, "bd-one", "sec@bd-one.example", "SECRETARY");
        appoint(sec, "bd-one", "Solo Director");
        var refused = sec.postJson("/api/v1/societies/bd-one/board/written-resolutions", "{\"text\":\"To do it alone\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("at least 2 directors in office");
    }

    @Test
    void aDirectorLeavingOfficeSettlesTheWrittenResolutionsWaitingForThem() {
        var world = world();
        var b = board(world, "bd-leave");
        String base = "/api/v1/societies/bd-leave/board/";
        long passes = Http.json(b.secretary().postJson(base + "written-resolutions", "{\"text\":\"To renew the insurance\"}"))
                .getJsonNumber("id").longValue();
        long fails = Http.json(b.secretary().postJson(base + "written-resolutions", "{\"text\":\"To sell the turbine\"}"))
                .getJsonNumber("id").longValue();
        b.dana().postJson(base + "items/" + passes + "/votes", "{\"director\":%d,\"choice\":\"APPROVE\"}".formatted(b.danaId()));
        b.eli().postJson(base + "items/" + passes + "/votes", "{\"director\":%d,\"choice\":\"APPROVE\"}".formatted(b.eliId()));
        b.dana().postJson(base + "items/" + fails + "/votes", "{\"director\":%d,\"choice\":\"APPROVE\"}".formatted(b.danaId()));
        assertThat(Http.json(b.secretary().get(base + "items/" + passes)).getString("state")).isEqualTo("OPEN");

        // Fay resigns without answering: the two who remain are unanimous and a quorum
        var ended = b.secretary().postJson("/api/v1/societies/bd-leave/officers/" + b.fayId() + "/end",
                "{\"endedOn\":\"%s\"}".formatted(TODAY));
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        var passed = Http.json(b.secretary().get(base + "items/" + passes));
        assertThat(passed.getString("state")).isEqualTo("PASSED");
        assertThat(passed.getInt("votesFor")).isEqualTo(2);
        assertThat(Http.json(b.secretary().get(base + "items/" + fails)).getString("state")).isEqualTo("OPEN");
        // she can no longer answer the other
        var late = b.fay().postJson(base + "items/" + fails + "/votes", "{\"director\":%d,\"choice\":\"REFUSE\"}".formatted(b.fayId()));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("not a director in office");
        // Eli leaves too: Dana alone is no quorum, so it fails instead of waiting for ever
        b.secretary().postJson("/api/v1/societies/bd-leave/officers/" + b.eliId() + "/end", "{\"endedOn\":\"%s\"}".formatted(TODAY));
        assertThat(Http.json(b.secretary().get(base + "items/" + fails)).getString("state")).isEqualTo("FAILED");
        assertThat(b.secretary().get("/api/v1/societies/bd-leave/audit?action=board.written-resolution-failed").body())
                .contains("board.written-resolution-failed");
    }

    @Test
    void aDirectorActsOnlyThroughTheEntryLinkedToTheirAccountNeverByName() {
        var world = world();
        var b = board(world, "bd-names");
        String slug = "bd-names";
        // two different people called "sam" are both directors; neither entry is linked yet
        long samOne = appoint(b.secretary(), slug, "sam");
        long samTwo = appoint(b.secretary(), slug, "sam");
        var directors = Http.jsonArray(b.secretary().get("/api/v1/societies/" + slug + "/board/directors"));
        assertThat(directors.stream().map(d -> d.asJsonObject().getJsonNumber("id").longValue()).toList())
                .contains(samOne, samTwo).hasSize(5);
        // an account whose display name is "sam" (the invitation names it after the email) cannot vote as either
        var sam = world.person(world.admin(), slug, "sam@" + slug + ".example", "DIRECTOR");
        long meetingId = Http.json(b.secretary().postJson("/api/v1/societies/" + slug + "/board/meetings", """
                {"heldOn":"%s","place":"Online","present":[%d,%d,%d]}""".formatted(TODAY, b.danaId(), samOne, samTwo)))
                .getJsonNumber("id").longValue();
        long itemId = Http.json(b.secretary().postJson("/api/v1/societies/" + slug + "/board/meetings/" + meetingId + "/items",
                "{\"text\":\"To open a second bank account\"}")).getJsonNumber("id").longValue();
        String votes = "/api/v1/societies/" + slug + "/board/items/" + itemId + "/votes";
        assertThat(sam.postJson(votes, "{\"director\":%d,\"choice\":\"FOR\"}".formatted(samOne)).statusCode()).isEqualTo(403);
        assertThat(sam.postJson(votes, "{\"director\":%d,\"choice\":\"FOR\"}".formatted(samTwo)).statusCode()).isEqualTo(403);
        // the secretary links the second entry to this account: now that one, and only that one, is theirs
        var linkedByDirector = b.dana().postJson("/api/v1/societies/" + slug + "/board/directors/" + samTwo + "/account",
                "{\"email\":\"sam@bd-names.example\"}");
        assertThat(linkedByDirector.statusCode()).isEqualTo(403);
        var stranger = b.secretary().postJson("/api/v1/societies/" + slug + "/board/directors/" + samTwo + "/account",
                "{\"email\":\"nobody@elsewhere.example\"}");
        assertThat(stranger.statusCode()).isEqualTo(400);
        link(b.secretary(), slug, samTwo, "sam@" + slug + ".example");
        assertThat(sam.postJson(votes, "{\"director\":%d,\"choice\":\"FOR\"}".formatted(samOne)).statusCode()).isEqualTo(403);
        assertThat(sam.postJson(votes, "{\"director\":%d,\"choice\":\"FOR\"}".formatted(samTwo)).statusCode()).isEqualTo(200);
        var relink = b.secretary().postJson("/api/v1/societies/" + slug + "/board/directors/" + samTwo + "/account",
                "{\"email\":\"dana@bd-names.example\"}");
        assertThat(relink.statusCode()).isEqualTo(409);
        // the first Sam's vote is minuted by the secretary
        assertThat(b.secretary().postJson(votes, "{\"director\":%d,\"choice\":\"AGAINST\"}".formatted(samOne)).statusCode())
                .isEqualTo(200);
        var item = Http.json(b.secretary().get("/api/v1/societies/" + slug + "/board/items/" + itemId));
        assertThat(item.getJsonArray("eligible")).hasSize(3);
        assertThat(item.getJsonArray("votes")).hasSize(2);
        assertThat(b.secretary().get("/api/v1/societies/" + slug + "/audit?action=board.director-linked").body())
                .contains("sam@bd-names.example");
    }

    /** Requests fired together, released at once; the status codes in any order. */
    private static java.util.List<Integer> together(int n, java.util.function.IntFunction<java.net.http.HttpResponse<String>> request)
            throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var futures = new java.util.ArrayList<java.util.concurrent.Future<java.net.http.HttpResponse<String>>>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(k);
                }));
            }
            start.countDown();
            var codes = new java.util.ArrayList<Integer>();
            for (var f : futures) {
                var r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isNotEqualTo(500);
                codes.add(r.statusCode());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentDuplicateVotesAndAConflictDeclaredWhileVotingNeverSlipThrough() throws Exception {
        var world = world();
        var b = board(world, "bd-race");
        String base = "/api/v1/societies/bd-race/board/";
        long meetingId = Http.json(b.secretary().postJson(base + "meetings", """
                {"heldOn":"%s","place":"Online","present":[%d,%d,%d]}""".formatted(TODAY, b.danaId(), b.eliId(), b.fayId())))
                .getJsonNumber("id").longValue();
        for (int round = 0; round < 4; round++) {
            long itemId = Http.json(b.secretary().postJson(base + "meetings/" + meetingId + "/items", "{\"text\":\"Item " + round + "\"}"))
                    .getJsonNumber("id").longValue();
            // the same vote sent six times at once: one is recorded, the others are told it already was
            var codes = together(6, k -> (k % 2 == 0 ? b.secretary() : b.dana()).postJson(base + "items/" + itemId + "/votes",
                    "{\"director\":%d,\"choice\":\"FOR\"}".formatted(b.danaId())));
            assertThat(codes).filteredOn(c -> c == 200).hasSize(1);
            assertThat(codes).filteredOn(c -> c == 409).hasSize(5);
            assertThat(((Number) one("SELECT COUNT(*) FROM board_vote WHERE item_id = ?", itemId)).intValue()).isEqualTo(1);

            // Eli declares a conflict while the secretary records Eli's vote: never both
            var race = together(2, k -> k == 0
                    ? b.eli().postJson(base + "items/" + itemId + "/conflicts", "{\"director\":%d,\"interest\":\"Eli's firm\"}".formatted(b.eliId()))
                    : b.secretary().postJson(base + "items/" + itemId + "/votes", "{\"director\":%d,\"choice\":\"FOR\"}".formatted(b.eliId())));
            assertThat(race).as("conflict, vote").isIn(java.util.List.of(200, 400), java.util.List.of(409, 200));
            long conflicts = ((Number) one("SELECT COUNT(*) FROM board_conflict WHERE item_id = ? AND appointment_id = ?", itemId, b.eliId()))
                    .longValue();
            long eliVotes = ((Number) one("SELECT COUNT(*) FROM board_vote WHERE item_id = ? AND appointment_id = ?", itemId, b.eliId()))
                    .longValue();
            assertThat(conflicts + eliVotes).isEqualTo(1);
        }
    }

    @Test
    void membersCannotReadTheNoticeOfAMeetingBeforeNoticeIsGiven() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "bn-draft", "GREAT_BRITAIN");
        long id = meeting("bn-draft", "Draft AGM", TODAY.plusDays(30).atTime(19, 0));
        var member = world.person(admin, "bn-draft", "member@bn-draft.example", "MEMBER");
        var director = world.person(admin, "bn-draft", "director@bn-draft.example", "DIRECTOR");
        var draft = member.get("/s/bn-draft/notices/" + id);
        assertThat(draft.statusCode()).isEqualTo(404);
        assertThat(draft.body()).doesNotContain("Election of directors");
        // the API's notice is for officers only: a member is refused it whatever the state
        assertThat(member.get("/api/v1/societies/bn-draft/notices/" + id).statusCode()).isEqualTo(403);
        // officers work on the draft
        assertThat(director.get("/s/bn-draft/notices/" + id).statusCode()).isEqualTo(200);
        assertThat(admin.postJson("/api/v1/societies/bn-draft/notices/" + id, "{}").statusCode()).isEqualTo(200);
        var noticed = member.get("/s/bn-draft/notices/" + id);
        assertThat(noticed.statusCode()).isEqualTo(200);
        assertThat(noticed.body()).contains("Election of directors");
        // a meeting cancelled while still a draft was never announced
        long cancelled = meeting("bn-draft", "Called off", TODAY.plusDays(40).atTime(19, 0));
        one("UPDATE meeting SET state = 'CANCELLED' WHERE id = ?", cancelled);
        assertThat(member.get("/s/bn-draft/notices/" + cancelled).statusCode()).isEqualTo(404);
    }
}
