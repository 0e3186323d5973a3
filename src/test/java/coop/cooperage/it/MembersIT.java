package coop.cooperage.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The register of members end to end: numbers, states, history, privacy, retention. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MembersIT {

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

    static String person(String name, String postcode, String email, String dob) {
        return """
                {"kind":"INDIVIDUAL","name":"%s","address":"1 High Street\\nBristol","postcode":"%s",%s
                 "emailPurposes":%s,"dateOfBirth":"%s"}""".formatted(name, postcode,
                email == null ? "" : "\"email\":\"" + email + "\",", email == null ? "[]" : "[\"NOTICES\"]", dob);
    }

    private static long number(JsonObject member) {
        return member.getJsonNumber("memberNumber").longValue();
    }

    @Test
    void memberNumbersAreUniqueAndIncreasingUnderConcurrentAdmissions() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "mu", "GREAT_BRITAIN");
        for (int i = 0; i < 24; i++) {
            var applied = world.anonymous().postJson("/api/v1/societies/mu/applications",
                    person("Applicant " + i, "BS1 4RW", null, "1980-01-0" + (1 + i % 9)));
            assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        }
        var waiting = Http.jsonArray(admin.get("/api/v1/societies/mu/applications"));
        assertThat(waiting).hasSize(24);
        var references = waiting.stream().map(a -> a.asJsonObject().getString("applicationReference")).toList();

        var pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (String reference : references) {
            Callable<Integer> admit = () -> admin.postJson("/api/v1/societies/mu/applications/" + reference + "/admission", "{}").statusCode();
            results.add(pool.submit(admit));
        }
        for (var r : results) {
            assertThat(r.get()).isEqualTo(200);
        }
        pool.shutdown();
        var register = Http.json(admin.get("/api/v1/societies/mu/members?size=100"));
        var numbers = register.getJsonArray("members").stream().map(m -> number(m.asJsonObject())).sorted().toList();
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 24).mapToObj(i -> (long) i).toList());
        // admitting again is refused, and the next member continues the sequence
        assertThat(admin.postJson("/api/v1/societies/mu/applications/" + references.get(0) + "/admission", "{}").statusCode()).isEqualTo(400);
        var next = admin.postJson("/api/v1/societies/mu/members",
                "{\"member\":" + person("Late Comer", "BS3 4AA", null, "1990-05-05") + ",\"joinedOn\":\"2025-01-01\"}");
        assertThat(number(Http.json(next))).isEqualTo(25);
    }

    @Test
    void theLifecycleAllowsOnlyLegalMovesAndKeepsHistory() {
        var world = world();
        var admin = world.admin();
        world.society(admin, "nu", "GREAT_BRITAIN");
        var created = admin.postJson("/api/v1/societies/nu/members",
                "{\"member\":" + person("Rhys Evans", "BS1 4RW", "rhys@example.org", "1975-06-01") + ",\"joinedOn\":\"2020-04-01\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long n = number(Http.json(created));
        assertThat(Http.json(created).getBoolean("local")).isTrue();

        var changed = admin.putJson("/api/v1/societies/nu/members/" + n + "/contact", """
                {"name":"Rhys Evans-Jones","address":"2 Mill Lane\\nHebden Bridge","postcode":"HX7 8AA","email":"rhys@example.net","emailPurposes":[]}""");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        var entry = Http.json(changed);
        assertThat(entry.getJsonObject("member").getString("name")).isEqualTo("Rhys Evans-Jones");
        assertThat(entry.getJsonObject("member").getBoolean("local")).isFalse();
        var fields = entry.getJsonArray("history").stream().map(h -> h.asJsonObject().getString("field")).toList();
        assertThat(fields).contains("name", "address", "email", "emailPurposes");
        assertThat(entry.getJsonArray("history").toString()).contains("Rhys Evans").contains("BS1 4RW").contains("rhys@example.org");

        var ceased = admin.postJson("/api/v1/societies/nu/members/" + n + "/cessation", "{\"ceasedOn\":\"2024-12-31\",\"reason\":\"WITHDREW_ALL_SHARES\"}");
        assertThat(ceased.statusCode()).as(ceased.body()).isEqualTo(200);
        assertThat(Http.json(ceased).getString("state")).isEqualTo("CEASED");
        var again = admin.postJson("/api/v1/societies/nu/members/" + n + "/cessation", "{\"ceasedOn\":\"2025-01-31\",\"reason\":\"DIED\"}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("Cannot end the membership of someone who is ceased");
        var beforeJoining = admin.postJson("/api/v1/societies/nu/members",
                "{\"member\":" + person("Future Person", "BS1 4RW", null, "1975-06-01") + ",\"joinedOn\":\"2999-01-01\"}");
        assertThat(beforeJoining.statusCode()).isEqualTo(400);
        // still in the register, never deleted, and found by any word of its entry
        var found = Http.json(admin.get("/api/v1/societies/nu/members?state=CEASED"));
        assertThat(found.getInt("total")).isEqualTo(1);
        assertThat(Http.json(admin.get("/api/v1/societies/nu/members?q=evans-jones")).getInt("total")).isEqualTo(1);
        assertThat(Http.json(admin.get("/api/v1/societies/nu/members?q=HX7")).getInt("total")).isEqualTo(1);
        assertThat(Http.json(admin.get("/api/v1/societies/nu/members?q=rhy")).getInt("total")).isEqualTo(1);
        assertThat(Http.json(admin.get("/api/v1/societies/nu/members?q=Ev")).getInt("total")).isEqualTo(1);
        assertThat(Http.json(admin.get("/api/v1/societies/nu/members?q=" + n)).getInt("total")).isEqualTo(1);
        assertThat(Http.json(admin.get("/api/v1/societies/nu/members?q=nobody")).getInt("total")).isZero();
        var badState = admin.get("/api/v1/societies/nu/members?state=GONE&sort=AGE&joinedFrom=last-week");
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("state").contains("sort").contains("joinedFrom");
    }

    @Test
    void badApplicationsAreRefusedClearlyAndNothingIsSaved() {
        var world = world();
        var admin = world.admin();
        world.society(admin, "xi", "GREAT_BRITAIN");
        var anyone = world.anonymous();
        var first = anyone.postJson("/api/v1/societies/xi/applications", person("Cerys Jones", "BS1 4RW", "cerys@example.org", "1990-01-01"));
        assertThat(first.statusCode()).isEqualTo(201);
        var twice = anyone.postJson("/api/v1/societies/xi/applications", person("Cerys Jones", "BS1 4RW", "cerys@example.org", "1990-01-01"));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already waiting").contains(Http.json(first).getString("reference"));
        var young = anyone.postJson("/api/v1/societies/xi/applications", person("Young Person", "BS1 4RW", null, "2020-01-01"));
        assertThat(young.statusCode()).isEqualTo(400);
        assertThat(young.body()).contains("at least 16 years old");
        var bad = anyone.postJson("/api/v1/societies/xi/applications", person("Bad Postcode", "NOT A CODE", "not-an-email", "2999-01-01"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("postcode").contains("email").contains("dateOfBirth");
        assertThat(Http.jsonArray(admin.get("/api/v1/societies/xi/applications"))).hasSize(1);
        assertThat(anyone.postJson("/api/v1/societies/no-such/applications", person("X", "BS1 4RW", null, "1980-01-01")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void membersSeeOnlyThemselvesAndGetEverythingHeldAboutThem() {
        var world = world();
        var admin = world.admin();
        world.society(admin, "omicron", "GREAT_BRITAIN");
        var rec = admin.postJson("/api/v1/societies/omicron/members",
                "{\"member\":" + person("Mona Lisa", "BS1 4RW", "mona@omicron.example", "1960-02-02") + ",\"joinedOn\":\"2021-01-01\"}");
        assertThat(rec.statusCode()).isEqualTo(201);
        admin.postJson("/api/v1/societies/omicron/members",
                "{\"member\":" + person("Other Person", "BS1 4RW", "other@omicron.example", "1961-03-03") + ",\"joinedOn\":\"2021-01-01\"}");
        var mona = world.person(admin, "omicron", "mona@omicron.example", "MEMBER");

        var mine = Http.json(mona.get("/api/v1/societies/omicron/my-membership"));
        assertThat(mine.getString("name")).isEqualTo("Mona Lisa");
        assertThat(mona.get("/api/v1/societies/omicron/members/2").statusCode()).isEqualTo(404);
        assertThat(mona.get("/api/v1/societies/omicron/members/1").statusCode()).isEqualTo(404);
        assertThat(mona.get("/api/v1/societies/omicron/members").statusCode()).isEqualTo(403);
        assertThat(mona.get("/s/omicron/members/2").statusCode()).isEqualTo(404);
        assertThat(mona.get("/api/v1/societies/mu/members/1").statusCode()).isEqualTo(404);

        var sar = Http.json(mona.get("/api/v1/societies/omicron/my-membership/subject-access"));
        var member = sar.getJsonObject("member");
        for (String field : List.of("memberNumber", "state", "name", "address", "postcode", "email", "emailPurposes", "joinedOn",
                "applicationReference", "kind", "dateOfBirth", "appliedOn")) {
            assertThat(member.containsKey(field)).as(field).isTrue();
        }
        assertThat(member.getString("dateOfBirth")).isEqualTo("1960-02-02");
        assertThat(sar.getJsonObject("account").getString("email")).isEqualTo("mona@omicron.example");
        assertThat(sar.toString()).doesNotContain("Other Person").doesNotContain("other@omicron.example");
        assertThat(sar.getJsonArray("emailsSentToYou").toString()).contains("invited");
        assertThat(mona.get("/s/omicron/my-membership").body()).contains("Member number").contains("Mona Lisa");
        assertThat(mona.get("/s/omicron/my-membership/data").body()).contains("1960-02-02");
    }

    @Test
    void retentionErasesOnlyWhatTheRegisterNeedNotKeep() {
        var world = world();
        var admin = world.admin();
        world.society(admin, "pi", "GREAT_BRITAIN");
        long old = number(Http.json(admin.postJson("/api/v1/societies/pi/members",
                "{\"member\":" + person("Old Member", "BS1 4RW", "old@pi.example", "1940-01-01") + ",\"joinedOn\":\"2000-01-01\"}")));
        long recent = number(Http.json(admin.postJson("/api/v1/societies/pi/members",
                "{\"member\":" + person("Recent Leaver", "BS1 4RW", "recent@pi.example", "1950-01-01") + ",\"joinedOn\":\"2000-01-01\"}")));
        long current = number(Http.json(admin.postJson("/api/v1/societies/pi/members",
                "{\"member\":" + person("Still Here", "BS1 4RW", "here@pi.example", "1950-01-01") + ",\"joinedOn\":\"2000-01-01\"}")));
        admin.postJson("/api/v1/societies/pi/members/" + old + "/cessation", "{\"ceasedOn\":\"2010-06-30\",\"reason\":\"DIED\"}");
        admin.postJson("/api/v1/societies/pi/members/" + recent + "/cessation", "{\"ceasedOn\":\"2024-06-30\",\"reason\":\"WITHDREW_ALL_SHARES\"}");

        var run = Http.json(admin.postJson("/api/v1/societies/pi/members/retention-runs", "{}"));
        assertThat(run.getInt("erased")).isEqualTo(1);
        var erased = Http.json(admin.get("/api/v1/societies/pi/members/" + old)).getJsonObject("member");
        assertThat(erased.getString("name")).isEqualTo("Old Member");
        assertThat(erased.getString("joinedOn")).isEqualTo("2000-01-01");
        assertThat(erased.getString("ceasedOn")).isEqualTo("2010-06-30");
        assertThat(erased.getString("address")).isEqualTo("(erased)");
        assertThat(erased.containsKey("email")).as("email erased").isFalse();
        assertThat(erased.containsKey("dateOfBirth")).as("date of birth erased").isFalse();
        assertThat(Http.json(admin.get("/api/v1/societies/pi/members/" + recent)).getJsonObject("member").getString("email"))
                .isEqualTo("recent@pi.example");
        assertThat(Http.json(admin.get("/api/v1/societies/pi/members/" + current)).getJsonObject("member").getString("email"))
                .isEqualTo("here@pi.example");
        assertThat(Http.json(admin.postJson("/api/v1/societies/pi/members/retention-runs", "{}")).getInt("erased")).isZero();
        assertThat(admin.get("/api/v1/societies/pi/audit?action=member.contact-erased").body()).contains("retention");
    }

    @Test
    void nominationsRespectTheLawOnOfficers() {
        var world = world();
        var admin = world.admin();
        world.society(admin, "rho", "GREAT_BRITAIN");
        long n = number(Http.json(admin.postJson("/api/v1/societies/rho/members",
                "{\"member\":" + person("Nia Morgan", "BS1 4RW", null, "1970-01-01") + ",\"joinedOn\":\"2020-01-01\"}")));
        admin.postJson("/api/v1/societies/rho/officers", "{\"office\":\"TREASURER\",\"name\":\"Tom Treasurer\",\"appointedOn\":\"2020-01-01\"}");
        var page = "/s/rho/members/" + n;
        var refused = admin.submit(page, page + "/nominations", java.util.Map.of("nomineeName", "Tom Treasurer",
                "nomineeAddress", "3 Quay St", "relationship", "friend", "sharePercent", "100",
                "madeOn-day", "1", "madeOn-month", "2", "madeOn-year", "2024"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("close relative");
        var accepted = admin.submit(page, page + "/nominations", java.util.Map.of("nomineeName", "Tom Treasurer",
                "nomineeAddress", "3 Quay St", "relationship", "son", "sharePercent", "60",
                "madeOn-day", "1", "madeOn-month", "2", "madeOn-year", "2024"));
        assertThat(accepted.statusCode()).isEqualTo(303);
        var tooMuch = admin.submit(page, page + "/nominations", java.util.Map.of("nomineeName", "Sam Friend",
                "nomineeAddress", "4 Quay St", "relationship", "friend", "sharePercent", "50",
                "madeOn-day", "1", "madeOn-month", "2", "madeOn-year", "2024"));
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("more than the whole holding");
        assertThat(admin.get(page).body()).contains("£5,000.00").contains("Tom Treasurer").contains("60%");
        assertThat(admin.get("/s/rho/nominations").body()).contains("Nia Morgan").contains("Tom Treasurer").contains("son");
    }

    @Test
    void theStatutoryRegisterCarriesEverySection30FieldAsPdfCsvAndExcel() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "tau", "GREAT_BRITAIN");
        long sian = number(Http.json(admin.postJson("/api/v1/societies/tau/members",
                "{\"member\":" + person("Siân Llewellyn", "BS1 4RW", "sian@tau.example", "1970-01-01") + ",\"joinedOn\":\"2021-04-01\"}")));
        var organisation = admin.postJson("/api/v1/societies/tau/members", """
                {"member":{"kind":"ORGANISATION","name":"Bristol Food Co-op","representative":"Zoë O'Brien","registeredSociety":true,
                 "address":"Unit 4, Wharf Road\\nBristol","postcode":"BS2 0XX","emailPurposes":[]},"joinedOn":"2022-05-06"}""");
        assertThat(organisation.statusCode()).as(organisation.body()).isEqualTo(201);
        admin.postJson("/api/v1/societies/tau/members/" + sian + "/cessation", "{\"ceasedOn\":\"2025-01-31\",\"reason\":\"WITHDREW_ALL_SHARES\"}");

        var pdf = admin.getBytes("/api/v1/societies/tau/members/register.pdf?asAt=2025-06-30");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("tau Community Energy").contains("Register of members")
                    .contains("Siân Llewellyn").contains("BS1 4RW").contains("sian@tau.example").contains("Notices of meetings and votes")
                    .contains("1 April 2021").contains("31 January 2025")
                    .contains("Bristol Food Co-op").contains("Zoë O'Brien").contains("Wharf Road").contains("BS2 0XX").contains("6 May 2022")
                    .contains("None");
        }
        var before = admin.getBytes("/api/v1/societies/tau/members/register.pdf?asAt=2021-12-31");
        try (var document = org.apache.pdfbox.Loader.loadPDF(before.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Siân Llewellyn").doesNotContain("Bristol Food Co-op").doesNotContain("31 January 2025");
        }
        var csv = admin.get("/api/v1/societies/tau/members/register.csv?asAt=2025-06-30");
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.body()).contains("Siân Llewellyn").contains("2025-01-31").contains("Bristol Food Co-op");
        var xlsx = admin.getBytes("/api/v1/societies/tau/members/register.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
        assertThat(admin.get("/api/v1/societies/tau/members/register.pdf?asAt=yesterday").statusCode()).isEqualTo(400);
    }

    private static byte[] resource(String name) throws Exception {
        try (var in = MembersIT.class.getResourceAsStream("/coop/cooperage/members/control/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aMessyRegisterIsReportedInFullAndNothingIsImported() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "upsilon", "GREAT_BRITAIN");
        byte[] messy = resource("messy-register.csv");
        var dryRun = Http.json(admin.postBytes("/api/v1/societies/upsilon/members/imports", "text/csv", messy));
        assertThat(dryRun.getBoolean("valid")).isFalse();
        var problems = dryRun.getJsonArray("problems");
        assertThat(problems.size()).isGreaterThan(10);
        var text = problems.toString();
        assertThat(text).contains("\"row\":3").contains("\"row\":4");
        var refused = admin.postBytes("/api/v1/societies/upsilon/members/imports?dryRun=false", "text/csv", messy);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(admin.get("/api/v1/societies/upsilon/members")).getInt("total")).isZero();

        // the same through the pages: upload, map, and the report lists the problems by row
        var page = admin.get("/s/upsilon/members/import");
        String csrf = Http.csrfOf(page.body());
        var mapping = admin.postFile("/s/upsilon/members/import?_csrf=" + csrf, "file", "messy-register.csv", messy);
        assertThat(mapping.statusCode()).as(mapping.body()).isEqualTo(200);
        var fields = new java.util.LinkedHashMap<String, String>();
        org.jsoup.Jsoup.parse(mapping.body()).select("select").forEach(sel -> fields.put(sel.attr("name"), sel.select("option[selected]").attr("value")));
        fields.put("_csrf", csrf);
        var report = admin.postForm("/s/upsilon/members/import/check", fields);
        assertThat(report.statusCode()).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(report.body()).select("#problems tbody tr").size()).isGreaterThan(10);
        assertThat(report.body()).contains("Nothing has been imported");
        var forced = admin.postForm("/s/upsilon/members/import/run", fields);
        assertThat(forced.statusCode()).isEqualTo(400);
        assertThat(Http.json(admin.get("/api/v1/societies/upsilon/members")).getInt("total")).isZero();
        var noFile = admin.postFile("/s/upsilon/members/import?_csrf=" + csrf, "file", "empty.csv", new byte[0]);
        assertThat(noFile.statusCode()).isEqualTo(400);
        var forgedUpload = admin.postFile("/s/upsilon/members/import", "file", "x.csv", messy);
        assertThat(forgedUpload.statusCode()).isEqualTo(403);
    }

    @Test
    void aCleanRegisterImportsWithNumbersAndOpeningBalances() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "phi", "GREAT_BRITAIN");
        var page = admin.get("/s/phi/members/import");
        String csrf = Http.csrfOf(page.body());
        var mapping = admin.postFile("/s/phi/members/import?_csrf=" + csrf, "file", "clean-register.csv", resource("clean-register.csv"));
        assertThat(mapping.statusCode()).as(mapping.body()).isEqualTo(200);
        var fields = new java.util.LinkedHashMap<String, String>();
        org.jsoup.Jsoup.parse(mapping.body()).select("select").forEach(sel -> fields.put(sel.attr("name"), sel.select("option[selected]").attr("value")));
        fields.put("_csrf", csrf);
        var report = admin.postForm("/s/phi/members/import/check", fields);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("Ready to import");
        var run = admin.postForm("/s/phi/members/import/run", org.jsoup.Jsoup.parse(report.body()).select("form[action$=/run] input")
                .stream().collect(java.util.stream.Collectors.toMap(i -> i.attr("name"), i -> i.attr("value"), (a, b) -> a,
                        java.util.LinkedHashMap::new)));
        assertThat(run.statusCode()).isEqualTo(303);

        var register = Http.json(admin.get("/api/v1/societies/phi/members?size=100"));
        assertThat(register.getInt("total")).isEqualTo(5);
        var zoe = Http.json(admin.get("/api/v1/societies/phi/members/101"));
        assertThat(zoe.getJsonObject("member").getString("name")).contains("Zoë").contains("O'Brien");
        assertThat(zoe.getJsonNumber("sharesHeld").longValue()).isEqualTo(1000);
        assertThat(zoe.getJsonNumber("amountPaidPence").longValue()).isEqualTo(100_000);
        // the member page shows the holding and the opening balance the import wrote (the ledger answers members' events)
        var zoePage = org.jsoup.Jsoup.parse(admin.get("/s/phi/members/101").body());
        assertThat(zoePage.select("#holding").text()).startsWith("1000 shares").contains("£1,000.00");
        assertThat(zoePage.select("table.govuk-table tbody").text()).contains("Opening balance");
        // the member without a number got the next one above the file's numbers
        var numbers = register.getJsonArray("members").stream().map(m -> number(m.asJsonObject())).sorted().toList();
        assertThat(numbers).containsExactly(101L, 102L, 103L, 104L, 105L);
        var next = admin.postJson("/api/v1/societies/phi/members",
                "{\"member\":" + person("New Member", "GL5 1AA", null, "1990-05-05") + ",\"joinedOn\":\"2025-01-01\"}");
        assertThat(number(Http.json(next))).isEqualTo(106);
        // importing the same file again finds every member already there
        var again = Http.json(admin.postBytes("/api/v1/societies/phi/members/imports", "text/csv", resource("clean-register.csv")));
        assertThat(again.getBoolean("valid")).isFalse();
        try (var document = org.apache.pdfbox.Loader.loadPDF(admin.getBytes("/api/v1/societies/phi/members/register.pdf").body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("1,000").contains("£1,000.00");
        }
    }

    @Test
    void aMemberChangesTheirAddressOnlyAfterConfirmingByEmail() {
        var world = world();
        var admin = world.admin();
        world.society(admin, "chi", "GREAT_BRITAIN");
        long n = number(Http.json(admin.postJson("/api/v1/societies/chi/members",
                "{\"member\":" + person("Owen Price", "BS1 4RW", "owen@chi.example", "1970-01-01") + ",\"joinedOn\":\"2021-01-01\"}")));
        var owen = world.person(admin, "chi", "owen@chi.example", "MEMBER");
        var asked = owen.submit("/s/chi/my-membership", "/s/chi/my-membership/change",
                java.util.Map.of("address", "9 New Street\nBath", "postcode", "BA1 1AA", "email", "owen@new.example"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(303);
        // nothing changes until the link is followed, from the new address
        assertThat(Http.json(admin.get("/api/v1/societies/chi/members/" + n)).getJsonObject("member").getString("postcode")).isEqualTo("BS1 4RW");
        String link = World.linkIn(world.lastMailTo("owen@new.example", "Confirm your new details"));
        assertThat(owen.get(World.pathOf(link)).statusCode()).isEqualTo(303);
        var entry = Http.json(admin.get("/api/v1/societies/chi/members/" + n));
        assertThat(entry.getJsonObject("member").getString("postcode")).isEqualTo("BA1 1AA");
        assertThat(entry.getJsonObject("member").getString("email")).isEqualTo("owen@new.example");
        assertThat(entry.getJsonArray("history").toString()).contains("BS1 4RW").contains("member (confirmed by email)");
        assertThat(owen.get(World.pathOf(link)).statusCode()).isEqualTo(400);
        var bad = owen.submit("/s/chi/my-membership", "/s/chi/my-membership/change",
                java.util.Map.of("address", "x", "postcode", "nonsense", "email", "owen@new.example"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Enter a real UK postcode");
    }

    @Test
    void everyRoleMeetsTheRegisterBoundariesItShould() {
        var world = world();
        var admin = world.admin();
        world.society(admin, "psi", "GREAT_BRITAIN");
        world.society(admin, "omega", "GREAT_BRITAIN");
        long n = number(Http.json(admin.postJson("/api/v1/societies/psi/members",
                "{\"member\":" + person("Role Test", "BS1 4RW", null, "1970-01-01") + ",\"joinedOn\":\"2021-01-01\"}")));
        var people = new java.util.LinkedHashMap<String, Http>();
        for (String role : List.of("SECRETARY", "TREASURER", "DIRECTOR", "MEMBER", "AUDITOR")) {
            people.put(role, world.person(admin, "psi", role.toLowerCase() + "@psi.example", role));
        }
        var outsider = world.person(admin, "omega", "secretary@omega.example", "SECRETARY");
        var reads = java.util.Map.of(
                "/api/v1/societies/psi/members", 403,
                "/api/v1/societies/psi/members/" + n, 404,
                "/api/v1/societies/psi/applications", 403,
                "/api/v1/societies/psi/members/register.csv", 403,
                "/s/psi/members", 403,
                "/s/psi/members/" + n, 404,
                "/s/psi/applications", 403,
                "/s/psi/nominations", 403);
        reads.forEach((path, memberStatus) -> {
            for (var e : people.entrySet()) {
                int expected = e.getKey().equals("MEMBER") ? memberStatus : 200;
                assertThat(e.getValue().get(path).statusCode()).as(e.getKey() + " GET " + path).isEqualTo(expected);
            }
            assertThat(outsider.get(path).statusCode()).as("another society's secretary GET " + path).isEqualTo(404);
            assertThat(world.anonymous().get(path).statusCode()).as("anonymous GET " + path).isEqualTo(path.startsWith("/api/") ? 401 : 303);
        });
        String newMember = "{\"member\":" + person("Another One", "BS1 4RW", null, "1971-01-01") + ",\"joinedOn\":\"2022-01-01\"}";
        for (String role : List.of("TREASURER", "DIRECTOR", "MEMBER", "AUDITOR")) {
            var who = people.get(role);
            assertThat(who.postJson("/api/v1/societies/psi/members", newMember).statusCode()).as(role).isEqualTo(403);
            assertThat(who.postJson("/api/v1/societies/psi/members/" + n + "/cessation", "{\"ceasedOn\":\"2024-01-01\",\"reason\":\"DIED\"}")
                    .statusCode()).as(role).isEqualTo(403);
            assertThat(who.postBytes("/api/v1/societies/psi/members/imports", "text/csv", "Name\nX".getBytes()).statusCode()).as(role).isEqualTo(403);
            assertThat(who.postJson("/api/v1/societies/psi/members/retention-runs", "{}").statusCode()).as(role).isEqualTo(403);
        }
        assertThat(outsider.postJson("/api/v1/societies/psi/members", newMember).statusCode()).isEqualTo(404);
        assertThat(people.get("SECRETARY").postJson("/api/v1/societies/psi/members", newMember).statusCode()).isEqualTo(201);
        assertThat(Http.json(admin.get("/api/v1/societies/psi/members")).getInt("total")).isEqualTo(2);
    }
}
