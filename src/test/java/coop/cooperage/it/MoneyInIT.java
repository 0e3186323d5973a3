package coop.cooperage.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Money in end to end: payments recorded by hand, the shared bank statement samples imported over
 * HTTP, proposals confirmed, nothing counted twice, overlapping statements, partial and
 * over-payments, bad files, and who may do what. Offers and applications are made with SQL: they
 * belong to another part of the application.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MoneyInIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(
            Integer.getInteger("coop.it.smtp.port", 33025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    private static final Path SAMPLES = Paths.get("../shared/testdata/bank-statements");
    private static final String COOP_TXT = "coop-bank-tiredpixel/inputs__TXT__CPBKGB22__Business__Current__2015-12-06.txt";
    private static final String OFX = "coop-bank-tiredpixel/outputs__OFX__2.1.1_CHECKING.yaml.ofx";
    private static final String STARLING = "starling-official-sdk/v2-get-statement.csv";
    private static final String STARLING_HEADER = "Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category\n";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.application();
    }

    @ArquillianResource
    URL url;

    private World world() {
        return new World(Deployments.loopback(url), MAIL);
    }

    // ---- set-up helpers ----------------------------------------------------------------------

    private static Connection db() throws Exception {
        return DriverManager.getConnection(System.getenv("COOP_DB_URL"), "cooperage", "cooperage");
    }

    private static long scalar(String sql, Object... params) throws Exception {
        try (var c = db(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            var rs = s.executeQuery();
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    /** A society with one member and an open offer with applications "reference=pounds". */
    private Http societyWithApplications(World world, String slug, String... applications) throws Exception {
        var admin = world.admin();
        world.society(admin, slug, "GREAT_BRITAIN");
        var member = admin.postJson("/api/v1/societies/" + slug + "/members",
                "{\"member\":" + MembersIT.person("Ada Investor", "BS1 4RW", null, "1970-01-01") + ",\"joinedOn\":\"2020-01-01\"}");
        assertThat(member.statusCode()).as(member.body()).isEqualTo(201);
        long society = scalar("SELECT id FROM society WHERE slug = ?", slug);
        long memberId = scalar("SELECT id FROM member WHERE society_id = ?", society);
        try (var c = db()) {
            var offer = c.prepareStatement("INSERT INTO share_offer (society_id, slug, title, description, opens_on, closes_on, "
                    + "min_target_pence, max_target_pence, min_per_applicant_pence, max_per_applicant_pence, share_price_pence, state, "
                    + "created_at) VALUES (?, 'solar', 'Solar', 'Roofs', '2015-01-01', '2030-01-01', 100000, 10000000, 100, 1000000, 100, "
                    + "'OPEN', NOW())", java.sql.Statement.RETURN_GENERATED_KEYS);
            offer.setLong(1, society);
            offer.executeUpdate();
            var keys = offer.getGeneratedKeys();
            keys.next();
            long offerId = keys.getLong(1);
            for (String a : applications) {
                String[] p = a.split("=");
                long pence = Math.round(Double.parseDouble(p[1]) * 100);
                var app = c.prepareStatement("INSERT INTO share_application (society_id, offer_id, member_id, reference, shares_requested, "
                        + "amount_pence, payment_method, local_applicant, submitted_at) VALUES (?, ?, ?, ?, ?, ?, 'BANK_TRANSFER', TRUE, NOW())");
                app.setLong(1, society);
                app.setLong(2, offerId);
                app.setLong(3, memberId);
                app.setString(4, p[0]);
                app.setLong(5, Math.max(1, pence / 100));
                app.setLong(6, pence);
                app.executeUpdate();
            }
        }
        return admin;
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(SAMPLES.resolve(name));
    }

    private static HttpResponse<String> upload(Http who, String slug, byte[] file, String query) {
        return who.postBytes("/api/v1/societies/" + slug + "/payments/statements?" + query, "application/octet-stream", file);
    }

    private static JsonObject review(Http who, String slug) {
        var r = who.get("/api/v1/societies/" + slug + "/payments/review");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.json(r);
    }

    private static Map<String, JsonObject> byApplication(JsonObject review, String list) {
        var found = new LinkedHashMap<String, JsonObject>();
        for (JsonValue v : review.getJsonArray(list)) {
            found.put(v.asJsonObject().isNull("application") ? "line-" + v.asJsonObject().getInt("id")
                    : v.asJsonObject().getString("application") + "@" + v.asJsonObject().getJsonNumber("amountPence"), v.asJsonObject());
        }
        return found;
    }

    private static long paidPence(Http who, String slug, String reference) {
        var r = who.get("/api/v1/societies/" + slug + "/payments/applications/" + reference);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.json(r).getJsonNumber("paidPence").longValue();
    }

    private static long count(String table, String slug) throws Exception {
        return scalar("SELECT COUNT(*) FROM " + table + " WHERE society_id = (SELECT id FROM society WHERE slug = ?)", slug);
    }

    // ---- tests -------------------------------------------------------------------------------

    @Test
    void aPaymentRecordedByHandCountsOnceAndCanBeReversed() throws Exception {
        var world = world();
        var admin = societyWithApplications(world, "mi-hand", "SH-H1=250.00", "SH-H2=100.00");

        // the page: form errors first, nothing saved
        var bad = admin.submit("/s/mi-hand/payments/new", "/s/mi-hand/payments", Map.of("reference", "SH-NOPE", "amount", "twelve",
                "receivedOn-day", "1", "receivedOn-month", "1", "receivedOn-year", "2999", "method", "CHEQUE"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Enter the amount in pounds and pence").contains("cannot be in the future");
        assertThat(count("share_payment", "mi-hand")).isZero();

        var page = admin.get("/s/mi-hand/payments/new");
        String key = Jsoup.parse(page.body()).select("input[name=key]").attr("value");
        var fields = new LinkedHashMap<String, String>(Map.of("reference", "sh-h1", "amount", "250.00", "receivedOn-day", "3",
                "receivedOn-month", "2", "receivedOn-year", "2026", "method", "CHEQUE", "payer", "A Investor", "key", key));
        fields.put("_csrf", Http.csrfOf(page.body()));
        var done = admin.postForm("/s/mi-hand/payments", fields);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        // the same form posted twice records one payment
        assertThat(admin.postForm("/s/mi-hand/payments", fields).statusCode()).isEqualTo(303);
        assertThat(paidPence(admin, "mi-hand", "SH-H1")).isEqualTo(25000);
        var shown = admin.get("/s/mi-hand/payments/applications/SH-H1");
        assertThat(Jsoup.parse(shown.body()).select("#paid").text()).isEqualTo("£250.00");

        // the API: an Idempotency-Key makes a retry return the first payment
        String json = "{\"reference\":\"SH-H2\",\"amount\":\"60.00\",\"receivedOn\":\"2026-02-04\",\"method\":\"BANK_TRANSFER\"}";
        var first = admin.postBytes("/api/v1/societies/mi-hand/payments", "application/json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        var r1 = postWithKey(admin, "/api/v1/societies/mi-hand/payments", json, "retry-1");
        var r2 = postWithKey(admin, "/api/v1/societies/mi-hand/payments", json, "retry-1");
        assertThat(Http.json(r1).getInt("id")).isEqualTo(Http.json(r2).getInt("id"));
        assertThat(paidPence(admin, "mi-hand", "SH-H2")).isEqualTo(12000);

        var invalid = admin.postJson("/api/v1/societies/mi-hand/payments",
                "{\"reference\":\"SH-NONE\",\"amount\":\"-5\",\"receivedOn\":\"2026-02-04\",\"method\":\"CORRECTION\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(invalid.body()).contains("amount").contains("method");

        // an over-payment by mistake is reversed by a correction; it cannot be reversed twice
        long firstId = Http.json(first).getJsonNumber("id").longValue();
        var reversed = admin.postJson("/api/v1/societies/mi-hand/payments/" + firstId + "/reversal", "{\"reason\":\"Typed twice\"}");
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(201);
        assertThat(Http.json(reversed).getJsonNumber("amountPence").longValue()).isEqualTo(-6000);
        assertThat(Http.json(reversed).getString("method")).isEqualTo("CORRECTION");
        assertThat(paidPence(admin, "mi-hand", "SH-H2")).isEqualTo(6000);
        assertThat(admin.postJson("/api/v1/societies/mi-hand/payments/" + firstId + "/reversal", "{\"reason\":\"again\"}").statusCode())
                .isEqualTo(409);
        assertThat(scalar("SELECT COUNT(*) FROM audit_event WHERE chain_id = (SELECT id FROM society WHERE slug = 'mi-hand') "
                + "AND action IN ('payment.recorded', 'payment.reversed')")).isEqualTo(4);
    }

    /** Http has no way to add a header; its client (and so the session cookie) is borrowed rather than changing shared test code. */
    private static HttpResponse<String> postWithKey(Http who, String path, String json, String key) {
        try {
            var field = Http.class.getDeclaredField("client");
            field.setAccessible(true);
            var client = (java.net.http.HttpClient) field.get(who);
            var request = java.net.http.HttpRequest.newBuilder(who.uri(path)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
            return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCoOperativeBankTextStatementIsImportedMatchedAndConfirmed() throws Exception {
        var world = world();
        var admin = societyWithApplications(world, "mi-coop", "INV-001=4800.00", "CB-AMT=1200.00", "CB-2000=2000.00");

        var imported = upload(admin, "mi-coop", sample(COOP_TXT), "fileName=nov.txt");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        var statement = Http.json(imported);
        assertThat(statement.getString("format")).isEqualTo("COOP_BANK_TEXT");
        assertThat(statement.getInt("linesInFile")).isEqualTo(8);
        assertThat(statement.getInt("creditsInFile")).isEqualTo(4);
        assertThat(statement.getInt("linesAdded")).isEqualTo(8);
        // the society's own sort code is kept and shown masked
        assertThat(statement.getString("bankId")).isEqualTo("****9299");
        assertThat(scalar("SELECT COUNT(*) FROM bank_statement WHERE bank_id LIKE '%089299%' OR account_id LIKE '%089299%'")).isZero();
        // every line is kept, money out too, so the statement stays whole
        long statementId = statement.getJsonNumber("id").longValue();
        var lines = Http.jsonArray(admin.get("/api/v1/societies/mi-coop/payments/statements/" + statementId + "/lines"));
        assertThat(lines).hasSize(8);
        assertThat(lines.stream().filter(l -> l.asJsonObject().getString("state").equals("NOT_CREDIT"))).hasSize(4);
        var statementPage = admin.get("/s/mi-coop/payments/statements/" + statementId);
        assertThat(statementPage.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(statementPage.body()).select("tr.statement-line")).hasSize(8);
        assertThat(Http.jsonArray(admin.get("/api/v1/societies/mi-coop/payments/statements"))).hasSize(1);

        var review = review(admin, "mi-coop");
        var proposed = byApplication(review, "proposed");
        assertThat(proposed).containsOnlyKeys("INV-001@480000", "CB-AMT@120000");
        assertThat(proposed.get("INV-001@480000").getString("basis")).isEqualTo("REFERENCE");
        assertThat(proposed.get("INV-001@480000").getString("kind")).isEqualTo("EXACT");
        assertThat(proposed.get("CB-AMT@120000").getString("basis")).isEqualTo("AMOUNT");
        // only credits: 2,400.00 and the 0.07 interest are unmatched; the withdrawals appear nowhere
        assertThat(review.getJsonArray("unmatched")).extracting(v -> v.asJsonObject().getJsonNumber("amountPence").longValue())
                .containsExactlyInAnyOrder(240000L, 7L);

        // confirm all exact matches on the page; then again, which adds nothing. Only the match on a reference is
        // confirmed in bulk: the one made on the amount alone waits to be confirmed on its own
        var page = admin.get("/s/mi-coop/payments");
        assertThat(Jsoup.parse(page.body()).select("tr.proposed-line")).hasSize(2);
        assertThat(Jsoup.parse(page.body()).select("button[name=all]").text()).isEqualTo("Confirm all 1 exact matches on a reference");
        var confirmed = admin.postForm("/s/mi-coop/payments/confirmations", Map.of("all", "exact", "_csrf", Http.csrfOf(page.body())));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(303);
        assertThat(admin.postForm("/s/mi-coop/payments/confirmations", Map.of("all", "exact", "_csrf", Http.csrfOf(page.body())))
                .statusCode()).isEqualTo(303);
        assertThat(count("share_payment", "mi-coop")).isEqualTo(1);
        assertThat(paidPence(admin, "mi-coop", "CB-AMT")).isZero();
        long byAmount = proposed.get("CB-AMT@120000").getJsonNumber("id").longValue();
        var one = admin.postJson("/api/v1/societies/mi-coop/payments/confirmations", "{\"lines\":[" + byAmount + "]}");
        assertThat(Http.json(one).getInt("confirmed")).as(one.body()).isEqualTo(1);
        assertThat(count("share_payment", "mi-coop")).isEqualTo(2);
        assertThat(paidPence(admin, "mi-coop", "INV-001")).isEqualTo(480000);
        assertThat(paidPence(admin, "mi-coop", "CB-AMT")).isEqualTo(120000);
        assertThat(scalar("SELECT COUNT(*) FROM share_payment WHERE method = 'STATEMENT' AND statement_line_id IS NOT NULL "
                + "AND society_id = (SELECT id FROM society WHERE slug = 'mi-coop')")).isEqualTo(2);

        // the 2,400.00 is matched by hand: an over-payment of the 2,000.00 application; the interest is set aside
        var unmatched = review(admin, "mi-coop").getJsonArray("unmatched");
        long big = unmatched.stream().filter(v -> v.asJsonObject().getJsonNumber("amountPence").longValue() == 240000)
                .findFirst().orElseThrow().asJsonObject().getJsonNumber("id").longValue();
        long interest = unmatched.stream().filter(v -> v.asJsonObject().getJsonNumber("amountPence").longValue() == 7)
                .findFirst().orElseThrow().asJsonObject().getJsonNumber("id").longValue();
        page = admin.get("/s/mi-coop/payments");
        var noReason = admin.postForm("/s/mi-coop/payments/lines/" + interest + "/ignore", Map.of("reason", "", "_csrf", Http.csrfOf(page.body())));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Say why this money is not a payment for shares");
        assertThat(admin.postForm("/s/mi-coop/payments/lines/" + interest + "/ignore",
                Map.of("reason", "Bank interest", "_csrf", Http.csrfOf(page.body()))).statusCode()).isEqualTo(303);
        var wrongRef = admin.postForm("/s/mi-coop/payments/lines/" + big + "/match", Map.of("reference", "CB-9999", "_csrf",
                Http.csrfOf(page.body())));
        assertThat(wrongRef.statusCode()).isEqualTo(400);
        assertThat(wrongRef.body()).contains("There is no application with the reference CB-9999");
        assertThat(admin.postForm("/s/mi-coop/payments/lines/" + big + "/match", Map.of("reference", "CB-2000", "_csrf",
                Http.csrfOf(page.body()))).statusCode()).isEqualTo(303);

        var after = review(admin, "mi-coop");
        assertThat(after.getJsonArray("proposed")).isEmpty();
        assertThat(after.getJsonArray("unmatched")).isEmpty();
        var over = after.getJsonArray("partialAndOverpaid");
        assertThat(over).hasSize(1);
        assertThat(over.getJsonObject(0).getString("reference")).isEqualTo("CB-2000");
        assertThat(over.getJsonObject(0).getString("kind")).isEqualTo("OVER");
        assertThat(over.getJsonObject(0).getJsonNumber("differencePence").longValue()).isEqualTo(40000);
        assertThat(Jsoup.parse(admin.get("/s/mi-coop/payments").body()).select("tr.discrepancy").text()).contains("CB-2000")
                .contains("Over by £400.00");

        // a wrong confirmation is undone by a correction, and the line is open again
        long payment = scalar("SELECT payment_id FROM statement_line WHERE id = ?", big);
        assertThat(admin.postJson("/api/v1/societies/mi-coop/payments/" + payment + "/reversal", "{\"reason\":\"Not theirs\"}")
                .statusCode()).isEqualTo(201);
        assertThat(paidPence(admin, "mi-coop", "CB-2000")).isZero();
        assertThat(review(admin, "mi-coop").getJsonArray("unmatched")).hasSize(1);
        // and it can then be matched rightly
        var rematch = admin.postJson("/api/v1/societies/mi-coop/payments/lines/" + big + "/match", "{\"reference\":\"CB-2000\"}");
        assertThat(rematch.statusCode()).as(rematch.body()).isEqualTo(201);
        assertThat(paidPence(admin, "mi-coop", "CB-2000")).isEqualTo(240000);
    }

    @Test
    void theStarlingAndOfxSamplesAreImportedAndAPartPaymentIsListed() throws Exception {
        var world = world();
        var admin = societyWithApplications(world, "mi-star", "SALARY=2000.00", "SH-OFX=1112.90");

        var starling = upload(admin, "mi-star", sample(STARLING), "format=AUTO&fileName=starling.csv");
        assertThat(starling.statusCode()).as(starling.body()).isEqualTo(201);
        assertThat(Http.json(starling).getString("format")).isEqualTo("STARLING_CSV");
        assertThat(Http.json(starling).getInt("linesInFile")).isEqualTo(2);

        var ofx = upload(admin, "mi-star", sample(OFX), "fileName=checking.ofx");
        assertThat(ofx.statusCode()).as(ofx.body()).isEqualTo(201);
        assertThat(Http.json(ofx).getString("format")).isEqualTo("OFX");
        assertThat(Http.json(ofx).getInt("linesInFile")).isEqualTo(5);
        assertThat(Http.json(ofx).getInt("creditsInFile")).isEqualTo(2);

        var proposed = byApplication(review(admin, "mi-star"), "proposed");
        assertThat(proposed).containsOnlyKeys("SALARY@150000", "SH-OFX@111290");
        assertThat(proposed.get("SALARY@150000").getString("kind")).isEqualTo("PARTIAL");
        assertThat(proposed.get("SH-OFX@111290").getString("kind")).isEqualTo("EXACT");

        // confirm the selected lines on the page
        var page = admin.get("/s/mi-star/payments");
        var choices = Jsoup.parse(page.body()).select("input[name=line]").eachAttr("value");
        assertThat(choices).hasSize(2);
        String body = "_csrf=" + Http.csrfOf(page.body()) + "&line=" + choices.get(0) + "&line=" + choices.get(1);
        var confirmed = admin.postBytes("/s/mi-star/payments/confirmations", "application/x-www-form-urlencoded",
                body.replace(":", "%3A").getBytes(StandardCharsets.UTF_8));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(303);
        // confirming the same lines again over the API skips them
        var ids = proposed.values().stream().map(v -> v.getJsonNumber("id").toString()).toList();
        var again = admin.postJson("/api/v1/societies/mi-star/payments/confirmations", "{\"lines\":[" + String.join(",", ids) + "]}");
        assertThat(Http.json(again).getInt("confirmed")).isZero();
        assertThat(Http.json(again).getInt("skipped")).isEqualTo(2);
        assertThat(count("share_payment", "mi-star")).isEqualTo(2);

        var partial = review(admin, "mi-star").getJsonArray("partialAndOverpaid");
        assertThat(partial).hasSize(1);
        assertThat(partial.getJsonObject(0).getString("reference")).isEqualTo("SALARY");
        assertThat(partial.getJsonObject(0).getString("kind")).isEqualTo("PARTIAL");
        assertThat(partial.getJsonObject(0).getJsonNumber("differencePence").longValue()).isEqualTo(-50000);

        // a second instalment on a later statement settles it exactly
        var later = (STARLING_HEADER + "05/10/2019,An Employer,SALARY,FASTER PAYMENT,500.00,5000.00,INCOME\n").getBytes(StandardCharsets.UTF_8);
        assertThat(upload(admin, "mi-star", later, "fileName=later.csv").statusCode()).isEqualTo(201);
        var second = byApplication(review(admin, "mi-star"), "proposed");
        assertThat(second).containsOnlyKeys("SALARY@50000");
        assertThat(second.get("SALARY@50000").getString("kind")).isEqualTo("EXACT");
    }

    @Test
    void theSameStatementTwiceAndAnOverlappingOneAddNothingTwice() throws Exception {
        var world = world();
        var admin = societyWithApplications(world, "mi-twice", "SH-T1=100.00", "SH-T2=200.00", "SH-T3=300.00");
        String row1 = "01/03/2026,T One,SH-T1,FASTER PAYMENT,100.00,1100.00,INCOME\n";
        String row2 = "02/03/2026,T Two,SH-T2,FASTER PAYMENT,200.00,1300.00,INCOME\n";
        String row3 = "03/03/2026,T Three,SH-T3,FASTER PAYMENT,300.00,1600.00,INCOME\n";
        String row4 = "04/03/2026,Grant body,GRANT,FASTER PAYMENT,50.00,1650.00,INCOME\n";
        byte[] first = (STARLING_HEADER + row1 + row2).getBytes(StandardCharsets.UTF_8);

        assertThat(upload(admin, "mi-twice", first, "fileName=a.csv").statusCode()).isEqualTo(201);
        assertThat(admin.postJson("/api/v1/societies/mi-twice/payments/confirmations", "{\"allExact\":true}").statusCode()).isEqualTo(200);
        assertThat(count("share_payment", "mi-twice")).isEqualTo(2);

        // the very same file: 200, the first statement, nothing added
        var again = upload(admin, "mi-twice", first, "fileName=a-again.csv");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Http.json(again).getBoolean("alreadyImported")).isTrue();
        assertThat(Http.json(again).getString("fileName")).isEqualTo("a.csv");
        assertThat(count("bank_statement", "mi-twice")).isEqualTo(1);
        assertThat(count("statement_line", "mi-twice")).isEqualTo(2);
        // and through the page too
        var page = admin.get("/s/mi-twice/payments/statements");
        var viaPage = admin.postFile("/s/mi-twice/payments/statements?_csrf=" + Http.csrfOf(page.body()), "file", "a.csv", first);
        assertThat(viaPage.statusCode()).as(viaPage.body()).isEqualTo(303);
        assertThat(Jsoup.parse(admin.get("/s/mi-twice/payments").body()).select(".govuk-notification-banner").text())
                .contains("already imported; nothing was added");
        assertThat(count("bank_statement", "mi-twice")).isEqualTo(1);

        // an overlapping export (rows 2 to 4, newer balances elsewhere in the file) adds only rows 3 and 4
        byte[] overlapping = (STARLING_HEADER + row2 + row3 + row4).getBytes(StandardCharsets.UTF_8);
        var second = upload(admin, "mi-twice", overlapping, "fileName=b.csv");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(Http.json(second).getInt("linesInFile")).isEqualTo(3);
        assertThat(Http.json(second).getInt("linesAdded")).isEqualTo(2);
        assertThat(Http.json(second).getInt("linesAlreadyImported")).isEqualTo(1);
        assertThat(count("statement_line", "mi-twice")).isEqualTo(4);
        var review = review(admin, "mi-twice");
        assertThat(byApplication(review, "proposed")).containsOnlyKeys("SH-T3@30000");
        assertThat(review.getJsonArray("unmatched")).hasSize(1);
        assertThat(admin.postJson("/api/v1/societies/mi-twice/payments/confirmations", "{\"allExact\":true}").statusCode()).isEqualTo(200);
        assertThat(paidPence(admin, "mi-twice", "SH-T2")).isEqualTo(20000);
        assertThat(paidPence(admin, "mi-twice", "SH-T3")).isEqualTo(30000);
        assertThat(count("share_payment", "mi-twice")).isEqualTo(3);
        assertThat(review(admin, "mi-twice").getJsonArray("partialAndOverpaid")).isEmpty();
    }

    @Test
    void moneyRecordedWhileTheApplicationIsBeingWithdrawnIsRefusedNotLost() throws Exception {
        var world = world();
        var admin = societyWithApplications(world, "mi-gone", "SH-G1=40.00");
        String json = "{\"reference\":\"SH-G1\",\"amount\":\"40.00\",\"receivedOn\":\"2026-02-04\",\"method\":\"CHEQUE\"}";
        try (var withdrawal = Contention.transaction()) {
            // the investor's withdrawal, caught between its change and its commit: the offer, then the application
            withdrawal.createStatement().executeQuery("SELECT id FROM share_offer WHERE society_id ="
                    + " (SELECT id FROM society WHERE slug = 'mi-gone') FOR UPDATE").close();
            try (var st = withdrawal.prepareStatement("UPDATE share_application SET state = 'WITHDRAWN' WHERE reference = 'SH-G1'"
                    + " AND society_id = (SELECT id FROM society WHERE slug = 'mi-gone')")) {
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
            var response = Contention.commitWhileWaiting(withdrawal, () -> admin.overHttp11().postBytes(
                    "/api/v1/societies/mi-gone/payments", "application/json", json.getBytes(StandardCharsets.UTF_8)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(response.body()).contains("withdrawn");
        }
        assertThat(count("share_payment", "mi-gone")).isZero();
    }

    @Test
    void anEarlierExportImportedAfterALaterOverlappingOneAddsOnlyItsOwnLines() throws Exception {
        var world = world();
        var admin = societyWithApplications(world, "mi-order", "SH-O1=10.00", "SH-O2=20.00", "SH-O3=30.00");
        String row1 = "01/03/2026,O One,SH-O1,FASTER PAYMENT,10.00,10.00,INCOME\n";
        String row2 = "02/03/2026,O Two,SH-O2,FASTER PAYMENT,20.00,30.00,INCOME\n";
        String row3 = "03/03/2026,O Three,SH-O3,FASTER PAYMENT,30.00,60.00,INCOME\n";
        // the later export first (rows 2 and 3), then the earlier one (rows 1 and 2): the shared row is
        // the earlier file's last line, and must be found however the lines are ordered
        var later = upload(admin, "mi-order", (STARLING_HEADER + row2 + row3).getBytes(StandardCharsets.UTF_8), "fileName=later.csv");
        assertThat(later.statusCode()).as(later.body()).isEqualTo(201);
        var earlier = upload(admin, "mi-order", (STARLING_HEADER + row1 + row2).getBytes(StandardCharsets.UTF_8), "fileName=earlier.csv");
        assertThat(earlier.statusCode()).as(earlier.body()).isEqualTo(201);
        assertThat(Http.json(earlier).getInt("linesAdded")).isEqualTo(1);
        assertThat(Http.json(earlier).getInt("linesAlreadyImported")).isEqualTo(1);
        assertThat(count("statement_line", "mi-order")).isEqualTo(3);
    }

    @Test
    void concurrentImportsAndConfirmationsCountEverythingOnce() throws Exception {
        var world = world();
        var admin = societyWithApplications(world, "mi-race", "SH-Q1=10.00", "SH-Q2=20.00", "SH-Q3=30.00");
        byte[] a = (STARLING_HEADER + "01/03/2026,Q One,SH-Q1,FASTER PAYMENT,10.00,10.00,INCOME\n"
                + "02/03/2026,Q Two,SH-Q2,FASTER PAYMENT,20.00,30.00,INCOME\n").getBytes(StandardCharsets.UTF_8);
        byte[] b = (STARLING_HEADER + "02/03/2026,Q Two,SH-Q2,FASTER PAYMENT,20.00,30.00,INCOME\n"
                + "03/03/2026,Q Three,SH-Q3,FASTER PAYMENT,30.00,60.00,INCOME\n").getBytes(StandardCharsets.UTF_8);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var uploads = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 6; i++) {
                byte[] file = i % 2 == 0 ? a : b;
                uploads.add(pool.submit(() -> upload(admin, "mi-race", file, "fileName=race.csv").statusCode()));
            }
            var statuses = new java.util.ArrayList<Integer>();
            for (var f : uploads) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses.stream().filter(st -> st == 201)).hasSize(2);
            assertThat(count("bank_statement", "mi-race")).isEqualTo(2);
            assertThat(count("statement_line", "mi-race")).isEqualTo(3);

            var confirms = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 4; i++) {
                confirms.add(pool.submit(() -> admin.postJson("/api/v1/societies/mi-race/payments/confirmations",
                        "{\"allExact\":true}").statusCode()));
            }
            for (var f : confirms) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count("share_payment", "mi-race")).isEqualTo(3);
        assertThat(paidPence(admin, "mi-race", "SH-Q2")).isEqualTo(2000);
        assertThat(scalar("SELECT COUNT(*) FROM audit_event WHERE chain_id = (SELECT id FROM society WHERE slug = 'mi-race') "
                + "AND action = 'statement.imported'")).isEqualTo(2);
    }

    @Test
    void anotherBanksCsvIsImportedThroughAColumnMapping() throws Exception {
        var world = world();
        var admin = societyWithApplications(world, "mi-csv", "SH-C1=75.00", "SH-C2=40.00");
        byte[] csv = ("Posted;Details;Their ref;Money in;Money out\n"
                + "2026-01-05;J BLOGGS;SH-C1;75.00;\n"
                + "2026-01-06;ELECTRICITY CO;DD;;12.00\n").getBytes(StandardCharsets.UTF_8);

        // the API: columns by header name
        var missing = upload(admin, "mi-csv", csv, "format=CSV&delimiter=;&datePattern=yyyy-MM-dd&column.date=Posted");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("description").contains("amount");
        var viaApi = upload(admin, "mi-csv", csv, "format=CSV&delimiter=;&datePattern=yyyy-MM-dd&column.date=Posted"
                + "&column.description=Details&column.reference=Their%20ref&column.paidIn=Money%20in&column.paidOut=Money%20out");
        assertThat(viaApi.statusCode()).as(viaApi.body()).isEqualTo(201);
        assertThat(Http.json(viaApi).getInt("creditsInFile")).isEqualTo(1);
        assertThat(byApplication(review(admin, "mi-csv"), "proposed")).containsOnlyKeys("SH-C1@7500");

        // the page: an unrecognised CSV goes to the mapping step, whose guesses the treasurer confirms
        byte[] other = ("Date,Description,Reference,Amount\n07/01/2026,K SMITH,SH-C2,40.00\n").getBytes(StandardCharsets.UTF_8);
        var page = admin.get("/s/mi-csv/payments/statements");
        var mapping = admin.postFile("/s/mi-csv/payments/statements?_csrf=" + Http.csrfOf(page.body()), "file", "other.csv", other);
        assertThat(mapping.statusCode()).as(mapping.body()).isEqualTo(200);
        var doc = Jsoup.parse(mapping.body());
        assertThat(doc.select("select[name=column-date] option[selected]").attr("value")).isEqualTo("Date");
        assertThat(doc.select("select[name=column-amount] option[selected]").attr("value")).isEqualTo("Amount");
        var form = new LinkedHashMap<String, String>();
        form.put("_csrf", Http.csrfOf(mapping.body()));
        form.put("column-date", "Date");
        form.put("column-description", "");
        form.put("column-reference", "Reference");
        form.put("column-amount", "Amount");
        form.put("datePattern", "dd/MM/yyyy");
        form.put("delimiter", ",");
        var refused = admin.postForm("/s/mi-csv/payments/statements/mapping", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Choose the column that holds the description");
        form.put("column-description", "Description");
        var done = admin.postForm("/s/mi-csv/payments/statements/mapping", form);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(byApplication(review(admin, "mi-csv"), "proposed")).containsOnlyKeys("SH-C1@7500", "SH-C2@4000");
    }

    @Test
    void badFilesAreRefusedClearlyAndNothingIsSaved() throws Exception {
        var world = world();
        var admin = societyWithApplications(world, "mi-bad", "SH-B1=10.00");

        var notOfx = upload(admin, "mi-bad", "hello, this is not a statement".getBytes(StandardCharsets.UTF_8), "format=OFX");
        assertThat(notOfx.statusCode()).isEqualTo(400);
        assertThat(notOfx.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(notOfx.body()).contains("not an OFX file");

        var unknown = upload(admin, "mi-bad", "just some words".getBytes(StandardCharsets.UTF_8), "");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("not one Cooperage recognises");

        // a Co-operative Bank statement whose printed balance does not add up is refused, naming the line
        String broken = new String(sample(COOP_TXT), StandardCharsets.ISO_8859_1).replace("2,488.90", "2,488.99");
        var unbalanced = upload(admin, "mi-bad", broken.getBytes(StandardCharsets.ISO_8859_1), "format=COOP_BANK_TEXT");
        assertThat(unbalanced.statusCode()).isEqualTo(400);
        assertThat(unbalanced.body()).contains("Line ");

        var badDate = upload(admin, "mi-bad", (STARLING_HEADER + "31/02/2026,X,SH-B1,FASTER PAYMENT,10.00,10.00,INCOME\n")
                .getBytes(StandardCharsets.UTF_8), "");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("Line 2");

        assertThat(upload(admin, "mi-bad", new byte[0], "").statusCode()).isEqualTo(400);

        // the page shows the problem against the file field
        var page = admin.get("/s/mi-bad/payments/statements");
        var viaPage = admin.postFile("/s/mi-bad/payments/statements?_csrf=" + Http.csrfOf(page.body()), "file", "x.bin",
                new byte[] {1, 2, 3});
        assertThat(viaPage.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(viaPage.body()).select("#file-error").text()).contains("not in a format Cooperage recognises");

        assertThat(count("bank_statement", "mi-bad")).isZero();
        assertThat(count("statement_line", "mi-bad")).isZero();
        assertThat(count("share_payment", "mi-bad")).isZero();
    }

    @Test
    void onlyTheTreasurerAndSecretaryChangeMoneyInOfficersReadAndOthersAreRefused() throws Exception {
        var world = world();
        var admin = societyWithApplications(world, "mi-roles", "SH-R1=10.00");
        world.society(admin, "mi-other", "GREAT_BRITAIN");
        Http treasurer = world.person(admin, "mi-roles", "treasurer@mi-roles.example", "TREASURER");
        Http director = world.person(admin, "mi-roles", "director@mi-roles.example", "DIRECTOR");
        Http member = world.person(admin, "mi-roles", "member@mi-roles.example", "MEMBER");
        Http outsider = world.person(admin, "mi-other", "treasurer@mi-other.example", "TREASURER");
        byte[] file = (STARLING_HEADER + "01/03/2026,R One,SH-R1,FASTER PAYMENT,10.00,10.00,INCOME\n").getBytes(StandardCharsets.UTF_8);

        assertThat(upload(member, "mi-roles", file, "").statusCode()).isEqualTo(403);
        assertThat(upload(director, "mi-roles", file, "").statusCode()).isEqualTo(403);
        assertThat(upload(outsider, "mi-roles", file, "").statusCode()).isEqualTo(404);
        assertThat(count("bank_statement", "mi-roles")).isZero();

        assertThat(upload(treasurer, "mi-roles", file, "").statusCode()).isEqualTo(201);
        assertThat(member.get("/api/v1/societies/mi-roles/payments/review").statusCode()).isEqualTo(403);
        assertThat(outsider.get("/api/v1/societies/mi-roles/payments/review").statusCode()).isEqualTo(404);
        assertThat(member.get("/s/mi-roles/payments").statusCode()).isEqualTo(403);
        assertThat(outsider.get("/s/mi-roles/payments").statusCode()).isEqualTo(404);
        assertThat(director.get("/api/v1/societies/mi-roles/payments/review").statusCode()).isEqualTo(200);
        var directorPage = director.get("/s/mi-roles/payments");
        assertThat(directorPage.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(directorPage.body()).select("input[name=line]")).isEmpty();
        assertThat(director.postJson("/api/v1/societies/mi-roles/payments/confirmations", "{\"allExact\":true}").statusCode())
                .isEqualTo(403);
        assertThat(member.postJson("/api/v1/societies/mi-roles/payments",
                "{\"reference\":\"SH-R1\",\"amount\":\"10.00\",\"receivedOn\":\"2026-03-01\",\"method\":\"CHEQUE\"}").statusCode())
                .isEqualTo(403);
        assertThat(member.get("/s/mi-roles/payments/new").statusCode()).isEqualTo(403);
        assertThat(count("share_payment", "mi-roles")).isZero();

        var confirmed = treasurer.postJson("/api/v1/societies/mi-roles/payments/confirmations", "{\"allExact\":true}");
        assertThat(Http.json(confirmed).getInt("confirmed")).isEqualTo(1);
        assertThat(paidPence(director, "mi-roles", "SH-R1")).isEqualTo(1000);
        assertThat(List.of(treasurer.get("/s/mi-roles/payments").body())).allMatch(b -> b.contains("Money in"));
    }

    @Test
    void bulkConfirmationNeedsAReferenceAndBadConfirmationsAreRefused() throws Exception {
        var world = world();
        var admin = societyWithApplications(world, "mi-bulk", "SH-B1=250.00", "SH-B2=100.00");
        // a £250 grant without a reference is proposed for the application owing £250, on the amount alone
        byte[] file = (STARLING_HEADER + "01/03/2026,District Council,,FASTER PAYMENT,250.00,250.00,INCOME\n"
                + "02/03/2026,B Two,SH-B2,FASTER PAYMENT,100.00,350.00,INCOME\n").getBytes(StandardCharsets.UTF_8);
        assertThat(upload(admin, "mi-bulk", file, "fileName=march.csv").statusCode()).isEqualTo(201);
        var proposed = byApplication(review(admin, "mi-bulk"), "proposed");
        assertThat(proposed).containsOnlyKeys("SH-B1@25000", "SH-B2@10000");
        assertThat(proposed.get("SH-B1@25000").getString("basis")).isEqualTo("AMOUNT");
        assertThat(proposed.get("SH-B1@25000").getString("kind")).isEqualTo("EXACT");

        var bulk = admin.postJson("/api/v1/societies/mi-bulk/payments/confirmations", "{\"allExact\":true}");
        assertThat(Http.json(bulk).getInt("confirmed")).as(bulk.body()).isEqualTo(1);
        assertThat(paidPence(admin, "mi-bulk", "SH-B1")).isZero();
        assertThat(paidPence(admin, "mi-bulk", "SH-B2")).isEqualTo(10000);
        assertThat(byApplication(review(admin, "mi-bulk"), "proposed")).containsOnlyKeys("SH-B1@25000");

        // a null among the lines is a bad request, and confirms nothing, not even the lines before it
        long grant = proposed.get("SH-B1@25000").getJsonNumber("id").longValue();
        for (String body : List.of("{\"lines\":[null]}", "{\"lines\":[" + grant + ",null]}")) {
            var bad = admin.postJson("/api/v1/societies/mi-bulk/payments/confirmations", body);
            assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            assertThat(bad.body()).contains("lines").contains("is null");
        }
        assertThat(count("share_payment", "mi-bulk")).isEqualTo(1);
    }

    @Test
    void aPaymentIsNotReversedOnceItsSharesAreAllottedOrItsRefundPaid() throws Exception {
        var world = world();
        var admin = societyWithApplications(world, "mi-rev", "SH-V1=250.00", "SH-V2=100.00");
        String pay = "{\"reference\":\"%s\",\"amount\":\"%s\",\"receivedOn\":\"2026-02-04\",\"method\":\"CHEQUE\"}";
        var p1 = admin.postJson("/api/v1/societies/mi-rev/payments", pay.formatted("SH-V1", "250.00"));
        var p2 = admin.postJson("/api/v1/societies/mi-rev/payments", pay.formatted("SH-V2", "100.00"));
        assertThat(p1.statusCode()).as(p1.body()).isEqualTo(201);
        long allottedPayment = Http.json(p1).getJsonNumber("id").longValue();
        long refundedPayment = Http.json(p2).getJsonNumber("id").longValue();
        long society = scalar("SELECT id FROM society WHERE slug = 'mi-rev'");
        try (var c = db(); var s = c.createStatement()) {
            // the allotment belongs to another part of the application: its outcome is set directly
            s.executeUpdate("UPDATE share_application SET state = 'ALLOTTED', shares_allotted = shares_requested "
                    + "WHERE reference = 'SH-V1' AND society_id = " + society);
            s.executeUpdate("UPDATE share_application SET state = 'REFUNDED', shares_allotted = 0 "
                    + "WHERE reference = 'SH-V2' AND society_id = " + society);
            s.executeUpdate("INSERT INTO payout (society_id, member_id, kind, amount_pence, source_type, source_id, state, created_at, "
                    + "paid_on) SELECT society_id, member_id, 'REFUND', 10000, 'share_application', id, 'PAID', NOW(), '2026-03-01' "
                    + "FROM share_application WHERE reference = 'SH-V2' AND society_id = " + society);
        }

        var allotted = admin.postJson("/api/v1/societies/mi-rev/payments/" + allottedPayment + "/reversal", "{\"reason\":\"Bounced\"}");
        assertThat(allotted.statusCode()).as(allotted.body()).isEqualTo(409);
        assertThat(allotted.body()).contains("SH-V1 has been allotted").contains("take the shares off the ledger");
        var page = admin.get("/s/mi-rev/payments/applications/SH-V1");
        var viaPage = admin.postForm("/s/mi-rev/payments/" + allottedPayment + "/reversal",
                Map.of("reason", "Bounced", "_csrf", Http.csrfOf(page.body())));
        assertThat(viaPage.statusCode()).isEqualTo(409);
        assertThat(viaPage.body()).contains("has been allotted");

        var refunded = admin.postJson("/api/v1/societies/mi-rev/payments/" + refundedPayment + "/reversal", "{\"reason\":\"Bounced\"}");
        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(409);
        assertThat(refunded.body()).contains("refund has been paid");

        assertThat(paidPence(admin, "mi-rev", "SH-V1")).isEqualTo(25000);
        assertThat(paidPence(admin, "mi-rev", "SH-V2")).isEqualTo(10000);
        assertThat(scalar("SELECT COUNT(*) FROM share_payment WHERE method = 'CORRECTION' AND society_id = ?", society)).isZero();
    }

    @Test
    void aStatementOfTwoMebibytesIsAcceptedAndOneOverTenIsNot() throws Exception {
        var world = world();
        var admin = societyWithApplications(world, "mi-big", "SH-G1=10.00");
        var csv = new StringBuilder(STARLING_HEADER).append("01/03/2026,G One,SH-G1,FASTER PAYMENT,10.00,10.00,INCOME\n");
        // a long export: the rows a bank leaves blank are skipped
        while (csv.length() < 2 * 1024 * 1024 + 1000) {
            csv.append(",,,,,,\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        var imported = upload(admin, "mi-big", file, "fileName=year.csv");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(Http.json(imported).getInt("linesAdded")).isEqualTo(1);
        var page = admin.get("/s/mi-big/payments/statements");
        byte[] other = (csv.toString().replace("SH-G1", "SH-G9")).getBytes(StandardCharsets.UTF_8);
        var viaPage = admin.postFile("/s/mi-big/payments/statements?_csrf=" + Http.csrfOf(page.body()), "file", "other.csv", other);
        assertThat(viaPage.statusCode()).as(viaPage.body()).isEqualTo(303);
        assertThat(count("bank_statement", "mi-big")).isEqualTo(2);

        // over 10 MiB is refused before the body is read (so only its start is sent, as FoundationIT does)
        var uri = admin.uri("/api/v1/societies/mi-big/payments/statements");
        try (var socket = new java.net.Socket("127.0.0.1", uri.getPort())) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: " + (10 * 1024 * 1024 + 1) + "\r\nConnection: close\r\n\r\n" + STARLING_HEADER)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).contains(" 413");
        }
        assertThat(count("bank_statement", "mi-big")).isEqualTo(2);
    }
}
