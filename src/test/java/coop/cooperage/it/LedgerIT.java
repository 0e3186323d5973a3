package coop.cooperage.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
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

/** The share ledger end to end: invariants (in the domain and the database), withdrawals, deaths, transfers, statements. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(
            Integer.getInteger("coop.it.smtp.port", 33025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.application();
    }

    @ArquillianResource
    URL url;

    private World world() {
        return new World(Deployments.loopback(url), MAIL);
    }

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    static long member(Http secretary, String society, String name, String email, String dob, boolean registeredSociety) {
        String kind = registeredSociety ? "ORGANISATION" : "INDIVIDUAL";
        String json = """
                {"member":{"kind":"%s","name":"%s",%s"registeredSociety":%s,"address":"1 High Street\\nBristol","postcode":"BS1 4RW",%s
                 "emailPurposes":[]%s},"joinedOn":"2020-01-01"}""".formatted(kind, name, registeredSociety ? "\"representative\":\"Rep\"," : "",
                registeredSociety, email == null ? "" : "\"email\":\"" + email + "\",", dob == null ? "" : ",\"dateOfBirth\":\"" + dob + "\"");
        var r = secretary.postJson("/api/v1/societies/" + society + "/members", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r).getJsonNumber("memberNumber").longValue();
    }

    static HttpResponse<String> correct(Http secretary, String society, long number, long shares, long pence, String on) {
        return secretary.postJson("/api/v1/societies/" + society + "/ledger/members/" + number + "/entries",
                "{\"kind\":\"CORRECTION\",\"shares\":%d,\"amountPence\":%d,\"on\":\"%s\",\"reason\":\"Brought forward\"}".formatted(shares, pence, on));
    }

    static JsonObject statement(Http officer, String society, long number) {
        var r = officer.get("/api/v1/societies/" + society + "/ledger/members/" + number + "/statement");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.json(r);
    }

    static long shares(Http officer, String society, long number) {
        return statement(officer, society, number).getJsonNumber("shares").longValue();
    }

    static java.sql.Connection db() throws SQLException {
        return DriverManager.getConnection(System.getenv("COOP_DB_URL"), "cooperage", "cooperage");
    }

    @Test
    void theLedgerRefusesANegativeHoldingAndOneAboveTheCapAndTheDatabaseAgrees() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "lg-inv", "GREAT_BRITAIN");
        long ann = member(admin, "lg-inv", "Ann Able", null, "1970-01-01", false);
        long coop = member(admin, "lg-inv", "Valley Co-operative", null, null, true);

        assertThat(correct(admin, "lg-inv", ann, 100, 100_00, "2025-01-01").statusCode()).isEqualTo(201);
        var below = correct(admin, "lg-inv", ann, -101, -101_00, "2025-01-02");
        assertThat(below.statusCode()).isEqualTo(400);
        assertThat(below.body()).contains("The holding is 100 shares: it cannot lose 101");
        assertThat(shares(admin, "lg-inv", ann)).isEqualTo(100);

        // the statutory cap for an individual (£100,000), not for a registered society
        var above = correct(admin, "lg-inv", ann, 99_901, 99_901_00, "2025-01-02");
        assertThat(above.statusCode()).isEqualTo(400);
        assertThat(above.body()).contains("above the maximum holding of 100000 shares");
        assertThat(correct(admin, "lg-inv", coop, 150_000, 150_000_00, "2025-01-02").statusCode()).isEqualTo(201);

        var writeDown = admin.postJson("/api/v1/societies/lg-inv/ledger/members/" + ann + "/entries",
                "{\"kind\":\"WRITE_DOWN\",\"amountPence\":-2500,\"on\":\"2025-06-30\",\"reason\":\"Losses 2024-25, AGM resolution 4\"}");
        assertThat(writeDown.statusCode()).as(writeDown.body()).isEqualTo(201);
        assertThat(Http.json(writeDown).getJsonNumber("amountPence").longValue()).isEqualTo(75_00);
        assertThat(Http.json(writeDown).getJsonNumber("shares").longValue()).isEqualTo(100);
        var badWriteDown = admin.postJson("/api/v1/societies/lg-inv/ledger/members/" + ann + "/entries",
                "{\"kind\":\"WRITE_DOWN\",\"shares\":-5,\"amountPence\":-100,\"on\":\"2025-06-30\",\"reason\":\"x\"}");
        assertThat(badWriteDown.statusCode()).isEqualTo(400);

        // the whole capital written down by 10% through the page: every holding loses a tenth of its value, shares stay
        var wd = admin.submit("/s/lg-inv/ledger", "/s/lg-inv/ledger/write-downs", Map.of("percent", "10", "on-day", "30", "on-month", "6",
                "on-year", "2025", "reason", "AGM 2025 resolution 5"));
        assertThat(wd.statusCode()).as(wd.body()).isEqualTo(303);
        assertThat(statement(admin, "lg-inv", ann).getJsonNumber("amountPence").longValue()).isEqualTo(67_50);
        assertThat(statement(admin, "lg-inv", coop).getJsonNumber("amountPence").longValue()).isEqualTo(135_000_00);
        assertThat(admin.postJson("/api/v1/societies/lg-inv/ledger/write-downs", "{\"percent\":0,\"reason\":\"x\"}").statusCode()).isEqualTo(400);

        var summary = Http.json(admin.get("/api/v1/societies/lg-inv/ledger"));
        assertThat(summary.getJsonNumber("capitalShares").longValue()).isEqualTo(150_100);
        assertThat(summary.getJsonNumber("capitalPence").longValue()).isEqualTo(135_067_50);
        assertThat(summary.getJsonNumber("heldShares").longValue()).isEqualTo(150_100);
        assertThat(summary.getJsonNumber("heldPence").longValue()).isEqualTo(135_067_50);
        var earlier = Http.json(admin.get("/api/v1/societies/lg-inv/ledger?asAt=2025-01-01"));
        assertThat(earlier.getJsonNumber("capitalShares").longValue()).isEqualTo(100);

        // the database refuses a negative holding itself, whatever the application does
        try (var c = db()) {
            long id;
            try (var ps = c.prepareStatement("SELECT m.id FROM member m JOIN society s ON s.id = m.society_id WHERE s.slug = 'lg-inv' AND m.member_number = ?")) {
                ps.setLong(1, ann);
                var rs = ps.executeQuery();
                rs.next();
                id = rs.getLong(1);
            }
            try (var ps = c.prepareStatement("UPDATE share_holding SET shares = -1 WHERE member_id = ?")) {
                ps.setLong(1, id);
                assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("ck_holding_shares");
            }
            try (var ps = c.prepareStatement("UPDATE share_holding SET amount_pence = -1 WHERE member_id = ?")) {
                ps.setLong(1, id);
                assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("ck_holding_amount");
            }
        }
        // and the audit trail has both entries
        var audit = admin.get("/api/v1/societies/lg-inv/audit?action=ledger.corrected");
        assertThat(audit.body()).contains("ledger.corrected");
    }

    @Test
    void concurrentChangesForOneMemberNeverTakeTheHoldingBelowZero() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "lg-conc", "GREAT_BRITAIN");
        // holdings of a few shares, so a minimum holding of one share lets each take part
        assertThat(admin.patchJson("/api/v1/societies/lg-conc/settings", "{\"minimumHoldingShares\":1}").statusCode()).isEqualTo(200);
        long n = member(admin, "lg-conc", "Cleo Concurrent", null, "1970-01-01", false);
        assertThat(correct(admin, "lg-conc", n, 10, 10_00, "2025-01-01").statusCode()).isEqualTo(201);

        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        List<Future<Integer>> takes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Integer> take = () -> {
                start.await();
                return correct(admin, "lg-conc", n, -3, -3_00, "2025-02-01").statusCode();
            };
            takes.add(pool.submit(take));
        }
        start.countDown();
        int ok = 0;
        for (var f : takes) {
            int status = f.get();
            assertThat(status).isIn(201, 400);
            ok += status == 201 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(3);
        assertThat(shares(admin, "lg-conc", n)).isEqualTo(1);

        // concurrent withdrawal requests cannot ask for more than the holding between them
        long m = member(admin, "lg-conc", "Wes Withdrawer", null, "1970-01-01", false);
        assertThat(correct(admin, "lg-conc", m, 10, 10_00, "2025-01-01").statusCode()).isEqualTo(201);
        var go = new CountDownLatch(1);
        List<Future<Integer>> asks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Integer> ask = () -> {
                go.await();
                return admin.postJson("/api/v1/societies/lg-conc/withdrawals", "{\"shares\":3,\"memberNumber\":" + m + "}").statusCode();
            };
            asks.add(pool.submit(ask));
        }
        go.countDown();
        int accepted = 0;
        for (var f : asks) {
            accepted += f.get() == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(3);
        var queue = Http.json(admin.get("/api/v1/societies/lg-conc/withdrawals")).getJsonArray("requests");
        assertThat(queue).hasSize(3);
    }

    @Test
    void withdrawalsServeNoticeQueueInOrderAndKeepToTheCapAndSuspensions() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "lg-wd", "GREAT_BRITAIN");
        // this society admits children (they can hold shares but not withdraw them)
        assertThat(admin.patchJson("/api/v1/societies/lg-wd/settings", "{\"minimumAge\":0}").statusCode()).isEqualTo(200);
        long ann = member(admin, "lg-wd", "Ann Withdraw", "ann@lg-wd.example", "1970-01-01", false);
        long bob = member(admin, "lg-wd", "Bob Paper", null, "1972-01-01", false);
        long kid = member(admin, "lg-wd", "Kit Young", null, TODAY.minusYears(12).toString(), false);
        correct(admin, "lg-wd", ann, 1_000, 1_000_00, "2025-01-01");
        correct(admin, "lg-wd", bob, 1_000, 1_000_00, "2025-01-01");
        correct(admin, "lg-wd", kid, 100, 100_00, "2025-01-01");
        var annHttp = world.person(admin, "lg-wd", "ann@lg-wd.example", "MEMBER");

        var young = admin.postJson("/api/v1/societies/lg-wd/withdrawals", "{\"shares\":10,\"memberNumber\":" + kid + "}");
        assertThat(young.statusCode()).isEqualTo(400);
        assertThat(young.body()).contains("under 16");
        var tooMany = annHttp.postJson("/api/v1/societies/lg-wd/withdrawals", "{\"shares\":1001}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 1000 shares");

        // the default notice is 91 days
        var first = annHttp.postJson("/api/v1/societies/lg-wd/withdrawals", "{\"shares\":100}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        long firstId = Http.json(first).getJsonNumber("id").longValue();
        assertThat(Http.json(first).getString("noticeEndsOn")).isEqualTo(TODAY.plusDays(91).toString());
        assertThat(Http.json(first).getInt("position")).isEqualTo(1);
        assertThat(annHttp.postJson("/api/v1/societies/lg-wd/withdrawals/" + firstId + "/approval", "{}").statusCode()).isEqualTo(403);
        var early = admin.postJson("/api/v1/societies/lg-wd/withdrawals/" + firstId + "/approval", "{}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("notice period runs until");

        assertThat(admin.patchJson("/api/v1/societies/lg-wd/settings", "{\"withdrawalNoticeDays\":0}").statusCode()).isEqualTo(200);
        // the paper request: cap is 10% of £2,100 capital at the start of the financial year = £210
        var paper = admin.postJson("/api/v1/societies/lg-wd/withdrawals", "{\"shares\":150,\"memberNumber\":" + bob + ",\"requestedOn\":\"" + TODAY + "\"}");
        assertThat(paper.statusCode()).as(paper.body()).isEqualTo(201);
        long paperId = Http.json(paper).getJsonNumber("id").longValue();
        assertThat(Http.json(paper).getString("channel")).isEqualTo("PAPER");
        var approved = admin.postJson("/api/v1/societies/lg-wd/withdrawals/" + paperId + "/approval", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(Http.json(approved).getString("state")).isEqualTo("APPROVED");
        assertThat(Http.json(approved).getJsonNumber("amountPence").longValue()).isEqualTo(150_00);
        long payoutId = Http.json(approved).getJsonNumber("payoutId").longValue();
        try (var c = db(); var ps = c.prepareStatement("SELECT kind, amount_pence, shares, state FROM payout WHERE id = ?")) {
            ps.setLong(1, payoutId);
            var rs = ps.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("WITHDRAWAL");
            assertThat(rs.getLong(2)).isEqualTo(150_00);
            assertThat(rs.getLong(3)).isEqualTo(150);
            assertThat(rs.getString(4)).isEqualTo("DUE");
        }

        var second = admin.postJson("/api/v1/societies/lg-wd/withdrawals", "{\"shares\":100,\"memberNumber\":" + bob + "}");
        long secondId = Http.json(second).getJsonNumber("id").longValue();
        var overCap = admin.postJson("/api/v1/societies/lg-wd/withdrawals/" + secondId + "/approval", "{}");
        assertThat(overCap.statusCode()).isEqualTo(409);
        assertThat(overCap.body()).contains("annual cap of £210.00");

        // first in, first out: a later request waits while an earlier one whose notice has ended waits
        var later = annHttp.postJson("/api/v1/societies/lg-wd/withdrawals", "{\"shares\":50}");
        long laterId = Http.json(later).getJsonNumber("id").longValue();
        var jump = admin.postJson("/api/v1/societies/lg-wd/withdrawals/" + laterId + "/approval", "{}");
        assertThat(jump.statusCode()).isEqualTo(409);
        assertThat(jump.body()).contains("made earlier, is still waiting");
        var deferred = admin.postJson("/api/v1/societies/lg-wd/withdrawals/" + secondId + "/deferral", "{\"reason\":\"Cash is short until the FIT payment\"}");
        assertThat(Http.json(deferred).getString("state")).isEqualTo("DEFERRED");
        assertThat(admin.postJson("/api/v1/societies/lg-wd/withdrawals/" + laterId + "/approval", "{}").statusCode()).isEqualTo(409);
        assertThat(admin.postJson("/api/v1/societies/lg-wd/withdrawals/" + secondId + "/refusal", "{}").statusCode()).isEqualTo(400);
        assertThat(admin.postJson("/api/v1/societies/lg-wd/withdrawals/" + secondId + "/refusal", "{\"reason\":\"Over the annual cap\"}").statusCode())
                .isEqualTo(200);

        // a suspension stops approvals and shows to the member
        var suspended = admin.postJson("/api/v1/societies/lg-wd/withdrawals/suspensions",
                "{\"reason\":\"Construction of the turbine\",\"from\":\"" + TODAY.minusDays(1) + "\",\"to\":\"" + TODAY.plusDays(30) + "\"}");
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(201);
        var whileSuspended = admin.postJson("/api/v1/societies/lg-wd/withdrawals/" + laterId + "/approval", "{}");
        assertThat(whileSuspended.statusCode()).isEqualTo(409);
        assertThat(whileSuspended.body()).contains("suspended").contains("Construction of the turbine");
        var mine = Http.json(annHttp.get("/api/v1/societies/lg-wd/withdrawals/mine"));
        assertThat(mine.getJsonObject("suspendedNow").getString("reason")).isEqualTo("Construction of the turbine");
        assertThat(mine.getJsonNumber("sharesAskedFor").longValue()).isEqualTo(150);
        assertThat(mine.getJsonArray("requests")).hasSize(2);

        // the member cancels their own waiting request; someone else's is not theirs to cancel
        assertThat(annHttp.postJson("/api/v1/societies/lg-wd/withdrawals/" + firstId + "/cancellation", "{}").statusCode()).isEqualTo(200);
        assertThat(annHttp.postJson("/api/v1/societies/lg-wd/withdrawals/" + paperId + "/cancellation", "{}").statusCode()).isEqualTo(404);
        var queue = Http.json(admin.get("/api/v1/societies/lg-wd/withdrawals"));
        assertThat(queue.getJsonNumber("annualCapPence").longValue()).isEqualTo(210_00);
        assertThat(queue.getJsonNumber("approvedThisYearPence").longValue()).isEqualTo(150_00);
        assertThat(admin.get("/api/v1/societies/lg-wd/audit?action=withdrawal.approved").body()).contains("withdrawal.approved");
    }

    @Test
    void noOneDecidesTheirOwnWithdrawalNoEndedMemberIsPaidAndNoEntryUndercutsAnApprovedPayout() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "lg-fix", "GREAT_BRITAIN");
        assertThat(admin.patchJson("/api/v1/societies/lg-fix/settings", "{\"withdrawalNoticeDays\":0}").statusCode()).isEqualTo(200);
        long dee = member(admin, "lg-fix", "Dee Director", "dee@lg-fix.example", "1970-01-01", false);
        long eve = member(admin, "lg-fix", "Eve Early", null, "1971-01-01", false);
        long fay = member(admin, "lg-fix", "Fay Former", null, "1972-01-01", false);
        long big = member(admin, "lg-fix", "Bea Big", null, "1973-01-01", false);
        correct(admin, "lg-fix", dee, 1_000, 1_000_00, "2025-01-01");
        correct(admin, "lg-fix", eve, 1_000, 1_000_00, "2025-01-01");
        correct(admin, "lg-fix", fay, 1_000, 1_000_00, "2025-01-01");
        correct(admin, "lg-fix", big, 7_000, 7_000_00, "2025-01-01");
        // a director who is also a member (linked by email) asks to withdraw
        var deeHttp = world.person(admin, "lg-fix", "dee@lg-fix.example", "DIRECTOR");
        var own = deeHttp.postJson("/api/v1/societies/lg-fix/withdrawals", "{\"shares\":100}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        long ownId = Http.json(own).getJsonNumber("id").longValue();
        var self = deeHttp.postJson("/api/v1/societies/lg-fix/withdrawals/" + ownId + "/approval", "{}");
        assertThat(self.statusCode()).as(self.body()).isEqualTo(403);
        assertThat(self.body()).contains("your own withdrawal request");
        assertThat(deeHttp.postJson("/api/v1/societies/lg-fix/withdrawals/" + ownId + "/deferral", "{\"reason\":\"Mine\"}").statusCode())
                .isEqualTo(403);
        var pageSelf = deeHttp.submit("/s/lg-fix/withdrawals", "/s/lg-fix/withdrawals/" + ownId + "/approval", java.util.Map.of());
        assertThat(pageSelf.statusCode()).isEqualTo(403);
        // the secretary (or another director) decides it
        var byOther = admin.postJson("/api/v1/societies/lg-fix/withdrawals/" + ownId + "/approval", "{}");
        assertThat(byOther.statusCode()).as(byOther.body()).isEqualTo(200);
        assertThat(Http.json(byOther).getString("state")).isEqualTo("APPROVED");

        // 500 of Eve's 1,000 shares approved at £500, not yet paid
        var half = admin.postJson("/api/v1/societies/lg-fix/withdrawals", "{\"shares\":500,\"memberNumber\":" + eve + "}");
        long halfId = Http.json(half).getJsonNumber("id").longValue();
        var halfApproved = admin.postJson("/api/v1/societies/lg-fix/withdrawals/" + halfId + "/approval", "{}");
        assertThat(halfApproved.statusCode()).as(halfApproved.body()).isEqualTo(200);
        assertThat(Http.json(halfApproved).getJsonNumber("amountPence").longValue()).isEqualTo(500_00);
        // a write-down leaving £400 would make the run unable to pay £500: refused, nothing written
        var writeDown = admin.postJson("/api/v1/societies/lg-fix/ledger/members/" + eve + "/entries",
                "{\"kind\":\"WRITE_DOWN\",\"amountPence\":-60000,\"on\":\"" + TODAY + "\",\"reason\":\"Losses\"}");
        assertThat(writeDown.statusCode()).as(writeDown.body()).isEqualTo(409);
        assertThat(writeDown.body()).contains("500 shares approved to withdraw");
        var correction = correct(admin, "lg-fix", eve, -501, 0, TODAY.toString());
        assertThat(correction.statusCode()).as(correction.body()).isEqualTo(409);
        var all = admin.postJson("/api/v1/societies/lg-fix/ledger/write-downs",
                "{\"percent\":60,\"on\":\"" + TODAY + "\",\"reason\":\"Resolution 4\"}");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(409);
        var eveNow = statement(admin, "lg-fix", eve);
        assertThat(eveNow.getJsonNumber("shares").longValue()).isEqualTo(1_000);
        assertThat(eveNow.getJsonNumber("amountPence").longValue()).isEqualTo(1_000_00);

        // a member whose membership ended while the request waited is not paid
        var fays = admin.postJson("/api/v1/societies/lg-fix/withdrawals", "{\"shares\":100,\"memberNumber\":" + fay + "}");
        long faysId = Http.json(fays).getJsonNumber("id").longValue();
        var ceased = admin.postJson("/api/v1/societies/lg-fix/members/" + fay + "/cessation",
                "{\"ceasedOn\":\"" + TODAY + "\",\"reason\":\"EXPELLED\"}");
        assertThat(ceased.statusCode()).as(ceased.body()).isEqualTo(200);
        var late = admin.postJson("/api/v1/societies/lg-fix/withdrawals/" + faysId + "/approval", "{}");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(late.body()).contains("no longer a current member");

        // the director dies with her approved withdrawal not yet in a payment run: request and payout are cancelled
        long deePayout = Http.json(byOther).getJsonNumber("payoutId").longValue();
        var died = admin.postJson("/api/v1/societies/lg-fix/ledger/members/" + dee + "/death",
                "{\"diedOn\":\"" + TODAY + "\",\"evidence\":\"Death certificate seen\",\"representatives\":\"Rex Executor\"}");
        assertThat(died.statusCode()).as(died.body()).isEqualTo(201);
        try (var c = db(); var ps = c.prepareStatement("SELECT state FROM payout WHERE id = ?")) {
            ps.setLong(1, deePayout);
            var rs = ps.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("CANCELLED");
        }
        assertThat(Http.json(admin.get("/api/v1/societies/lg-fix/withdrawals")).getJsonArray("requests").toString())
                .doesNotContain("\"id\":" + ownId + ",");
    }

    private static long nominationId(Http secretary, String society, long number, String nominee, String percent) {
        String page = "/s/" + society + "/members/" + number;
        var r = secretary.submit(page, page + "/nominations", Map.of("nomineeName", nominee, "nomineeAddress", "9 Mill Lane", "relationship",
                "daughter", "sharePercent", percent, "madeOn-day", "1", "madeOn-month", "2", "madeOn-year", "2024"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        var m = Pattern.compile("/nominations/(\\d+)/revocation").matcher(secretary.get(page).body());
        long id = 0;
        while (m.find()) {
            id = Long.parseLong(m.group(1));
        }
        return id;
    }

    @Test
    void aDeathPassesUpToFiveThousandPoundsToTheNomineeAndTheRestToTheRepresentatives() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "lg-death", "GREAT_BRITAIN");
        long dora = member(admin, "lg-death", "Dora Deceased", null, "1940-01-01", false);
        long nell = member(admin, "lg-death", "Nell Nominee", null, "1975-01-01", false);
        long paul = member(admin, "lg-death", "Paul Paid", null, "1945-01-01", false);
        correct(admin, "lg-death", dora, 8_000, 8_000_00, "2025-01-01");
        correct(admin, "lg-death", paul, 300, 300_00, "2025-01-01");
        long nomination = nominationId(admin, "lg-death", dora, "Nell Nominee", "100");
        nominationId(admin, "lg-death", paul, "Pam Paid", "100");
        admin.postJson("/api/v1/societies/lg-death/withdrawals", "{\"shares\":10,\"memberNumber\":" + dora + "}");

        var noEvidence = admin.postJson("/api/v1/societies/lg-death/ledger/members/" + dora + "/death", "{\"diedOn\":\"2026-01-05\"}");
        assertThat(noEvidence.statusCode()).isEqualTo(400);
        assertThat(noEvidence.body()).contains("evidence");
        var noReps = admin.postJson("/api/v1/societies/lg-death/ledger/members/" + dora + "/death",
                "{\"diedOn\":\"2026-01-05\",\"evidence\":\"Death certificate seen\",\"nomineeMembers\":{\"" + nomination + "\":" + nell + "}}");
        assertThat(noReps.statusCode()).isEqualTo(400);
        assertThat(noReps.body()).contains("3000 shares");
        var recorded = admin.postJson("/api/v1/societies/lg-death/ledger/members/" + dora + "/death",
                "{\"diedOn\":\"2026-01-05\",\"evidence\":\"Death certificate seen\",\"representatives\":\"Rex Executor\","
                        + "\"nomineeMembers\":{\"" + nomination + "\":" + nell + "}}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.body()).contains("5000 shares (£5,000.00) transferred to member " + nell)
                .contains("3000 shares (£3,000.00) to be paid to the personal representatives, Rex Executor");
        assertThat(shares(admin, "lg-death", nell)).isEqualTo(5_000);
        assertThat(shares(admin, "lg-death", dora)).isEqualTo(3_000);
        var doraEntry = Http.json(admin.get("/api/v1/societies/lg-death/members/" + dora)).getJsonObject("member");
        assertThat(doraEntry.getString("state")).isEqualTo("CEASED");
        assertThat(doraEntry.getString("ceasedReason")).isEqualTo("DIED");
        assertThat(Http.json(admin.get("/api/v1/societies/lg-death/withdrawals")).getJsonArray("requests")).isEmpty();

        var paulDied = admin.postJson("/api/v1/societies/lg-death/ledger/members/" + paul + "/death",
                "{\"diedOn\":\"2026-02-01\",\"evidence\":\"Grant of probate\"}");
        assertThat(paulDied.statusCode()).as(paulDied.body()).isEqualTo(201);
        try (var c = db(); var ps = c.prepareStatement("SELECT p.kind, p.amount_pence, p.shares, p.payee_name, p.source_type FROM payout p"
                + " JOIN society s ON s.id = p.society_id WHERE s.slug = 'lg-death' ORDER BY p.id")) {
            var rs = ps.executeQuery();
            var rows = new ArrayList<String>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getString(4) + " " + rs.getString(5));
            }
            assertThat(rows).containsExactly("DEATH 300000 3000 Rex Executor death", "DEATH 30000 300 Pam Paid death-nomination");
        }
        assertThat(admin.postJson("/api/v1/societies/lg-death/ledger/members/" + paul + "/death",
                "{\"diedOn\":\"2026-02-01\",\"evidence\":\"Again\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void transfersBetweenLivingMembersNeedTheRulesAndTheBoard() {
        var world = world();
        var admin = world.admin();
        world.society(admin, "lg-tr", "GREAT_BRITAIN");
        long from = member(admin, "lg-tr", "Fay From", null, "1970-01-01", false);
        long to = member(admin, "lg-tr", "Tom To", null, "1970-01-01", false);
        correct(admin, "lg-tr", from, 500, 500_00, "2025-01-01");
        correct(admin, "lg-tr", to, 99_800, 99_800_00, "2025-01-01");
        String body = "{\"fromMemberNumber\":%d,\"toMemberNumber\":%d,\"shares\":%d,\"boardConsent\":\"%s\",\"consentedOn\":\"2026-01-10\"}";
        var off = admin.postJson("/api/v1/societies/lg-tr/ledger/transfers", body.formatted(from, to, 100, "Minute 12"));
        assertThat(off.statusCode()).isEqualTo(409);
        assertThat(off.body()).contains("do not allow");
        assertThat(admin.putJson("/api/v1/societies/lg-tr/ledger/settings", "{\"transfersAllowed\":true}").statusCode()).isEqualTo(200);
        assertThat(admin.postJson("/api/v1/societies/lg-tr/ledger/transfers", body.formatted(from, to, 100, "")).statusCode()).isEqualTo(400);
        var overCap = admin.postJson("/api/v1/societies/lg-tr/ledger/transfers", body.formatted(from, to, 300, "Minute 12"));
        assertThat(overCap.statusCode()).isEqualTo(400);
        assertThat(overCap.body()).contains("above the maximum holding");
        assertThat(shares(admin, "lg-tr", from)).isEqualTo(500);
        var done = admin.postJson("/api/v1/societies/lg-tr/ledger/transfers", body.formatted(from, to, 200, "Minute 12"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        assertThat(shares(admin, "lg-tr", from)).isEqualTo(300);
        assertThat(shares(admin, "lg-tr", to)).isEqualTo(100_000);
        assertThat(statement(admin, "lg-tr", to).getJsonArray("lines").toString()).contains("Transfer in");
        assertThat(statement(admin, "lg-tr", from).getJsonArray("lines").toString()).contains("Transfer out");
    }

    @Test
    void theStatementIsAPageJsonPdfAndCsvForOfficersAndForTheMember() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "lg-st", "GREAT_BRITAIN");
        long sue = member(admin, "lg-st", "Sue Statement", "sue@lg-st.example", "1970-01-01", false);
        long other = member(admin, "lg-st", "Otto Other", null, "1970-01-01", false);
        correct(admin, "lg-st", sue, 250, 250_00, "2024-05-01");
        correct(admin, "lg-st", sue, 50, 50_00, "2025-05-01");
        correct(admin, "lg-st", other, 10, 10_00, "2025-05-01");
        var json = statement(admin, "lg-st", sue);
        var lines = json.getJsonArray("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.getJsonObject(1).getJsonNumber("balanceShares").longValue()).isEqualTo(300);
        assertThat(lines.getJsonObject(1).getJsonNumber("balancePence").longValue()).isEqualTo(300_00);

        var pdf = admin.getBytes("/api/v1/societies/lg-st/ledger/members/" + sue + "/statement.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(pdf.body())) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(doc);
            assertThat(text).contains("Share statement").contains("Sue Statement, member number " + sue).contains("300 shares, £300.00")
                    .contains("1 May 2024 Correction Brought forward +250 £250.00 250 / £250.00");
        }
        var csv = admin.getBytes("/api/v1/societies/lg-st/ledger/members/" + sue + "/statement.csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("2025-05-01,\"Correction\",\"Brought forward\",50,50.00,300,300.00");

        var sueHttp = world.person(admin, "lg-st", "sue@lg-st.example", "MEMBER");
        assertThat(Http.json(sueHttp.get("/api/v1/societies/lg-st/ledger/mine/statement")).getJsonNumber("shares").longValue()).isEqualTo(300);
        assertThat(sueHttp.getBytes("/api/v1/societies/lg-st/ledger/mine/statement.pdf").statusCode()).isEqualTo(200);
        assertThat(sueHttp.get("/api/v1/societies/lg-st/ledger/members/" + other + "/statement").statusCode()).isEqualTo(404);
        assertThat(sueHttp.get("/api/v1/societies/lg-st/ledger").statusCode()).isEqualTo(403);
        assertThat(correct(sueHttp, "lg-st", sue, 1, 1_00, "2025-05-01").statusCode()).isEqualTo(403);
        assertThat(sueHttp.get("/s/lg-st/my-shares").body()).contains("300").contains("Brought forward");
        assertThat(admin.get("/s/lg-st/ledger/members/" + sue).body()).contains("Sue Statement").contains("Brought forward");
        // another society's secretary learns nothing
        world.society(admin, "lg-st2", "GREAT_BRITAIN");
        var stranger = world.person(admin, "lg-st2", "sec@lg-st2.example", "SECRETARY");
        assertThat(stranger.get("/api/v1/societies/lg-st/ledger/members/" + sue + "/statement").statusCode()).isEqualTo(404);
        assertThat(correct(stranger, "lg-st", sue, 1, 1_00, "2025-05-01").statusCode()).isEqualTo(404);
    }

    @Test
    void thePagesDoTheSameWorkWithFormsAndSayWhatIsWrong() {
        var world = world();
        var admin = world.admin();
        world.society(admin, "lg-pg", "GREAT_BRITAIN");
        long pat = member(admin, "lg-pg", "Pat Portal", "pat@lg-pg.example", "1970-01-01", false);
        long dan = member(admin, "lg-pg", "Dan Died", null, "1950-01-01", false);
        assertThat(admin.patchJson("/api/v1/societies/lg-pg/settings", "{\"withdrawalNoticeDays\":0,\"withdrawalAnnualCapPercent\":100}").statusCode())
                .isEqualTo(200);
        String page = "/s/lg-pg/ledger/members/" + pat;
        var bad = admin.submit(page, page + "/entries", Map.of("kind", "CORRECTION", "shares", "-5", "amountPence", "-500",
                "on-day", "1", "on-month", "1", "on-year", "2025", "reason", "Oops"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("The holding is 0 shares: it cannot lose 5");
        var ok = admin.submit(page, page + "/entries", Map.of("kind", "CORRECTION", "shares", "400", "amountPence", "40000",
                "on-day", "1", "on-month", "1", "on-year", "2025", "reason", "Opening balance from the old spreadsheet"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
        correct(admin, "lg-pg", dan, 100, 100_00, "2025-01-01");

        var pat_ = world.person(admin, "lg-pg", "pat@lg-pg.example", "MEMBER");
        var tooMany = pat_.submit("/s/lg-pg/my-shares", "/s/lg-pg/my-shares/withdrawals", Map.of("shares", "401"));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 400 shares");
        var asked = pat_.submit("/s/lg-pg/my-shares", "/s/lg-pg/my-shares/withdrawals", Map.of("shares", "400"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(303);
        assertThat(pat_.get("/s/lg-pg/my-shares").body()).contains("Waiting").contains("Opening balance from the old spreadsheet");
        assertThat(pat_.get("/s/lg-pg/withdrawals").statusCode()).isEqualTo(403);

        var paper = admin.submit("/s/lg-pg/withdrawals", "/s/lg-pg/withdrawals/requests", Map.of("memberNumber", String.valueOf(dan),
                "shares", "50", "requestedOn-day", "1", "requestedOn-month", "1", "requestedOn-year", "2020"));
        assertThat(paper.statusCode()).as(paper.body()).isEqualTo(303);
        var queue = Http.json(admin.get("/api/v1/societies/lg-pg/withdrawals")).getJsonArray("requests");
        assertThat(queue).hasSize(2);
        long patRequest = queue.getJsonObject(0).getJsonNumber("memberNumber").longValue() == pat
                ? queue.getJsonObject(0).getJsonNumber("id").longValue() : queue.getJsonObject(1).getJsonNumber("id").longValue();
        long danRequest = queue.getJsonObject(0).getJsonNumber("id").longValue() == patRequest
                ? queue.getJsonObject(1).getJsonNumber("id").longValue() : queue.getJsonObject(0).getJsonNumber("id").longValue();
        // the paper request was made (recorded) after Pat's: Pat's is first in the queue
        var jump = admin.submit("/s/lg-pg/withdrawals", "/s/lg-pg/withdrawals/" + danRequest + "/approval", Map.of());
        assertThat(jump.statusCode()).isEqualTo(409);
        assertThat(jump.body()).contains("made earlier, is still waiting");
        var approved = admin.submit("/s/lg-pg/withdrawals", "/s/lg-pg/withdrawals/" + patRequest + "/approval", Map.of());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
        assertThat(admin.get("/s/lg-pg/withdrawals").body()).contains("Approved, to be paid").contains("£400.00");

        String danPage = "/s/lg-pg/ledger/members/" + dan;
        var death = admin.submit(danPage, danPage + "/death", Map.of("diedOn-day", "2", "diedOn-month", "1", "diedOn-year", "2026",
                "evidence", "Death certificate", "representatives", "Di Executor"));
        assertThat(death.statusCode()).as(death.body()).isEqualTo(303);
        assertThat(admin.get(danPage).body()).contains("Death certificate").contains("Di Executor").contains("Ceased");
        assertThat(admin.get("/s/lg-pg/ledger").body()).contains("Share capital today").contains("500 shares");
    }

    private static long requestId(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).getJsonNumber("id").longValue();
    }

    private static String requestState(Http officer, String society, long id) {
        return Http.json(officer.get("/api/v1/societies/" + society + "/withdrawals")).getJsonArray("requests").stream()
                .map(v -> v.asJsonObject()).filter(r -> r.getJsonNumber("id").longValue() == id).map(r -> r.getString("state"))
                .findFirst().orElse("NOT QUEUED");
    }

    @Test
    void partialWithdrawalsAndTransfersKeepTheMinimumHoldingAndAWholeTransferEndsTheMembership() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "lg-min", "GREAT_BRITAIN");
        // the default minimum holding is 50 shares
        assertThat(admin.patchJson("/api/v1/societies/lg-min/settings", "{\"withdrawalNoticeDays\":0,\"withdrawalAnnualCapPercent\":100}")
                .statusCode()).isEqualTo(200);
        long ann = member(admin, "lg-min", "Ann Minimum", "ann@lg-min.example", "1970-01-01", false);
        long bob = member(admin, "lg-min", "Bob Paper", null, "1970-01-01", false);
        long cat = member(admin, "lg-min", "Cat Giver", null, "1970-01-01", false);
        long dan = member(admin, "lg-min", "Dan Taker", null, "1970-01-01", false);
        correct(admin, "lg-min", ann, 100, 100_00, "2025-01-01");
        correct(admin, "lg-min", bob, 200, 200_00, "2025-01-01");
        correct(admin, "lg-min", cat, 100, 100_00, "2025-01-01");
        correct(admin, "lg-min", dan, 100, 100_00, "2025-01-01");
        var annHttp = world.person(admin, "lg-min", "ann@lg-min.example", "MEMBER");

        // the member in the portal, API and page: 60 of 100 would leave 40, below 50; nothing is saved
        var stub = annHttp.postJson("/api/v1/societies/lg-min/withdrawals", "{\"shares\":60}");
        assertThat(stub.statusCode()).isEqualTo(400);
        assertThat(stub.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(stub.body()).contains("shares").contains("would leave 40 shares").contains("minimum holding of 50 shares")
                .contains("withdraw at most 50 shares").contains("all 100");
        var stubPage = annHttp.submit("/s/lg-min/my-shares", "/s/lg-min/my-shares/withdrawals", Map.of("shares", "60"));
        assertThat(stubPage.statusCode()).isEqualTo(400);
        assertThat(stubPage.body()).contains("minimum holding of 50 shares").contains("withdraw at most 50 shares");
        assertThat(Http.json(annHttp.get("/api/v1/societies/lg-min/withdrawals/mine")).getJsonArray("requests")).isEmpty();
        assertThat(annHttp.get("/s/lg-min/my-shares").body()).contains("you must keep at least").contains("50</span> shares");

        // the secretary's paper request, API and page
        var paperStub = admin.postJson("/api/v1/societies/lg-min/withdrawals", "{\"shares\":160,\"memberNumber\":" + bob + "}");
        assertThat(paperStub.statusCode()).isEqualTo(400);
        assertThat(paperStub.body()).contains("minimum holding of 50 shares").contains("withdraw at most 150 shares").contains("all 200");
        var paperStubPage = admin.submit("/s/lg-min/withdrawals", "/s/lg-min/withdrawals/requests", Map.of("memberNumber", String.valueOf(bob),
                "shares", "160", "requestedOn-day", String.valueOf(TODAY.getDayOfMonth()), "requestedOn-month",
                String.valueOf(TODAY.getMonthValue()), "requestedOn-year", String.valueOf(TODAY.getYear())));
        assertThat(paperStubPage.statusCode()).isEqualTo(400);
        assertThat(paperStubPage.body()).contains("minimum holding of 50 shares");
        assertThat(Http.json(admin.get("/api/v1/societies/lg-min/withdrawals")).getJsonArray("requests")).isEmpty();

        // 100 of Bob's 200 is fine when asked; a correction then takes his holding to 140, and approval would leave 40
        long bobs = requestId(admin.postJson("/api/v1/societies/lg-min/withdrawals", "{\"shares\":100,\"memberNumber\":" + bob + "}"));
        assertThat(correct(admin, "lg-min", bob, -60, -60_00, TODAY.toString()).statusCode()).isEqualTo(201);
        var late = admin.postJson("/api/v1/societies/lg-min/withdrawals/" + bobs + "/approval", "{}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("leave member " + bob + " with 40 shares").contains("minimum holding of 50 shares")
                .contains("at most 90 shares").contains("all 140");
        assertThat(requestState(admin, "lg-min", bobs)).isEqualTo("REQUESTED");
        try (var c = db(); var ps = c.prepareStatement("SELECT COUNT(*) FROM payout p JOIN society s ON s.id = p.society_id WHERE s.slug = 'lg-min'")) {
            var rs = ps.executeQuery();
            rs.next();
            assertThat(rs.getLong(1)).as("no payout was made").isZero();
        }
        var latePage = admin.submit("/s/lg-min/withdrawals", "/s/lg-min/withdrawals/" + bobs + "/approval", Map.of());
        assertThat(latePage.statusCode()).isEqualTo(409);
        assertThat(latePage.body()).contains("minimum holding of 50 shares");

        // everything is always allowed
        requestId(annHttp.postJson("/api/v1/societies/lg-min/withdrawals", "{\"shares\":100}"));

        // transfers: a part that leaves Cat below the minimum is refused; the whole holding ends her membership
        assertThat(admin.putJson("/api/v1/societies/lg-min/ledger/settings", "{\"transfersAllowed\":true}").statusCode()).isEqualTo(200);
        String body = "{\"fromMemberNumber\":%d,\"toMemberNumber\":%d,\"shares\":%d,\"boardConsent\":\"Minute 7\",\"consentedOn\":\"" + TODAY + "\"}";
        var part = admin.postJson("/api/v1/societies/lg-min/ledger/transfers", body.formatted(cat, dan, 60));
        assertThat(part.statusCode()).isEqualTo(400);
        assertThat(part.body()).contains("Member " + cat + " would keep 40 shares").contains("minimum holding of 50 shares")
                .contains("transfer at most 50 shares").contains("all 100, which ends their membership");
        assertThat(shares(admin, "lg-min", cat)).isEqualTo(100);
        assertThat(shares(admin, "lg-min", dan)).isEqualTo(100);
        var whole = admin.postJson("/api/v1/societies/lg-min/ledger/transfers", body.formatted(cat, dan, 100));
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(201);
        assertThat(Http.json(whole).getBoolean("transferorMembershipEnded")).isTrue();
        assertThat(shares(admin, "lg-min", cat)).isZero();
        assertThat(shares(admin, "lg-min", dan)).isEqualTo(200);
        var catEntry = Http.json(admin.get("/api/v1/societies/lg-min/members/" + cat)).getJsonObject("member");
        assertThat(catEntry.getString("state")).isEqualTo("CEASED");
        assertThat(catEntry.getString("ceasedReason")).isEqualTo("TRANSFERRED_ALL_SHARES");
        assertThat(catEntry.getString("ceasedOn")).isEqualTo(TODAY.toString());
        assertThat(admin.get("/api/v1/societies/lg-min/audit?action=member.ceased").body()).contains("member.ceased");
        // a part that keeps the minimum leaves the membership as it was, through the page too
        var keep = admin.submit("/s/lg-min/ledger", "/s/lg-min/ledger/transfers", Map.of("fromMemberNumber", String.valueOf(dan),
                "toMemberNumber", String.valueOf(bob), "shares", "150", "boardConsent", "Minute 8", "consentedOn-day",
                String.valueOf(TODAY.getDayOfMonth()), "consentedOn-month", String.valueOf(TODAY.getMonthValue()), "consentedOn-year",
                String.valueOf(TODAY.getYear())));
        assertThat(keep.statusCode()).as(keep.body()).isEqualTo(303);
        assertThat(Http.json(admin.get("/api/v1/societies/lg-min/members/" + dan)).getJsonObject("member").getString("state")).isEqualTo("MEMBER");
    }

    @Test
    void theMemberIsEmailedEachDecisionOnTheirWithdrawalAndItsPayment() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "lg-mail", "GREAT_BRITAIN");
        assertThat(admin.patchJson("/api/v1/societies/lg-mail/settings", "{\"withdrawalNoticeDays\":0,\"withdrawalAnnualCapPercent\":100}")
                .statusCode()).isEqualTo(200);
        // Eve ticked no optional email purposes: like her allotment letter, mail about her own money still reaches her
        long eve = member(admin, "lg-mail", "Eve Emailed", "eve@lg-mail.example", "1970-01-01", false);
        correct(admin, "lg-mail", eve, 1_000, 1_000_00, "2025-01-01");
        String to = "eve@lg-mail.example";

        long first = requestId(admin.postJson("/api/v1/societies/lg-mail/withdrawals", "{\"shares\":100,\"memberNumber\":" + eve + "}"));
        var deferred = admin.postJson("/api/v1/societies/lg-mail/withdrawals/" + first + "/deferral", "{\"reason\":\"Cash is short until the FIT payment\"}");
        assertThat(deferred.statusCode()).as(deferred.body()).isEqualTo(200);
        var deferral = world.lastMailTo(to, "deferred");
        assertThat(deferral.getContent().toString()).contains("Dear Eve Emailed").contains("withdraw 100 shares")
                .contains("Reason: Cash is short until the FIT payment").contains("/s/lg-mail/my-shares");

        var approved = admin.submit("/s/lg-mail/withdrawals", "/s/lg-mail/withdrawals/" + first + "/approval", Map.of());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
        assertThat(world.lastMailTo(to, "approved").getContent().toString()).contains("withdraw 100 shares").contains("£100.00");
        // a decision that is refused sends nothing
        assertThat(admin.postJson("/api/v1/societies/lg-mail/withdrawals/" + first + "/approval", "{}").statusCode()).isEqualTo(409);

        long second = requestId(admin.postJson("/api/v1/societies/lg-mail/withdrawals", "{\"shares\":900,\"memberNumber\":" + eve + "}"));
        var refused = admin.submit("/s/lg-mail/withdrawals", "/s/lg-mail/withdrawals/" + second + "/refusal", Map.of("reason", "Over the annual cap"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(303);
        assertThat(world.lastMailTo(to, "refused").getContent().toString()).contains("withdraw 900 shares").contains("Reason: Over the annual cap");

        // the payment run pays the approved withdrawal: Eve hears it is paid
        var originator = admin.putJson("/api/v1/societies/lg-mail/payment-runs/originator", """
                {"serviceUserNumber":"654321","serviceUserName":"Mail Energy","sortCode":"40-11-22",
                 "accountNumber":"71234567","accountName":"Mail Community Energy"}""");
        assertThat(originator.statusCode()).as(originator.body()).isEqualTo(200);
        var bank = admin.putJson("/api/v1/societies/lg-mail/bank-details/" + eve,
                "{\"sortCode\":\"30-94-30\",\"accountNumber\":\"00733445\",\"accountName\":\"Eve Emailed\"}");
        assertThat(bank.statusCode()).as(bank.body()).isEqualTo(200);
        LocalDate day = TODAY.plusDays(1);
        while (day.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        var run = admin.postJson("/api/v1/societies/lg-mail/payment-runs", "{\"processingDate\":\"" + day + "\"}");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        int number = Http.json(run).getInt("number");
        var paid = admin.postJson("/api/v1/societies/lg-mail/payment-runs/" + number + "/payment", "{\"paidOn\":\"" + TODAY + "\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(world.lastMailTo(to, "is paid").getContent().toString()).contains("paid you £100.00 on " + TODAY)
                .contains("100 shares").doesNotContain("membership");
        assertThat(shares(admin, "lg-mail", eve)).isEqualTo(900);

        assertThat(world.mailCountTo(to, "approved")).isEqualTo(1);
        assertThat(world.mailCountTo(to, "deferred")).isEqualTo(1);
        assertThat(world.mailCountTo(to, "refused")).isEqualTo(1);
    }

    private static void certificate(String society, long memberNumber, long number, long shares) throws Exception {
        try (var c = db(); var st = c.prepareStatement("""
                INSERT INTO share_certificate (society_id, number, member_id, shares, amount_pence, issued_on, created_at)
                SELECT s.id, ?, m.id, ?, ?, '2025-01-01', NOW(6) FROM society s JOIN member m ON m.society_id = s.id
                WHERE s.slug = ? AND m.member_number = ?""")) {
            st.setLong(1, number);
            st.setLong(2, shares);
            st.setLong(3, shares * 100);
            st.setString(4, society);
            st.setLong(5, memberNumber);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void certificatesAndCancellationsBelongToTheirMemberAndNoDirectorDecidesTheirOwn() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "lg-acc", "GREAT_BRITAIN");
        long mia = member(admin, "lg-acc", "Mia Owner", "mia@lg-acc.example", "1970-01-01", false);
        long ned = member(admin, "lg-acc", "Ned Other", "ned@lg-acc.example", "1970-01-01", false);
        long dee = member(admin, "lg-acc", "Dee Director", "dee@lg-acc.example", "1970-01-01", false);
        correct(admin, "lg-acc", mia, 100, 100_00, "2025-01-01");
        correct(admin, "lg-acc", ned, 100, 100_00, "2025-01-01");
        correct(admin, "lg-acc", dee, 100, 100_00, "2025-01-01");
        certificate("lg-acc", mia, 1, 100);
        certificate("lg-acc", ned, 2, 100);
        var miaHttp = world.person(admin, "lg-acc", "mia@lg-acc.example", "MEMBER");
        var nedHttp = world.person(admin, "lg-acc", "ned@lg-acc.example", "MEMBER");
        var deeHttp = world.person(admin, "lg-acc", "dee@lg-acc.example", "DIRECTOR");

        // a member downloads their own certificate; another member's does not exist for them; an officer sees any
        var own = miaHttp.getBytes("/api/v1/societies/lg-acc/certificates/1.pdf");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(new String(own.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(miaHttp.getBytes("/api/v1/societies/lg-acc/certificates/2.pdf").statusCode()).isEqualTo(404);
        assertThat(nedHttp.getBytes("/api/v1/societies/lg-acc/certificates/1.pdf").statusCode()).isEqualTo(404);
        assertThat(deeHttp.getBytes("/api/v1/societies/lg-acc/certificates/1.pdf").statusCode()).isEqualTo(200);
        assertThat(admin.getBytes("/api/v1/societies/lg-acc/certificates/2.pdf").statusCode()).isEqualTo(200);
        var mine = Http.jsonArray(miaHttp.get("/api/v1/societies/lg-acc/certificates/mine"));
        assertThat(mine).hasSize(1);
        assertThat(mine.getJsonObject(0).getJsonNumber("number").longValue()).isEqualTo(1);
        String page = miaHttp.get("/s/lg-acc/my-certificates").body();
        assertThat(page).contains("/certificates/1.pdf").doesNotContain("/certificates/2.pdf");

        // a member cannot cancel another's request, on the page or through the API; their own they can
        long mias = requestId(miaHttp.postJson("/api/v1/societies/lg-acc/withdrawals", "{\"shares\":10}"));
        var nedPage = nedHttp.submit("/s/lg-acc/my-shares", "/s/lg-acc/my-shares/withdrawals/" + mias + "/cancellation", Map.of());
        assertThat(nedPage.statusCode()).isEqualTo(404);
        assertThat(nedHttp.postJson("/api/v1/societies/lg-acc/withdrawals/" + mias + "/cancellation", "{}").statusCode()).isEqualTo(404);
        assertThat(requestState(admin, "lg-acc", mias)).isEqualTo("REQUESTED");

        // a director cannot decide their own request in any way, on the page or through the API
        long dees = requestId(deeHttp.postJson("/api/v1/societies/lg-acc/withdrawals", "{\"shares\":10}"));
        var deferOwn = deeHttp.submit("/s/lg-acc/withdrawals", "/s/lg-acc/withdrawals/" + dees + "/deferral", Map.of("reason", "Mine"));
        assertThat(deferOwn.statusCode()).isEqualTo(403);
        assertThat(deeHttp.submit("/s/lg-acc/withdrawals", "/s/lg-acc/withdrawals/" + dees + "/refusal", Map.of("reason", "Mine")).statusCode())
                .isEqualTo(403);
        var refuseOwn = deeHttp.postJson("/api/v1/societies/lg-acc/withdrawals/" + dees + "/refusal", "{\"reason\":\"Mine\"}");
        assertThat(refuseOwn.statusCode()).isEqualTo(403);
        assertThat(refuseOwn.body()).contains("your own withdrawal request");
        assertThat(requestState(admin, "lg-acc", dees)).isEqualTo("REQUESTED");
        // but decides another's
        var other = deeHttp.submit("/s/lg-acc/withdrawals", "/s/lg-acc/withdrawals/" + mias + "/deferral", Map.of("reason", "Cash is short"));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(303);
        assertThat(requestState(admin, "lg-acc", mias)).isEqualTo("DEFERRED");

        var cancelled = miaHttp.submit("/s/lg-acc/my-shares", "/s/lg-acc/my-shares/withdrawals/" + mias + "/cancellation", Map.of());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(303);
        assertThat(requestState(admin, "lg-acc", mias)).isEqualTo("NOT QUEUED");
    }

    private static long memberId(String society, long number) throws SQLException {
        try (var c = db(); var ps = c.prepareStatement("SELECT m.id FROM member m JOIN society s ON s.id = m.society_id"
                + " WHERE s.slug = ? AND m.member_number = ?")) {
            ps.setString(1, society);
            ps.setLong(2, number);
            var rs = ps.executeQuery();
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static long count(String sql, String society) throws SQLException {
        try (var c = db(); var ps = c.prepareStatement(sql)) {
            ps.setString(1, society);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The competing transaction ends the membership (as recording a death does), holding the member's row until it commits. */
    private static void ceaseUncommitted(java.sql.Connection c, long memberId) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE member SET state = 'CEASED', ceased_on = CURDATE(), ceased_reason = 'DIED' WHERE id = ?")) {
            ps.setLong(1, memberId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void sharesNeverPassToAMemberWhoseMembershipEndedWhileTheTransferOrDeathWaited() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "lg-gone", "GREAT_BRITAIN");
        assertThat(admin.putJson("/api/v1/societies/lg-gone/ledger/settings", "{\"transfersAllowed\":true}").statusCode()).isEqualTo(200);
        long fay = member(admin, "lg-gone", "Fay From", null, "1970-01-01", false);
        long tom = member(admin, "lg-gone", "Tom To", null, "1970-01-01", false);
        correct(admin, "lg-gone", fay, 500, 500_00, "2025-01-01");
        correct(admin, "lg-gone", tom, 100, 100_00, "2025-01-01");

        // Tom's death is being recorded as the transfer to him is: the transfer waits for his row, then finds him gone
        try (var c = Contention.transaction()) {
            ceaseUncommitted(c, memberId("lg-gone", tom));
            var refused = Contention.commitWhileWaiting(c, () -> admin.overHttp11().postJson("/api/v1/societies/lg-gone/ledger/transfers",
                    "{\"fromMemberNumber\":%d,\"toMemberNumber\":%d,\"shares\":200,\"boardConsent\":\"Minute 7\",\"consentedOn\":\"%s\"}"
                            .formatted(fay, tom, TODAY)));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains("Member " + tom + " is no longer a current member and cannot receive shares");
        }
        assertThat(shares(admin, "lg-gone", fay)).isEqualTo(500);
        assertThat(shares(admin, "lg-gone", tom)).isEqualTo(100);
        assertThat(count("SELECT COUNT(*) FROM share_transfer t JOIN society s ON s.id = t.society_id WHERE s.slug = ?", "lg-gone")).isZero();
        assertThat(Http.json(admin.get("/api/v1/societies/lg-gone/members/" + fay)).getJsonObject("member").getString("state"))
                .isEqualTo("MEMBER");

        // the same for a nominee who is a member and takes the shares on a death
        long dora = member(admin, "lg-gone", "Dora Deceased", null, "1940-01-01", false);
        long nell = member(admin, "lg-gone", "Nell Nominee", null, "1975-01-01", false);
        correct(admin, "lg-gone", dora, 1_000, 1_000_00, "2025-01-01");
        long nomination = nominationId(admin, "lg-gone", dora, "Nell Nominee", "100");
        try (var c = Contention.transaction()) {
            ceaseUncommitted(c, memberId("lg-gone", nell));
            var refused = Contention.commitWhileWaiting(c, () -> admin.overHttp11().postJson("/api/v1/societies/lg-gone/ledger/members/" + dora + "/death",
                    "{\"diedOn\":\"%s\",\"evidence\":\"Death certificate seen\",\"representatives\":\"Rex Executor\",\"nomineeMembers\":{\"%d\":%d}}"
                            .formatted(TODAY, nomination, nell)));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains("Member " + nell + " is no longer a current member and cannot receive the shares");
        }
        assertThat(shares(admin, "lg-gone", dora)).isEqualTo(1_000);
        assertThat(shares(admin, "lg-gone", nell)).isZero();
        assertThat(count("SELECT COUNT(*) FROM member_death d JOIN member m ON m.id = d.member_id JOIN society s ON s.id = m.society_id"
                + " WHERE s.slug = ?", "lg-gone")).isZero();
        assertThat(Http.json(admin.get("/api/v1/societies/lg-gone/members/" + dora)).getJsonObject("member").getString("state"))
                .isEqualTo("MEMBER");
    }

    @Test
    void writingDownAllCapitalIncludesAHoldingGivenOrToppedUpWhileItWaited() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "lg-wdr", "GREAT_BRITAIN");
        long ann = member(admin, "lg-wdr", "Ann Able", null, "1970-01-01", false);
        long ben = member(admin, "lg-wdr", "Ben New", null, "1970-01-01", false);
        correct(admin, "lg-wdr", ann, 100, 100_00, "2025-01-01");
        long annId = memberId("lg-wdr", ann);
        long benId = memberId("lg-wdr", ben);
        long societyId;
        try (var c = db(); var ps = c.prepareStatement("SELECT id FROM society WHERE slug = 'lg-wdr'")) {
            var rs = ps.executeQuery();
            rs.next();
            societyId = rs.getLong(1);
        }
        // an allotment is writing the ledger as the write-down starts: it tops Ann up by £50 and gives Ben his first £200,
        // locking their member rows first, as every change to a holding does
        try (var c = Contention.transaction()) {
            try (var st = c.createStatement()) {
                st.executeQuery("SELECT id FROM member WHERE id IN (" + annId + ", " + benId + ") ORDER BY id FOR UPDATE").close();
                st.executeUpdate("UPDATE share_holding SET shares = shares + 50, amount_pence = amount_pence + 5000 WHERE member_id = " + annId);
                st.executeUpdate("INSERT INTO share_holding (member_id, society_id, shares, amount_pence) VALUES (" + benId + ", " + societyId
                        + ", 200, 20000)");
                st.executeUpdate("INSERT INTO share_entry (society_id, member_id, kind, shares, amount_pence, entry_date, reference, recorded_at)"
                        + " VALUES (" + societyId + ", " + annId + ", 'ALLOTMENT', 50, 5000, CURDATE(), 'Allotment', NOW(6)), (" + societyId
                        + ", " + benId + ", 'ALLOTMENT', 200, 20000, CURDATE(), 'Allotment', NOW(6))");
            }
            var written = Contention.commitWhileWaiting(c, () -> admin.overHttp11().postJson("/api/v1/societies/lg-wdr/ledger/write-downs",
                    "{\"percent\":10,\"on\":\"%s\",\"reason\":\"AGM resolution 7\"}".formatted(TODAY)));
            assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
            assertThat(Http.json(written).getJsonNumber("totalPence").longValue()).isEqualTo(15_00 + 20_00);
        }
        assertThat(statement(admin, "lg-wdr", ann).getJsonNumber("amountPence").longValue()).isEqualTo(135_00);
        assertThat(statement(admin, "lg-wdr", ben).getJsonNumber("amountPence").longValue()).isEqualTo(180_00);
        var summary = Http.json(admin.get("/api/v1/societies/lg-wdr/ledger"));
        assertThat(summary.getJsonNumber("capitalPence").longValue()).isEqualTo(summary.getJsonNumber("heldPence").longValue()).isEqualTo(315_00);
    }
}
