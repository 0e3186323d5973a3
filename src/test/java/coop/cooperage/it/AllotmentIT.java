package coop.cooperage.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Allotment of a closed offer end to end: the proposal, approval (once, however many approve at once), what it
 * writes (members, ledger, certificates, refunds, mail), certificates for members, and the share reports. Offers,
 * applications and payments are written straight into the database: other parts of the application make them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AllotmentIT {

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

    private static final LocalDate CLOSED_ON = LocalDate.now().minusDays(10);
    private static final LocalDate DECIDED_ON = CLOSED_ON.plusDays(1);

    private World world() {
        return new World(Deployments.loopback(url), MAIL);
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getenv("COOP_DB_URL"), "cooperage", "cooperage");
    }

    /** Offers, applicants, applications and payments written as the offers and payments parts would write them. */
    private static final class Fixture {
        final String slug;
        final long societyId;
        long offerId;
        long minTargetPence = 10_000;
        int n;

        Fixture(String slug) throws SQLException {
            this.slug = slug;
            this.societyId = longOf("SELECT id FROM society WHERE slug = '" + slug + "'");
        }

        long offer(String offerSlug, String state, long maxPence, String locality, String scaleBack) throws SQLException {
            offerId = insert("INSERT INTO share_offer (society_id, slug, title, description, opens_on, closes_on, min_target_pence,"
                    + " max_target_pence, min_per_applicant_pence, max_per_applicant_pence, share_price_pence, locality, scale_back, state,"
                    + " created_at) VALUES (" + societyId + ", '" + offerSlug + "', 'Solar on the school roof', 'Panels', '"
                    + CLOSED_ON.minusDays(30) + "', '" + CLOSED_ON + "', " + minTargetPence + ", " + maxPence + ", 5000, 10000000, 100, '" + locality
                    + "', '" + scaleBack + "', '" + state + "', NOW(6))");
            return offerId;
        }

        long applicant(String name, String postcode, String email) throws SQLException {
            String district = postcode.substring(0, postcode.indexOf(' '));
            return insert("INSERT INTO member (society_id, application_ref, kind, name, address, postcode, postcode_district,"
                    + " postcode_sector, email, email_purposes, state, applied_on, created_at) VALUES (" + societyId + ", 'AT" + (++n)
                    + "', 'INDIVIDUAL', '" + name + "', '1 High Street', '" + postcode + "', '" + district + "', '"
                    + postcode.substring(0, postcode.length() - 2) + "', " + (email == null ? "NULL" : "'" + email + "'")
                    + ", '', 'APPLICANT', '" + CLOSED_ON.minusDays(20) + "', NOW(6))");
        }

        long application(long memberId, long shares, boolean local, long paidPence) throws SQLException {
            long id = insert("INSERT INTO share_application (society_id, offer_id, member_id, reference, shares_requested, amount_pence,"
                    + " payment_method, local_applicant, state, submitted_at) VALUES (" + societyId + ", " + offerId + ", " + memberId
                    + ", '" + slug.toUpperCase() + "-" + (++n) + "', " + shares + ", " + shares * 100 + ", 'BANK_TRANSFER', " + local
                    + ", 'SUBMITTED', NOW(6) + INTERVAL " + n + " SECOND)");
            if (paidPence != 0) {
                insert("INSERT INTO share_payment (society_id, application_id, amount_pence, received_on, method, recorded_at) VALUES ("
                        + societyId + ", " + id + ", " + paidPence + ", '" + CLOSED_ON.minusDays(5) + "', 'BANK_TRANSFER', NOW(6))");
            }
            return id;
        }

        long count(String table, String where) throws SQLException {
            return longOf("SELECT COUNT(*) FROM " + table + " WHERE society_id = " + societyId + (where.isEmpty() ? "" : " AND " + where));
        }

        static long longOf(String sql) throws SQLException {
            try (var c = db(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        }

        static String stringOf(String sql) throws SQLException {
            try (var c = db(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
                return r.next() ? r.getString(1) : null;
            }
        }

        static long insert(String sql) throws SQLException {
            try (var c = db(); var s = c.createStatement()) {
                s.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
                var keys = s.getGeneratedKeys();
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private record Scenario(Fixture f, Map<String, Long> apps, Map<String, Long> members) {
    }

    /**
    * 1,000 £1 shares, local applicants first, largest cut first, minimum holding 50. Locals ask 900 in all (Ann 600,
    * Cat 300, an existing member who overpaid £50) and get it; Ben (800) and Fay (200) from away share the 100 left,
    * 50 each (the minimum); Dan never paid; Eve paid for 20 shares, below the minimum.
    */
    private Scenario scenario(World world, Http admin, String slug) throws Exception {
        world.society(admin, slug, "GREAT_BRITAIN");
        var created = admin.postJson("/api/v1/societies/" + slug + "/members", """
                {"member":{"kind":"INDIVIDUAL","name":"Cat Member","address":"2 Mill Lane","postcode":"BS3 4AA","email":"cat@%s.example",
                 "emailPurposes":["NOTICES"],"dateOfBirth":"1970-01-01"},"joinedOn":"2020-01-01"}""".formatted(slug));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var f = new Fixture(slug);
        f.offer("solar", "CLOSED", 100_000, "LOCAL_PRIORITY", "LARGEST_FIRST");
        var members = new LinkedHashMap<String, Long>();
        members.put("ann", f.applicant("Ann Local", "BS1 4RW", "ann@" + slug + ".example"));
        members.put("ben", f.applicant("Ben Away", "HX7 8AA", "ben@" + slug + ".example"));
        members.put("cat", Fixture.longOf("SELECT id FROM member WHERE society_id = " + f.societyId + " AND name = 'Cat Member'"));
        members.put("dan", f.applicant("Dan Unpaid", "BS1 5AA", null));
        members.put("eve", f.applicant("Eve Small", "BS1 6AA", "eve@" + slug + ".example"));
        members.put("fay", f.applicant("Fay Away", "HX7 9AA", null));
        var apps = new LinkedHashMap<String, Long>();
        apps.put("ann", f.application(members.get("ann"), 600, true, 60_000));
        apps.put("ben", f.application(members.get("ben"), 800, false, 80_000));
        apps.put("cat", f.application(members.get("cat"), 300, true, 35_000));
        apps.put("dan", f.application(members.get("dan"), 100, true, 0));
        apps.put("eve", f.application(members.get("eve"), 100, true, 2_000));
        apps.put("fay", f.application(members.get("fay"), 200, false, 20_000));
        return new Scenario(f, apps, members);
    }

    private static Map<Long, JsonObject> byApplication(JsonObject allotment) {
        var map = new LinkedHashMap<Long, JsonObject>();
        allotment.getJsonArray("applications").forEach(a -> map.put(a.asJsonObject().getJsonNumber("applicationId").longValue(), a.asJsonObject()));
        return map;
    }

    /** Approves through the API: the work is queued as a job (202, with the job's Location). */
    private static HttpResponse<String> approve(Http who, String society, String offer) {
        return who.postJson("/api/v1/societies/" + society + "/allotments/" + offer, "{\"decidedOn\":\"" + DECIDED_ON + "\"}");
    }

    /** The path of the job that an accepted request (202) or a page's redirect (303) points to. */
    private static String jobPath(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(202, 303);
        return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
    }

    /**
     * Polls the job until it has ended and returns it. Each poll is a request; the only limit is a deadline, so a slow
     * machine waits longer rather than failing.
     */
    private static JsonObject awaitJob(Http who, String jobPath) {
        String path = jobPath.startsWith("/s/") ? "/api/v1/societies/" + jobPath.substring(3) : jobPath;
        return awaitJobWhere(who, path, job -> job.getString("state").equals("SUCCEEDED") || job.getString("state").equals("FAILED"));
    }

    /** Approves and waits for the job: it must succeed. */
    private static JsonObject approved(Http who, String society, String offer) throws InterruptedException {
        var job = awaitJob(who, jobPath(approve(who, society, offer)));
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("SUCCEEDED");
        return job;
    }

    /**
     * Polls the job until it satisfies {@code condition} (a running job seen from outside); a job that ends
     * without satisfying it fails the test at once.
     */
    private static JsonObject awaitJobWhere(Http who, String jobPath, java.util.function.Predicate<JsonObject> condition) {
        return org.awaitility.Awaitility.await("job " + jobPath).atMost(java.time.Duration.ofMinutes(3))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> Http.json(who.get(jobPath)), job -> {
                    if (condition.test(job)) {
                        return true;
                    }
                    assertThat(job.getString("state")).as(job.toString()).isIn("QUEUED", "RUNNING");
                    return false;
                });
    }

    @Test
    void theBoardApprovesTheProposalAndEverythingTheAllotmentMeansHappensOnce() throws Exception {
        var world = world();
        var admin = world.admin();
        var s = scenario(world, admin, "al1");
        var director = world.person(admin, "al1", "dir@al1.example", "DIRECTOR");

        var proposal = director.get("/api/v1/societies/al1/allotments/solar");
        assertThat(proposal.statusCode()).as(proposal.body()).isEqualTo(200);
        var p = Http.json(proposal);
        assertThat(p.getBoolean("approvable")).isTrue();
        assertThat(p.getBoolean("oversubscribed")).isTrue();
        var lines = byApplication(p);
        assertThat(lines.get(s.apps().get("ann")).getInt("sharesAllotted")).isEqualTo(600);
        assertThat(lines.get(s.apps().get("ben")).getInt("sharesAllotted")).isEqualTo(50);
        assertThat(lines.get(s.apps().get("cat")).getInt("sharesAllotted")).isEqualTo(300);
        assertThat(lines.get(s.apps().get("cat")).getInt("refundPence")).isEqualTo(5_000);
        assertThat(lines.get(s.apps().get("dan")).getInt("sharesAllotted")).isZero();
        assertThat(lines.get(s.apps().get("eve")).getString("outcome")).contains("minimum holding");
        assertThat(lines.get(s.apps().get("fay")).getInt("sharesAllotted")).isEqualTo(50);
        var totals = p.getJsonObject("totals");
        assertThat(totals.getInt("sharesAllotted")).isEqualTo(1000);
        assertThat(totals.getInt("paidPence")).isEqualTo(197_000);
        assertThat(totals.getInt("refundPence")).isEqualTo(97_000);
        assertThat(totals.getInt("membersToAdmit")).isEqualTo(3);
        // looking changes nothing
        assertThat(s.f().count("share_entry", "")).isZero();

        var accepted = approve(director, "al1", "solar");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(Http.json(accepted).getString("state")).isIn("QUEUED", "RUNNING", "SUCCEEDED");
        assertThat(Http.json(accepted).getString("kind")).isEqualTo("shares.allotment-approval");
        var job = awaitJob(director, jobPath(accepted));
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.getString("message")).isEqualTo("Allotted 1000 shares to 4 investors; 4 refunds (£970.00) are due");
        assertThat(job.getInt("done")).isEqualTo(6);
        assertThat(job.getInt("total")).isEqualTo(6);
        assertThat(job.getInt("percent")).isEqualTo(100);
        assertThat(job.getInt("attempts")).isEqualTo(1);
        assertThat(job.getString("requestedBy")).isEqualTo("dir@al1.example");
        assertThat(job.getString("resultApi")).isEqualTo("/api/v1/societies/al1/allotments/solar");
        assertThat(job.getString("resultPage")).isEqualTo("/s/al1/allotments/solar");
        var a = Http.json(director.get(job.getString("resultApi")));
        assertThat(a.getString("state")).isEqualTo("ALLOTTED");
        assertThat(a.getJsonObject("decision").getString("approverRole")).isEqualTo("DIRECTOR");
        assertThat(a.getJsonObject("decision").getString("decidedOn")).isEqualTo(DECIDED_ON.toString());
        assertThat(a.getJsonObject("decision").getInt("membersAdmitted")).isEqualTo(3);

        var f = s.f();
        assertThat(Fixture.stringOf("SELECT state FROM share_offer WHERE id = " + f.offerId)).isEqualTo("ALLOTTED");
        assertThat(f.count("share_entry", "kind = 'ALLOTMENT'")).isEqualTo(4);
        assertThat(Fixture.longOf("SELECT SUM(shares) FROM share_entry WHERE society_id = " + f.societyId)).isEqualTo(1000);
        assertThat(Fixture.longOf("SELECT SUM(amount_pence) FROM share_entry WHERE society_id = " + f.societyId)).isEqualTo(100_000);
        assertThat(f.count("share_certificate", "")).isEqualTo(4);
        assertThat(Fixture.longOf("SELECT MIN(number) FROM share_certificate WHERE society_id = " + f.societyId)).isEqualTo(1);
        assertThat(Fixture.longOf("SELECT MAX(number) FROM share_certificate WHERE society_id = " + f.societyId)).isEqualTo(4);
        assertThat(f.count("payout", "kind = 'REFUND' AND state = 'DUE' AND source_type = 'share_application'")).isEqualTo(4);
        assertThat(Fixture.longOf("SELECT SUM(amount_pence) FROM payout WHERE society_id = " + f.societyId)).isEqualTo(97_000);
        assertThat(Fixture.longOf("SELECT amount_pence FROM payout WHERE source_type = 'share_application' AND source_id = " + s.apps().get("eve"))).isEqualTo(2_000);
        assertThat(f.count("payout", "source_type = 'share_application' AND source_id = " + s.apps().get("dan"))).isZero();
        var states = new LinkedHashMap<String, String>();
        for (var e : s.apps().entrySet()) {
            states.put(e.getKey(), Fixture.stringOf("SELECT CONCAT(state, ':', COALESCE(shares_allotted, '-')) FROM share_application WHERE id = " + e.getValue()));
        }
        assertThat(states).containsExactly(Map.entry("ann", "ALLOTTED:600"), Map.entry("ben", "ALLOTTED:50"), Map.entry("cat", "ALLOTTED:300"),
                Map.entry("dan", "REJECTED:0"), Map.entry("eve", "REFUNDED:0"), Map.entry("fay", "ALLOTTED:50"));
        // the new members are numbered after Cat (1), in the order they applied; Dan and Eve stay applicants
        assertThat(Fixture.longOf("SELECT member_number FROM member WHERE id = " + s.members().get("ann"))).isEqualTo(2);
        assertThat(Fixture.longOf("SELECT member_number FROM member WHERE id = " + s.members().get("ben"))).isEqualTo(3);
        assertThat(Fixture.longOf("SELECT member_number FROM member WHERE id = " + s.members().get("fay"))).isEqualTo(4);
        assertThat(Fixture.stringOf("SELECT state FROM member WHERE id = " + s.members().get("eve"))).isEqualTo("APPLICANT");
        assertThat(f.count("allotment_decision", "approver_role = 'DIRECTOR' AND decided_on = '" + DECIDED_ON + "'")).isEqualTo(1);
        // the approval is recorded as the board's decision of that date, by the approver, and linked from the allotment
        long boardItem = a.getJsonObject("decision").getJsonNumber("boardDecision").longValue();
        assertThat(Fixture.longOf("SELECT board_item_id FROM allotment_decision WHERE offer_id = " + f.offerId)).isEqualTo(boardItem);
        assertThat(f.count("board_item", "id = " + boardItem + " AND kind = 'RECORDED' AND decided_on = '" + DECIDED_ON + "'")).isEqualTo(1);
        assertThat(Fixture.stringOf("SELECT text FROM board_item WHERE id = " + boardItem))
                .isEqualTo("Allotment of Solar on the school roof: 1,000 shares to 4 applicants, £970.00 refunded");
        assertThat(f.count("board_item", "")).isEqualTo(1);
        assertThat(Fixture.longOf("SELECT COUNT(*) FROM audit_event WHERE chain_id = " + f.societyId + " AND action = 'offer.allotted'")).isEqualTo(1);
        assertThat(Fixture.longOf("SELECT COUNT(*) FROM audit_event WHERE chain_id = " + f.societyId
                + " AND action = 'share_application.allotted'")).isEqualTo(6);
        // the work ran in the background, but on the director's behalf: the audit trail says so
        assertThat(Fixture.longOf("SELECT COUNT(*) FROM audit_event WHERE chain_id = " + f.societyId
                + " AND action = 'offer.allotted' AND actor = 'dir@al1.example'")).isEqualTo(1);
        assertThat(Fixture.longOf("SELECT COUNT(*) FROM audit_event WHERE chain_id = " + f.societyId
                + " AND action = 'member.admitted' AND actor = 'dir@al1.example'")).isEqualTo(3);

        // each investor with an email hears what they got, and where their certificate is
        var ann = world.lastMailTo("ann@al1.example", "Your shares in");
        assertThat(ann.getContent().toString()).contains("600 shares").contains("member number 2").contains("/s/al1/my-certificates");
        var eve = world.lastMailTo("eve@al1.example", "Your shares in");
        assertThat(eve.getContent().toString()).contains("no shares could be allotted").contains("£20.00");
        var cat = world.lastMailTo("cat@al1.example", "Your shares in");
        assertThat(cat.getContent().toString()).contains("£50.00");

        // approving again is a conflict that changes nothing
        var again = approve(director, "al1", "solar");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(again.body()).contains("already been allotted");
        assertThat(f.count("share_entry", "")).isEqualTo(4);
        assertThat(f.count("job", "")).isEqualTo(1);

        // the job is the approvers' to see: the treasurer and members are refused, other societies learn nothing
        String jobApi = jobPath(accepted);
        var treasurer = world.person(admin, "al1", "tre@al1.example", "TREASURER");
        assertThat(treasurer.get(jobApi).statusCode()).isEqualTo(403);
        world.society(admin, "al1x", "GREAT_BRITAIN");
        var outsider = world.person(admin, "al1x", "dir@al1x.example", "DIRECTOR");
        assertThat(outsider.get(jobApi).statusCode()).isEqualTo(404);
        assertThat(outsider.get(jobApi.replace("/al1/", "/al1x/")).statusCode()).as("a job belongs to its society").isEqualTo(404);
        assertThat(admin.get(jobApi).statusCode()).isEqualTo(200);
        var jobPage = director.get(jobApi.replace("/api/v1/societies/", "/s/"));
        assertThat(jobPage.statusCode()).isEqualTo(200);
        assertThat(jobPage.body()).contains("Approving the allotment of Solar on the school roof").contains("job-succeeded")
                .contains("Allotted 1000 shares to 4 investors").contains("href=\"/s/al1/allotments/solar\"")
                .doesNotContain("http-equiv=\"refresh\"");

        // the allotment as made, with its certificates
        var made = Http.json(director.get("/api/v1/societies/al1/allotments/solar"));
        assertThat(made.getBoolean("approvable")).isFalse();
        assertThat(byApplication(made).get(s.apps().get("ann")).getInt("certificate")).isEqualTo(1);
        var pdf = director.getBytes("/api/v1/societies/al1/certificates/1.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Share certificate").contains("Ann Local").contains("member number 2").contains("600")
                    .contains("al1 Community Energy").contains("1234R");
        }
    }

    @Test
    void eightDirectorsApprovingAtOnceAllotOnce() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "al2", "GREAT_BRITAIN");
        var f = new Fixture("al2");
        f.offer("wind", "CLOSED", 500_000, "ANYONE", "PRO_RATA");
        for (int i = 0; i < 40; i++) {
            f.application(f.applicant("Investor " + i, "BS1 4RW", null), 200 + i * 10, true, (200 + i * 10) * 100L);
        }
        var director = world.person(admin, "al2", "dir@al2.example", "DIRECTOR");
        var secretary = world.person(admin, "al2", "sec@al2.example", "SECRETARY");
        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Http who = i % 2 == 0 ? director : secretary;
            results.add(pool.submit(() -> {
                start.await();
                return approve(who, "al2", "wind");
            }));
        }
        start.countDown();
        var codes = new ArrayList<Integer>();
        String accepted = null;
        for (var r : results) {
            var response = r.get();
            codes.add(response.statusCode());
            if (response.statusCode() == 202) {
                accepted = jobPath(response);
            } else {
                assertThat(response.body()).containsAnyOf("already being approved", "already been allotted");
            }
        }
        pool.shutdown();
        assertThat(codes).containsOnly(202, 409);
        assertThat(codes.stream().filter(c -> c == 202).count()).isEqualTo(1);
        assertThat(awaitJob(director, accepted).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(f.count("job", "")).isEqualTo(1);
        // 16,200 shares asked, 5,000 available: everyone scaled back pro rata, nobody below 50
        assertThat(f.count("share_entry", "kind = 'ALLOTMENT'")).isEqualTo(40);
        assertThat(Fixture.longOf("SELECT SUM(shares) FROM share_entry WHERE society_id = " + f.societyId)).isEqualTo(5000);
        assertThat(Fixture.longOf("SELECT MIN(shares) FROM share_entry WHERE society_id = " + f.societyId)).isGreaterThanOrEqualTo(50);
        assertThat(f.count("share_certificate", "")).isEqualTo(40);
        assertThat(f.count("allotment_decision", "")).isEqualTo(1);
        assertThat(f.count("payout", "kind = 'REFUND'")).isEqualTo(40);
        assertThat(Fixture.longOf("SELECT SUM(amount_pence) FROM payout WHERE society_id = " + f.societyId)
                + Fixture.longOf("SELECT SUM(amount_pence) FROM share_entry WHERE society_id = " + f.societyId))
                .isEqualTo(Fixture.longOf("SELECT SUM(amount_pence) FROM share_payment WHERE society_id = " + f.societyId));
        assertThat(f.count("member", "member_number IS NOT NULL")).isEqualTo(40);
        assertThat(Fixture.longOf("SELECT COUNT(DISTINCT member_number) FROM member WHERE society_id = " + f.societyId
                + " AND member_number IS NOT NULL")).isEqualTo(40);
    }

    @Test
    void badInputWrongRolesAndOffersNotClosedChangeNothing() throws Exception {
        var world = world();
        var admin = world.admin();
        var s = scenario(world, admin, "al3");
        world.society(admin, "al3x", "GREAT_BRITAIN");
        var treasurer = world.person(admin, "al3", "tre@al3.example", "TREASURER");
        var member = world.person(admin, "al3", "mem@al3.example", "MEMBER");
        var outsider = world.person(admin, "al3x", "dir@al3x.example", "DIRECTOR");
        String path = "/api/v1/societies/al3/allotments/solar";

        assertThat(treasurer.get(path).statusCode()).isEqualTo(200);
        assertThat(treasurer.postJson(path, "{\"decidedOn\":\"" + DECIDED_ON + "\"}").statusCode()).isEqualTo(403);
        assertThat(member.get(path).statusCode()).isEqualTo(403);
        assertThat(member.postJson(path, "{\"decidedOn\":\"" + DECIDED_ON + "\"}").statusCode()).isEqualTo(403);
        assertThat(outsider.get(path).statusCode()).isEqualTo(404);
        assertThat(outsider.postJson(path, "{\"decidedOn\":\"" + DECIDED_ON + "\"}").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/societies/al3/allotments/no-such-offer").statusCode()).isEqualTo(404);

        var missing = admin.postJson(path, "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("decidedOn");
        var future = admin.postJson(path, "{\"decidedOn\":\"" + LocalDate.now().plusDays(2) + "\"}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("future");
        var early = admin.postJson(path, "{\"decidedOn\":\"" + CLOSED_ON.minusDays(1) + "\"}");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("after the offer closed");
        assertThat(admin.postJson(path, "{\"decidedOn\":\"yesterday\"}").statusCode()).isEqualTo(400);

        var f = s.f();
        f.offer("still-open", "OPEN", 100_000, "ANYONE", "PRO_RATA");
        f.application(f.applicant("Olive Open", "BS1 7AA", null), 100, true, 10_000);
        var open = admin.get("/api/v1/societies/al3/allotments/still-open");
        assertThat(open.statusCode()).isEqualTo(409);
        assertThat(open.body()).contains("after it closes");
        assertThat(admin.postJson("/api/v1/societies/al3/allotments/still-open", "{\"decidedOn\":\"" + DECIDED_ON + "\"}").statusCode())
                .isEqualTo(409);

        // an offer that raised less than its minimum target fails: it is not allotted
        f.minTargetPence = 5_000_000;
        f.offer("too-small", "CLOSED", 10_000_000, "ANYONE", "PRO_RATA");
        f.application(f.applicant("Tim Toosmall", "BS1 8AA", null), 100, true, 10_000);
        var small = Http.json(admin.get("/api/v1/societies/al3/allotments/too-small"));
        assertThat(small.getBoolean("minimumTargetReached")).isFalse();
        assertThat(small.getBoolean("approvable")).isFalse();
        var refused = admin.postJson("/api/v1/societies/al3/allotments/too-small", "{\"decidedOn\":\"" + DECIDED_ON + "\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("below its minimum target");

        assertThat(f.count("share_entry", "")).isZero();
        assertThat(f.count("share_certificate", "")).isZero();
        assertThat(f.count("payout", "")).isZero();
        assertThat(f.count("allotment_decision", "")).isZero();
        assertThat(f.count("board_item", "")).as("a refused approval records no board decision").isZero();
        assertThat(f.count("job", "")).as("a refused approval queues nothing").isZero();
        assertThat(f.count("share_offer", "state = 'CLOSED'")).isEqualTo(2);
        assertThat(f.count("member", "state = 'APPLICANT'")).isEqualTo(7);
    }

    @Test
    void aMemberDownloadsTheirOwnCertificateAndNobodyElses() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "al4", "GREAT_BRITAIN");
        // Mia has an account already (a member role from an earlier invitation); her application's member row has her email
        var mia = world.person(admin, "al4", "mia@al4.example", "MEMBER");
        var ned = world.person(admin, "al4", "ned@al4.example", "MEMBER");
        var f = new Fixture("al4");
        f.offer("hydro", "CLOSED", 1_000_000, "ANYONE", "LARGEST_FIRST");
        f.application(f.applicant("Mia Investor", "BS1 4RW", "mia@al4.example"), 250, true, 25_000);
        f.application(f.applicant("Other Investor", "BS1 4RW", null), 100, true, 10_000);
        // someone whose application to join was refused cannot hold shares: their money goes back
        long refused = f.applicant("Rex Refused", "BS1 4RW", null);
        try (var c = db(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE member SET state = 'REJECTED', rejected_reason = 'Not eligible' WHERE id = " + refused);
        }
        long refusedApplication = f.application(refused, 100, true, 10_000);
        approved(admin, "al4", "hydro");
        assertThat(Fixture.stringOf("SELECT state FROM share_application WHERE id = " + refusedApplication)).isEqualTo("REFUNDED");
        assertThat(Fixture.longOf("SELECT amount_pence FROM payout WHERE source_type = 'share_application' AND source_id = " + refusedApplication)).isEqualTo(10_000);
        assertThat(Fixture.stringOf("SELECT state FROM member WHERE id = " + refused)).isEqualTo("REJECTED");

        var mine = Http.jsonArray(mia.get("/api/v1/societies/al4/certificates/mine"));
        assertThat(mine).hasSize(1);
        long number = mine.get(0).asJsonObject().getJsonNumber("number").longValue();
        assertThat(mine.get(0).asJsonObject().getInt("shares")).isEqualTo(250);
        var page = mia.get("/s/al4/my-certificates");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/api/v1/societies/al4/certificates/" + number + ".pdf");
        var pdf = mia.getBytes("/api/v1/societies/al4/certificates/" + number + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Mia Investor").contains("250");
        }
        long other = Fixture.longOf("SELECT number FROM share_certificate WHERE society_id = " + f.societyId + " AND number <> " + number);
        assertThat(mia.getBytes("/api/v1/societies/al4/certificates/" + other + ".pdf").statusCode()).isEqualTo(404);
        assertThat(ned.getBytes("/api/v1/societies/al4/certificates/" + number + ".pdf").statusCode()).isEqualTo(404);
        assertThat(Http.jsonArray(ned.get("/api/v1/societies/al4/certificates/mine"))).isEmpty();
        assertThat(mia.getBytes("/api/v1/societies/al4/certificates/999.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void theShareReportsAddUp() throws Exception {
        var world = world();
        var admin = world.admin();
        var s = scenario(world, admin, "al5");
        var summary = Http.json(admin.get("/api/v1/societies/al5/share-reports/offers/solar"));
        assertThat(summary.getInt("applications")).isEqualTo(6);
        assertThat(summary.getInt("paidPence")).isEqualTo(197_000);
        assertThat(summary.getInt("localApplications")).isEqualTo(4);
        assertThat(summary.getInt("localPaidPence")).isEqualTo(97_000);
        assertThat(summary.getInt("otherPaidPence")).isEqualTo(100_000);
        var districts = summary.getJsonArray("districts").stream().map(d -> d.asJsonObject().getString("district") + ":"
                + d.asJsonObject().getInt("applications") + ":" + d.asJsonObject().getInt("paidPence")).toList();
        assertThat(districts).containsExactly("BS1:3:62000", "BS3:1:35000", "HX7:2:100000");

        approved(admin, "al5", "solar");
        var csv = admin.get("/api/v1/societies/al5/share-reports/offers/solar/summary.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Postcode district,Local,Applications,Shares applied for,Money raised (£),Shares allotted")
                .contains("BS1,yes,3,800,620.00,600").contains("HX7,no,2,1000,1000.00,100");
        var summaryPdf = admin.getBytes("/api/v1/societies/al5/share-reports/offers/solar/summary.pdf");
        assertThat(summaryPdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(summaryPdf.body())) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            assertThat(stripper.getText(doc)).contains("Share offer summary").contains("£1,970.00").contains("HX7");
        }

        var capital = Http.json(admin.get("/api/v1/societies/al5/share-reports/capital"));
        assertThat(capital.getInt("members")).isEqualTo(4);
        assertThat(capital.getInt("shares")).isEqualTo(1000);
        assertThat(capital.getInt("amountPence")).isEqualTo(100_000);
        var before = Http.json(admin.get("/api/v1/societies/al5/share-reports/capital?asAt=" + CLOSED_ON));
        assertThat(before.getInt("members")).isZero();
        var capitalCsv = admin.get("/api/v1/societies/al5/share-reports/capital.csv?asAt=" + DECIDED_ON);
        assertThat(capitalCsv.body().lines().toList()).containsExactly("\uFEFFMember number,Name,Shares,Amount paid (£)",
                "1,Cat Member,300,300.00", "2,Ann Local,600,600.00", "3,Ben Away,50,50.00", "4,Fay Away,50,50.00");
        var capitalPdf = admin.getBytes("/api/v1/societies/al5/share-reports/capital.pdf");
        assertThat(capitalPdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(capitalPdf.body())) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            assertThat(stripper.getText(doc)).contains("Share capital").contains("£1,000.00").contains("Ann Local");
        }
        assertThat(admin.get("/api/v1/societies/al5/share-reports/capital?asAt=31-12-2026").statusCode()).isEqualTo(400);
        var member = world.person(admin, "al5", "mem@al5.example", "MEMBER");
        assertThat(member.get("/api/v1/societies/al5/share-reports/capital").statusCode()).isEqualTo(403);
        assertThat(admin.get("/s/al5/share-reports").body()).contains("Share capital").contains("Solar on the school roof");
    }

    @Test
    void theSecretaryApprovesOnThePage() throws Exception {
        var world = world();
        var admin = world.admin();
        var s = scenario(world, admin, "al6");
        var secretary = world.person(admin, "al6", "sec@al6.example", "SECRETARY");
        var auditor = world.person(admin, "al6", "aud@al6.example", "AUDITOR");
        String page = "/s/al6/allotments/solar";
        // the secretary's page of the closed offer leads to the proposal
        assertThat(secretary.get("/s/al6/share-offers/solar").body()).contains("See the allotment proposal for the board")
                .contains("/s/al6/allotments/solar");
        var proposal = secretary.get(page);
        assertThat(proposal.statusCode()).isEqualTo(200);
        assertThat(proposal.body()).contains("Allotment proposal").contains("Approve the allotment").contains("AL6-");
        var seen = auditor.get(page);
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.body()).doesNotContain("Approve the allotment");

        var bad = secretary.submit(page, page, Map.of("decidedOn", "not a date"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("YYYY-MM-DD");
        var done = secretary.submit(page, page, Map.of("decidedOn", DECIDED_ON.toString()));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        // the approval runs as a job: the page leads to the job's page, which shows the outcome and leads back
        String jobPage = jobPath(done);
        assertThat(jobPage).startsWith("/s/al6/jobs/");
        assertThat(awaitJob(secretary, jobPage).getString("state")).isEqualTo("SUCCEEDED");
        var outcome = secretary.get(jobPage);
        assertThat(outcome.body()).contains("Allotted 1000 shares to 4 investors").contains("href=\"/s/al6/allotments/solar\"");
        assertThat(auditor.get(jobPage).statusCode()).as("the auditor may not approve, so does not see the job").isEqualTo(403);
        // the society's list of background work shows the job to those it concerns, and not to the auditor
        String jobId = jobPage.substring(jobPage.lastIndexOf('/') + 1);
        var listed = Jsoup.parse(secretary.get("/s/al6/jobs").body());
        assertThat(listed.select("#jobs tr[data-job=" + jobId + "]").text()).contains("Done").contains("sec@al6.example");
        assertThat(listed.select("#jobs a[href='" + jobPage + "']")).hasSize(1);
        assertThat(Jsoup.parse(secretary.get("/s/al6").body()).select("a[href='/s/al6/jobs']")).isNotEmpty();
        var listedJson = Http.jsonArray(secretary.get("/api/v1/societies/al6/jobs"));
        assertThat(listedJson.getJsonObject(0).getJsonNumber("id").longValue()).isEqualTo(Long.parseLong(jobId));
        assertThat(listedJson.getJsonObject(0).getString("state")).isEqualTo("SUCCEEDED");
        var auditorsList = auditor.get("/s/al6/jobs");
        assertThat(auditorsList.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(auditorsList.body()).select("#jobs tr[data-job=" + jobId + "]")).isEmpty();
        assertThat(Http.jsonArray(auditor.get("/api/v1/societies/al6/jobs"))).isEmpty();
        var after = secretary.get(page);
        assertThat(after.body()).contains("Approved on").contains("SECRETARY").contains("Certificate 1");
        assertThat(s.f().count("allotment_decision", "approver_role = 'SECRETARY'")).isEqualTo(1);
        long boardItem = Fixture.longOf("SELECT board_item_id FROM allotment_decision WHERE offer_id = " + s.f().offerId);
        assertThat(Fixture.stringOf("SELECT created_by FROM board_item WHERE id = " + boardItem)).isEqualTo("sec@al6.example");
        assertThat(after.body()).contains("/s/al6/board/items/" + boardItem);
        assertThat(secretary.get("/s/al6/board").body()).contains("Allotment of Solar on the school roof: 1,000 shares to 4 applicants");
        // the secretary's offer page leads to the allotment made
        assertThat(secretary.get("/s/al6/share-offers/solar").body()).contains("See the allotment made").contains("/s/al6/allotments/solar");
    }

    /**
     * 60 applicants, all paid in full, all admitted. The test holds a lock on the member row of the 56th, so the job
     * stops there, after its first batch of 50: its progress shows while its transaction is open, and a second approval
     * meanwhile is refused. Let go, the job finishes once.
     */
    @Test
    void theJobShowsItsProgressAndASecondApprovalIsRefusedWhileItRuns() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "al7", "GREAT_BRITAIN");
        var f = new Fixture("al7");
        f.offer("wind", "CLOSED", 1_000_000, "ANYONE", "PRO_RATA");
        var members = new ArrayList<Long>();
        for (int i = 0; i < 60; i++) {
            long member = f.applicant("Investor " + i, "BS1 4RW", "investor" + i + "@al7.example");
            members.add(member);
            f.application(member, 100, true, 10_000);
        }
        var director = world.person(admin, "al7", "dir@al7.example", "DIRECTOR");
        var secretary = world.person(admin, "al7", "sec@al7.example", "SECRETARY");
        String jobApi;
        try (var held = db()) {
            held.setAutoCommit(false);
            try (var st = held.createStatement()) {
                st.executeQuery("SELECT id FROM member WHERE id = " + members.get(55) + " FOR UPDATE").close();
            }
            var accepted = approve(director, "al7", "wind");
            jobApi = jobPath(accepted);
            var running = awaitJobWhere(director, jobApi, j -> j.getInt("done") == 50);
            assertThat(running.getString("state")).isEqualTo("RUNNING");
            assertThat(running.getInt("total")).isEqualTo(60);
            assertThat(running.getInt("percent")).isEqualTo(83);
            assertThat(running.containsKey("finishedAt")).as("not finished").isFalse();
            // the page shows the bar and refreshes itself (no script: the CSP allows none inline)
            var page = secretary.get(jobApi.replace("/api/v1/societies/", "/s/"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<progress id=\"job-progress\"").contains("value=\"83\"").contains("50 of 60 done (83%)")
                    .contains("http-equiv=\"refresh\"");
            // while it runs, approving again is refused at once, saying why, and the allotment page says where to look
            var second = approve(secretary, "al7", "wind");
            assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
            assertThat(second.body()).contains("already being approved").contains("job " + jobApi.substring(jobApi.lastIndexOf('/') + 1));
            var allotmentPage = secretary.get("/s/al7/allotments/wind");
            assertThat(allotmentPage.body()).contains("being approved now").contains(jobApi.replace("/api/v1/societies/", "/s/"))
                    .doesNotContain("id=\"approve\"");
            var refusedOnPage = secretary.submit("/s/al7/allotments/wind", "/s/al7/allotments/wind",
                    Map.of("decidedOn", DECIDED_ON.toString()));
            assertThat(refusedOnPage.statusCode()).isEqualTo(409);
            // nothing is visible outside the job's transaction yet
            assertThat(f.count("share_entry", "")).isZero();
            assertThat(Fixture.stringOf("SELECT state FROM share_offer WHERE id = " + f.offerId)).isEqualTo("CLOSED");
            held.rollback();
        }
        var done = awaitJob(director, jobApi);
        assertThat(done.getString("state")).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("done")).isEqualTo(60);
        assertThat(f.count("job", "")).isEqualTo(1);
        assertThat(f.count("allotment_decision", "")).isEqualTo(1);
        assertThat(f.count("share_entry", "kind = 'ALLOTMENT'")).isEqualTo(60);
        assertThat(f.count("share_certificate", "")).isEqualTo(60);
        assertThat(f.count("member", "state = 'MEMBER'")).isEqualTo(60);
        // the hundreds of audit events of that one transaction chain on correctly
        var verification = Http.json(admin.get("/api/v1/societies/al7/audit/verification"));
        assertThat(verification.getBoolean("intact")).as(verification.toString()).isTrue();
        assertThat(verification.getJsonNumber("eventsChecked").longValue())
                .isEqualTo(Fixture.longOf("SELECT COUNT(*) FROM audit_event WHERE chain_id = " + f.societyId)).isGreaterThanOrEqualTo(180);
    }

    /**
     * A job that an instance claimed and then died running (its heartbeat an hour old; its transaction rolled back
     * with its connection, so nothing of it is in the database) is claimed again by a live instance and done once.
     */
    @Test
    void aJobAbandonedByADeadInstanceIsPickedUpAndDoneExactlyOnce() throws Exception {
        var world = world();
        var admin = world.admin();
        var s = scenario(world, admin, "al8");
        var director = world.person(admin, "al8", "dir@al8.example", "DIRECTOR");
        var f = s.f();
        long account = Fixture.longOf("SELECT id FROM account WHERE email = 'dir@al8.example'");
        long job = Fixture.insert("INSERT INTO job (society_id, kind, title, params, visible_to, active_key, state, progress_done,"
                + " progress_total, attempts, requested_by, requested_by_name, claimed_by, heartbeat_at, result_page, result_api,"
                + " created_at, started_at) VALUES (" + f.societyId + ", 'shares.allotment-approval',"
                + " 'Approving the allotment of Solar on the school roof', '{\"offer\":\"solar\",\"decidedOn\":\"" + DECIDED_ON
                + "\",\"approverRole\":\"DIRECTOR\"}', 'DIRECTOR,SECRETARY', 'shares.allotment-approval:" + f.offerId
                + "', 'RUNNING', 3, 6, 1, " + account + ", 'dir@al8.example', 'dead-instance', NOW(6) - INTERVAL 1 HOUR,"
                + " '/s/al8/allotments/solar', '/api/v1/societies/al8/allotments/solar', NOW(6) - INTERVAL 1 HOUR,"
                + " NOW(6) - INTERVAL 1 HOUR)");
        String jobApi = "/api/v1/societies/al8/jobs/" + job;
        // while it is (said to be) running, approving is refused; had the live instance already finished it, the offer
        // would be allotted, also a conflict: never a second job
        var second = approve(director, "al8", "solar");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        var done = awaitJob(director, jobApi);
        assertThat(done.getString("state")).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("attempts")).as("claimed once more").isEqualTo(2);
        assertThat(done.getString("message")).isEqualTo("Allotted 1000 shares to 4 investors; 4 refunds (£970.00) are due");
        assertThat(Fixture.stringOf("SELECT COALESCE(claimed_by, 'none') FROM job WHERE id = " + job)).isEqualTo("none");
        assertThat(f.count("job", "")).isEqualTo(1);
        assertThat(f.count("allotment_decision", "approver_role = 'DIRECTOR'")).isEqualTo(1);
        assertThat(f.count("share_entry", "kind = 'ALLOTMENT'")).isEqualTo(4);
        assertThat(Fixture.longOf("SELECT SUM(shares) FROM share_entry WHERE society_id = " + f.societyId)).isEqualTo(1000);
        assertThat(f.count("share_certificate", "")).isEqualTo(4);
        assertThat(f.count("payout", "kind = 'REFUND'")).isEqualTo(4);
        assertThat(Fixture.longOf("SELECT COUNT(*) FROM audit_event WHERE chain_id = " + f.societyId + " AND action = 'offer.allotted'"
                + " AND actor = 'dir@al8.example'")).isEqualTo(1);
        // done is done: it is never claimed again, and approving now is refused because the offer is allotted
        var after = approve(director, "al8", "solar");
        assertThat(after.statusCode()).isEqualTo(409);
        assertThat(after.body()).contains("already been allotted");
        assertThat(Fixture.longOf("SELECT attempts FROM job WHERE id = " + job)).isEqualTo(2);
    }
}
