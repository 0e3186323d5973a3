package coop.cooperage.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.URL;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
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
 * The foundation end to end, against one Payara Micro, a real MariaDB and a real SMTP server:
 * migrations, societies and their rules, the role matrix, cross-society isolation, tokens,
 * the audit chain, the officers PDF, bad input and the security headers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FoundationIT {

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

    private static Roles roles;

    /** Society "alpha" with one account per role, and society "beta" with its own secretary; built once. */
    record Roles(World world, Http admin, Map<String, Http> alpha, Http betaSecretary, Http outsider) {
    }

    private synchronized Roles roles() {
        if (roles == null) {
            var world = new World(Deployments.loopback(url), MAIL);
            Http admin = world.admin();
            world.society(admin, "alpha", "GREAT_BRITAIN");
            world.society(admin, "beta", "NORTHERN_IRELAND");
            var alpha = new java.util.LinkedHashMap<String, Http>();
            for (String role : List.of("SECRETARY", "TREASURER", "DIRECTOR", "MEMBER", "AUDITOR")) {
                alpha.put(role, world.person(admin, "alpha", role.toLowerCase() + "@alpha.example", role));
            }
            Http betaSecretary = world.person(admin, "beta", "secretary@beta.example", "SECRETARY");
            Http outsider = world.person(betaSecretary, "beta", "member@beta.example", "MEMBER");
            roles = new Roles(world, admin, alpha, betaSecretary, outsider);
        }
        return roles;
    }

    @Test
    void migrationsBuiltTheSchemaInTheEmptyDatabase() throws Exception {
        try (var c = DriverManager.getConnection(System.getenv("COOP_DB_URL"), "cooperage", "cooperage")) {
            var rs = c.createStatement().executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1");
            assertThat(rs.getBoolean(2)).isTrue();
            var tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"});
            var names = new java.util.ArrayList<String>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            assertThat(names).contains("society", "account", "society_role", "officer_appointment", "audit_event", "audit_chain",
                    "mail_outbox", "api_token", "one_time_link", "invitation");
        }
    }

    @Test
    void healthAndTheApiDocumentAreServed() {
        var http = new Http(Deployments.loopback(url));
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
        var openapi = http.get("/openapi");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/societies").contains("/api/v1/societies/{society}/officers")
                .doesNotContain("/sign-in");
    }

    @Test
    void aSocietyStartsWithTheUsualRulesAndTheLawOfItsJurisdiction() {
        var r = roles();
        var alpha = Http.json(r.alpha().get("SECRETARY").get("/api/v1/societies/alpha"));
        assertThat(alpha.getString("name")).isEqualTo("alpha Community Energy");
        assertThat(alpha.getJsonArray("areaOfBenefit").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("BS1", "BS3 4");
        assertThat(alpha.getJsonObject("rules").getJsonNumber("statutoryCapPence").longValue()).isEqualTo(10_000_000L);
        assertThat(alpha.getJsonObject("rules").getInt("meetingNoticeClearDays")).isEqualTo(14);
        var beta = Http.json(r.betaSecretary().get("/api/v1/societies/beta/settings"));
        assertThat(beta.getJsonNumber("statutoryCapPence").longValue()).isEqualTo(2_000_000L);
    }

    @Test
    void aSecretaryChangesTheRulesAndTheChangeIsAudited() {
        var secretary = roles().alpha().get("SECRETARY");
        var changed = secretary.patchJson("/api/v1/societies/alpha/settings", "{\"minimumAge\":18,\"quorumMembers\":25}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Http.json(changed).getInt("minimumAge")).isEqualTo(18);
        var events = Http.jsonArray(secretary.get("/api/v1/societies/alpha/audit?action=society.rules-changed"));
        var latest = events.getJsonObject(0);
        assertThat(latest.getString("actor")).isEqualTo("secretary@alpha.example");
        assertThat(latest.getString("before")).contains("\"minimumAge\":16");
        assertThat(latest.getString("after")).contains("\"minimumAge\":18").contains("\"quorumMembers\":25")
                .doesNotContain("nominalSharePence");
    }

    @Test
    void unlawfulRulesAreRefusedWithEveryReasonAndNothingChanges() {
        var secretary = roles().betaSecretary();
        var before = secretary.get("/api/v1/societies/beta/settings").body();
        var refused = secretary.patchJson("/api/v1/societies/beta/settings",
                "{\"statutoryCapPence\":10000000,\"minimumAge\":-1,\"quorumPercent\":101}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var problem = Http.json(refused);
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList())
                .contains("statutoryCapPence", "minimumAge", "quorumPercent");
        assertThat(problem.getJsonArray("errors").toString()).contains("£20,000.00").contains("Northern Ireland");
        assertThat(secretary.get("/api/v1/societies/beta/settings").body()).isEqualTo(before);
    }

    @Test
    void badRequestsGetProblemDetailsAndChangeNothing() throws Exception {
        var admin = roles().admin();
        var malformed = admin.postJson("/api/v1/societies", "{\"slug\": \"x\", ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at coop.");

        var invalid = admin.postJson("/api/v1/societies", "{\"slug\":\"Bad Slug\",\"name\":\"\",\"brandColour\":\"red\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(Http.json(invalid).getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList())
                .contains("slug", "name", "fcaNumber", "type", "areaOfBenefit", "brandColour");

        var duplicate = admin.postJson("/api/v1/societies", """
                {"slug":"alpha","name":"Again","fcaNumber":"1","type":"CO_OPERATIVE","jurisdiction":"GREAT_BRITAIN",
                 "registeredOffice":"x","areaOfBenefit":["BS1"],"financialYearEnd":"--12-31","brandColour":"#000000"}""");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(Http.json(admin.get("/api/v1/societies/alpha")).getString("name")).isEqualTo("alpha Community Energy");

        assertThat(oversizedBodyStatus(admin)).isEqualTo(413);

        var wrongType = admin.postForm("/api/v1/societies", Map.of("slug", "x"));
        assertThat(wrongType.statusCode()).isIn(403, 415);

        var unknown = admin.get("/api/v1/societies/no-such-society");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(admin.get("/api/v1/societies?").statusCode()).isEqualTo(200);
    }

    /**
     * Announces a 2 MB body and sends only its start, as a client streaming a huge upload
     * would: the answer must come before the body is read (a full send may be cut off by the
     * server closing the connection, which is the point).
     */
    private static int oversizedBodyStatus(Http http) throws Exception {
        var uri = http.uri("/api/v1/societies");
        try (var socket = new java.net.Socket("127.0.0.1", uri.getPort())) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2000000\r\nConnection: close\r\n\r\n{\"name\":\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write("x".repeat(32_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void eachRoleReachesExactlyWhatItShould() {
        var r = roles();
        // expected status for GET of each officer endpoint, by role
        Map<String, Map<String, Integer>> matrix = Map.of(
                "/api/v1/societies/alpha", Map.of("SECRETARY", 200, "TREASURER", 200, "DIRECTOR", 200, "MEMBER", 200, "AUDITOR", 200),
                "/api/v1/societies/alpha/settings", Map.of("SECRETARY", 200, "TREASURER", 200, "DIRECTOR", 200, "MEMBER", 403, "AUDITOR", 200),
                "/api/v1/societies/alpha/officers", Map.of("SECRETARY", 200, "TREASURER", 200, "DIRECTOR", 200, "MEMBER", 403, "AUDITOR", 200),
                "/api/v1/societies/alpha/people", Map.of("SECRETARY", 200, "TREASURER", 200, "DIRECTOR", 200, "MEMBER", 403, "AUDITOR", 200),
                "/api/v1/societies/alpha/audit", Map.of("SECRETARY", 200, "TREASURER", 403, "DIRECTOR", 403, "MEMBER", 403, "AUDITOR", 200),
                "/api/v1/societies/alpha/tokens", Map.of("SECRETARY", 200, "TREASURER", 403, "DIRECTOR", 403, "MEMBER", 403, "AUDITOR", 403),
                "/s/alpha/settings", Map.of("SECRETARY", 200, "TREASURER", 200, "DIRECTOR", 200, "MEMBER", 403, "AUDITOR", 200),
                "/s/alpha/officers", Map.of("SECRETARY", 200, "TREASURER", 200, "DIRECTOR", 200, "MEMBER", 403, "AUDITOR", 200),
                "/s/alpha/audit", Map.of("SECRETARY", 200, "TREASURER", 403, "DIRECTOR", 403, "MEMBER", 403, "AUDITOR", 200),
                "/s/alpha/tokens", Map.of("SECRETARY", 200, "TREASURER", 403, "DIRECTOR", 403, "MEMBER", 403, "AUDITOR", 403));
        matrix.forEach((path, byRole) -> {
            byRole.forEach((role, status) ->
                    assertThat(r.alpha().get(role).get(path).statusCode()).as(role + " GET " + path).isEqualTo(status));
            assertThat(r.outsider().get(path).statusCode()).as("a member of another society GET " + path).isEqualTo(404);
            assertThat(r.betaSecretary().get(path).statusCode()).as("another society's secretary GET " + path).isEqualTo(404);
            int anonymous = r.world().anonymous().get(path).statusCode();
            assertThat(anonymous).as("anonymous GET " + path).isEqualTo(path.startsWith("/api/") ? 401 : 303);
            assertThat(r.admin().get(path).statusCode()).as("platform admin GET " + path).isEqualTo(200);
        });
        assertThat(r.alpha().get("MEMBER").get("/s/alpha").statusCode()).isEqualTo(200);
        assertThat(r.alpha().get("MEMBER").get("/s/alpha").body()).doesNotContain("/s/alpha/settings");
    }

    @Test
    void onlyTheSecretaryChangesThingsAndOnlyTheAdministratorCreatesSocieties() {
        var r = roles();
        for (String role : List.of("TREASURER", "DIRECTOR", "MEMBER", "AUDITOR")) {
            var who = r.alpha().get(role);
            assertThat(who.patchJson("/api/v1/societies/alpha/settings", "{\"minimumAge\":17}").statusCode()).as(role).isEqualTo(403);
            assertThat(who.postJson("/api/v1/societies/alpha/officers",
                    "{\"office\":\"DIRECTOR\",\"name\":\"X\",\"appointedOn\":\"2025-01-01\"}").statusCode()).as(role).isEqualTo(403);
            assertThat(who.postJson("/api/v1/societies/alpha/tokens", "{\"name\":\"t\"}").statusCode()).as(role).isEqualTo(403);
            assertThat(who.postJson("/api/v1/societies/alpha/invitations",
                    "{\"email\":\"x@y.example\",\"name\":\"X\",\"role\":\"SECRETARY\"}").statusCode()).as(role).isEqualTo(403);
        }
        assertThat(r.betaSecretary().patchJson("/api/v1/societies/alpha/settings", "{\"minimumAge\":17}").statusCode()).isEqualTo(404);
        assertThat(r.alpha().get("SECRETARY").postJson("/api/v1/societies", "{}").statusCode()).isEqualTo(403);
        assertThat(r.alpha().get("SECRETARY").get("/api/v1/mail").statusCode()).isEqualTo(403);
        assertThat(r.admin().get("/api/v1/mail").statusCode()).isEqualTo(200);
        assertThat(r.alpha().get("SECRETARY").get("/admin/societies").statusCode()).isEqualTo(403);
        var societies = Http.jsonArray(r.alpha().get("SECRETARY").get("/api/v1/societies"));
        assertThat(societies.stream().map(s -> s.asJsonObject().getString("slug")).toList()).containsExactly("alpha");
    }

    @Test
    void apiTokensActOnlyInTheirSocietyAndStopWhenRevoked() {
        var r = roles();
        var created = r.alpha().get("SECRETARY").postJson("/api/v1/societies/alpha/tokens", "{\"name\":\"Spreadsheet\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = Http.json(created).getString("secret");
        long id = Http.json(created).getJsonNumber("id").longValue();
        assertThat(secret).startsWith("coop_");

        var script = new Http(Deployments.loopback(url)).withToken(secret);
        assertThat(script.get("/api/v1/societies/alpha/officers").statusCode()).isEqualTo(200);
        assertThat(script.get("/api/v1/societies/beta").statusCode()).isEqualTo(404);
        var listed = r.alpha().get("SECRETARY").get("/api/v1/societies/alpha/tokens").body();
        assertThat(listed).contains("Spreadsheet").doesNotContain(secret);

        assertThat(r.alpha().get("SECRETARY").delete("/api/v1/societies/alpha/tokens/" + id).statusCode()).isEqualTo(204);
        assertThat(script.get("/api/v1/societies/alpha/officers").statusCode()).isEqualTo(401);
        assertThat(new Http(Deployments.loopback(url)).withToken("coop_forged").get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(r.betaSecretary().delete("/api/v1/societies/beta/tokens/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void theAuditChainReportsATamperedRow() throws Exception {
        var r = roles();
        var admin = r.admin();
        r.world().society(admin, "gamma", "GREAT_BRITAIN");
        assertThat(admin.patchJson("/api/v1/societies/gamma/settings", "{\"minimumAge\":18}").statusCode()).isEqualTo(200);
        assertThat(admin.patchJson("/api/v1/societies/gamma/settings", "{\"minimumAge\":21}").statusCode()).isEqualTo(200);
        var intact = Http.json(admin.get("/api/v1/societies/gamma/audit/verification"));
        assertThat(intact.getBoolean("intact")).isTrue();
        assertThat(intact.getInt("eventsChecked")).isEqualTo(3);

        try (var c = DriverManager.getConnection(System.getenv("COOP_DB_URL"), "cooperage", "cooperage")) {
            int changed = c.createStatement().executeUpdate("UPDATE audit_event e JOIN society s ON s.id = e.chain_id "
                    + "SET e.after_json = REPLACE(e.after_json, '18', '16') WHERE s.slug = 'gamma' AND e.seq = 2");
            assertThat(changed).isEqualTo(1);
        }
        var broken = Http.json(admin.get("/api/v1/societies/gamma/audit/verification"));
        assertThat(broken.getBoolean("intact")).isFalse();
        assertThat(broken.getInt("brokenAtSeq")).isEqualTo(2);
        var page = admin.get("/s/gamma/audit");
        assertThat(Jsoup.parse(page.body()).select("#chain-status").text()).contains("broken");
        assertThat(Jsoup.parse(admin.get("/s/alpha/audit").body()).select("#chain-status").text()).contains("intact");
    }

    @Test
    void theRegisterOfOfficersIsAPageAndAPdf() throws Exception {
        var secretary = roles().alpha().get("SECRETARY");
        var appointed = secretary.postJson("/api/v1/societies/alpha/officers",
                "{\"office\":\"CHAIR\",\"name\":\"Siân Llewellyn\",\"appointedOn\":\"2024-04-01\"}");
        assertThat(appointed.statusCode()).as(appointed.body()).isEqualTo(201);
        long id = Http.json(appointed).getJsonNumber("id").longValue();
        assertThat(secretary.postJson("/api/v1/societies/alpha/officers",
                "{\"office\":\"TREASURER\",\"name\":\"Zoë O'Brien\",\"appointedOn\":\"2023-09-18\"}").statusCode()).isEqualTo(201);
        var ended = secretary.postJson("/api/v1/societies/alpha/officers/" + id + "/end", "{\"endedOn\":\"2026-01-31\"}");
        assertThat(ended.statusCode()).isEqualTo(200);
        var early = secretary.postJson("/api/v1/societies/alpha/officers/" + id + "/end", "{\"endedOn\":\"2026-02-01\"}");
        assertThat(early.statusCode()).isEqualTo(400);
        var beforeStart = secretary.postJson("/api/v1/societies/alpha/officers",
                "{\"office\":\"NOT_AN_OFFICE\",\"name\":\"X\",\"appointedOn\":\"2024-04-01\"}");
        assertThat(beforeStart.statusCode()).isEqualTo(400);

        var page = secretary.get("/s/alpha/officers");
        assertThat(page.body()).contains("Siân Llewellyn").contains("31 January 2026").contains("Zoë O&#39;Brien");

        var pdf = secretary.getBytes("/api/v1/societies/alpha/officers/register.pdf?asAt=2026-06-30");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("alpha Community Energy").contains("Register of officers").contains("1234R")
                    .contains("Siân Llewellyn").contains("Chair").contains("1 April 2024").contains("31 January 2026")
                    .contains("Zoë O'Brien").contains("Treasurer").contains("30 June 2026");
        }
        var asAtBefore = secretary.getBytes("/api/v1/societies/alpha/officers/register.pdf?asAt=2023-12-31");
        try (var document = Loader.loadPDF(asAtBefore.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Zoë O'Brien").doesNotContain("Siân Llewellyn");
        }
        assertThat(secretary.get("/api/v1/societies/alpha/officers/register.pdf?asAt=31/12/2023").statusCode()).isEqualTo(400);
        assertThat(roles().alpha().get("MEMBER").getBytes("/api/v1/societies/alpha/officers/register.pdf").statusCode()).isEqualTo(403);
    }

    @Test
    void formsNeedTheirCsrfTokenAndPagesCarrySecurityHeaders() {
        var secretary = roles().alpha().get("SECRETARY");
        var forged = secretary.postForm("/s/alpha/officers", Map.of("personName", "Mallory", "office", "CHAIR",
                "appointedOn-day", "1", "appointedOn-month", "1", "appointedOn-year", "2025"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(secretary.get("/s/alpha/officers").body()).doesNotContain("Mallory");

        var signIn = new Http(Deployments.loopback(url)).get("/sign-in");
        var headers = signIn.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors 'none'")
                .contains("default-src 'self'").doesNotContain("unsafe-inline");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        String cookie = headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith("COOPSESSION")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void theSecretaryEditsRulesThroughTheFormWithErrorsLinkedToFields() {
        var r = roles();
        r.world().society(r.admin(), "eta", "GREAT_BRITAIN");
        var secretary = r.world().person(r.admin(), "eta", "secretary@eta.example", "SECRETARY");
        var form = Jsoup.parse(secretary.get("/s/eta/settings").body());
        var fields = new java.util.LinkedHashMap<String, String>();
        form.select("form[action$=/settings] input[name]").forEach(i -> {
            if (!i.attr("type").equals("checkbox") || i.hasAttr("checked")) {
                fields.put(i.attr("name"), i.attr("value"));
            }
        });
        form.select("form[action$=/settings] select").forEach(s -> fields.put(s.attr("name"), s.select("option[selected]").attr("value")));
        fields.put("maximumHoldingShares", "100001");
        fields.put("meetingNoticeClearDays", "fourteen");
        var refused = secretary.postForm("/s/eta/settings", fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        var page = Jsoup.parse(refused.body());
        assertThat(page.select(".govuk-error-summary a[href=#maximumHoldingShares]").text()).contains("holding cap");
        assertThat(page.select(".govuk-error-summary a[href=#meetingNoticeClearDays]").text()).contains("whole number");
        assertThat(page.select("#maximumHoldingShares").attr("value")).isEqualTo("100001");
        assertThat(page.title()).startsWith("Error:");

        fields.put("maximumHoldingShares", "5000");
        fields.put("meetingNoticeClearDays", "21");
        var saved = secretary.postForm("/s/eta/settings", fields);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(Http.json(secretary.get("/api/v1/societies/eta/settings")).getInt("meetingNoticeClearDays")).isEqualTo(21);
        assertThat(secretary.get("/s/eta/settings").body()).contains("The society&#39;s rules have been saved");
    }

    @Test
    void theCountingEngineStandsAloneAsAnApi() throws Exception {
        var anyone = new Http(Deployments.loopback(url));
        var blt = java.nio.file.Files.readString(java.nio.file.Path.of("..", "shared", "testdata", "stv", "meek", "droop-42-tie", "42.blt"));
        for (var method : Map.of("meek", coop.cooperage.meetings.control.CountMethod.MEEK_STV,
                "scottish-stv", coop.cooperage.meetings.control.CountMethod.SCOTTISH_STV).entrySet()) {
            var response = anyone.postBytes("/api/v1/count?method=" + method.getKey(), "text/plain",
                    blt.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            var expected = method.getValue().count(coop.cooperage.meetings.control.BltParser.parse(blt), 0);
            var result = Http.json(response);
            assertThat(result.getJsonArray("elected").getValuesAs(jakarta.json.JsonString::getString)).containsExactlyElementsOf(expected.elected());
            assertThat(result.getJsonArray("stages")).hasSize(expected.stages().size());
        }
        var malformed = anyone.postBytes("/api/v1/count?method=meek", "text/plain", "3 1\n1 1 2 0\n1 x 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("line 3");
        assertThat(anyone.postBytes("/api/v1/count?method=borda", "text/plain", blt.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(400);
    }
}
