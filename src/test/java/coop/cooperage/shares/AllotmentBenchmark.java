package coop.cooperage.shares;

import coop.cooperage.it.Http;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Benchmark (not a test): proposal and approval of an allotment with 10,000 paid applications, against a running demo
 * (mvn -Pdemo in another terminal). Each run seeds a new closed offer in society "allotbench" straight into the
 * database (new applicants, applications, payments; a quarter from outside the area, a few overpaid, a few below the
 * minimum holding, oversubscribed so everyone is scaled back), then times the proposal (API and page) and one approval,
 * which admits 10,000 members (with their welcome mail and invitations), writes their ledger entries, certificates and
 * audit events, queues their mail and owes the refunds, in one transaction. The approval is a job: the request answers
 * 202 at once, and the benchmark polls the job (as a client would) until it has succeeded, printing its progress and
 * its wall time.
 *
 * mvn -q test-compile exec:java -Dexec.mainClass=coop.cooperage.shares.AllotmentBenchmark -Dexec.classpathScope=test
 *
 * Options: -Dapplications=10000 -Dbase=http://127.0.0.1:8080/ -Ddb=jdbc:mariadb://127.0.0.1:3307/cooperage
 * -Dpolicy=LARGEST_FIRST|PRO_RATA
 */
public final class AllotmentBenchmark {

    private static final int APPLICATIONS = Integer.getInteger("applications", 10_000);

    private AllotmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var base = URI.create(System.getProperty("base", "http://127.0.0.1:8080/"));
        System.setProperty("coop.http.timeout", System.getProperty("coop.http.timeout", "1800"));
        String policy = System.getProperty("policy", "LARGEST_FIRST");
        var admin = new Http(base);
        admin.signIn("admin@cooperage.example", "cooperage-demo");
        if (admin.get("/api/v1/societies/allotbench").statusCode() == 404) {
            var created = admin.postJson("/api/v1/societies", """
                    {"slug":"allotbench","name":"Allotment Benchmark Energy","fcaNumber":"9998R","type":"COMMUNITY_BENEFIT",
                     "jurisdiction":"GREAT_BRITAIN","registeredOffice":"1 Quay Street, Bristol BS1 4RW",
                     "areaOfBenefit":["BS1","BS2","BS3 4"],"financialYearEnd":"--03-31","brandColour":"#0b6e4f"}""");
            if (created.statusCode() != 201) {
                throw new IllegalStateException(created.body());
            }
        }
        String offer = "bench-" + System.currentTimeMillis();
        long seeded = seed(offer, policy);
        System.out.printf("Allotment of %,d paid applications (offer '%s', %s, local priority; seeded in %,d ms)%n", APPLICATIONS,
                offer, policy, seeded);
        String api = "/api/v1/societies/allotbench/allotments/" + offer;
        time(admin, "proposal, API (JSON, all lines)", api, 7);
        time(admin, "proposal, page (first 100)     ", "/s/allotbench/allotments/" + offer, 7);
        long start = System.nanoTime();
        var accepted = admin.postJson(api, "{\"decidedOn\":\"" + LocalDate.now() + "\"}");
        long answered = (System.nanoTime() - start) / 1_000_000;
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("approval answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String job = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
        System.out.printf("approval queued as a job (202 Accepted, %s) in %,d ms%n", job, answered);
        // poll the job as a client would (every 200 ms), reporting its progress as it goes
        long[] lastDone = {-1};
        long[] firstProgressMs = {-1};
        JsonObject state = org.awaitility.Awaitility.await("the approval job").atMost(java.time.Duration.ofMinutes(15))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
                    JsonObject now = Http.json(admin.get(job));
                    long done = now.getJsonNumber("done").longValue();
                    if (done > 0 && firstProgressMs[0] < 0) {
                        firstProgressMs[0] = (System.nanoTime() - start) / 1_000_000;
                    }
                    if (done != lastDone[0] && done % 2000 < 50) {
                        System.out.printf("  %6.1f s  %s %,d of %,d%n", (System.nanoTime() - start) / 1e9, now.getString("state"), done,
                                now.getJsonNumber("total").longValue());
                    }
                    lastDone[0] = done;
                    return now;
                }, now -> now.getString("state").equals("SUCCEEDED") || now.getString("state").equals("FAILED"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (!state.getString("state").equals("SUCCEEDED")) {
            throw new IllegalStateException("the approval job failed: " + state);
        }
        var started = java.time.LocalDateTime.parse(state.getString("startedAt"));
        var finished = java.time.LocalDateTime.parse(state.getString("finishedAt"));
        System.out.printf("approval job: %,d ms from the request to SUCCEEDED seen by polling (job's own wall time, started to"
                + " finished: %,d ms; first progress after %,d ms)%n", ms, java.time.Duration.between(started, finished).toMillis(),
                firstProgressMs[0]);
        var totals = Http.json(admin.get(api)).getJsonObject("decision");
        System.out.printf("  %,d allottees, %,d members admitted, %,d shares, %,d refunds; %s%n",
                totals.getInt("allottees"), totals.getInt("membersAdmitted"), totals.getJsonNumber("sharesAllotted").longValue(),
                totals.getInt("refunds"), state.getString("message"));
        serverSide(offer);
        var again = admin.postJson(api, "{\"decidedOn\":\"" + LocalDate.now() + "\"}");
        System.out.printf("second approval answered %d (conflict expected)%n", again.statusCode());
        time(admin, "allotment as made, API         ", api, 5);
    }

    /** From the database: when the approval started writing (the decision's time) and when it wrote its last event. */
    private static void serverSide(String offer) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("db", "jdbc:mariadb://127.0.0.1:3307/cooperage"),
                "cooperage", "cooperage"); var s = c.createStatement()) {
            long offerId;
            try (var r = s.executeQuery("SELECT id FROM share_offer WHERE slug = '" + offer + "'")) {
                r.next();
                offerId = r.getLong(1);
            }
            try (var r = s.executeQuery("SELECT TIMESTAMPDIFF(MICROSECOND, d.recorded_at, e.occurred_at) FROM allotment_decision d,"
                    + " audit_event e WHERE d.offer_id = " + offerId + " AND e.action = 'offer.allotted' AND e.entity_type = 'share_offer'"
                    + " AND e.entity_id = '" + offerId + "'")) {
                if (r.next()) {
                    System.out.printf("  of which writing members, ledger, certificates, mail, refunds and audit: %,d ms%n",
                            r.getLong(1) / 1000);
                }
            }
        }
    }

    private static void time(Http http, String label, String path, int runs) {
        var times = new ArrayList<Long>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            var response = http.get(path);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 2) {
                times.add((System.nanoTime() - start) / 1_000);
            }
        }
        Collections.sort(times);
        System.out.printf("%s median %7.1f ms   max %7.1f ms%n", label, times.get(times.size() / 2) / 1000.0,
                times.get(times.size() - 1) / 1000.0);
    }

    private static long seed(String offer, String policy) throws Exception {
        String[] first = {"Alice", "Bryn", "Cerys", "Dafydd", "Elin", "Ffion", "Gareth", "Huw", "Iolo", "Jac", "Megan", "Owain"};
        String[] last = {"Smith", "Jones", "Evans", "Williams", "Davies", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan"};
        String[] postcodes = {"BS1 4RW", "BS2 0AA", "BS3 4AB", "BS1 5TT", "BA1 1AA", "CF10 1AA", "HX7 8AA", "BS2 9ZZ"};
        var random = new Random(42);
        long start = System.nanoTime();
        LocalDate closed = LocalDate.now().minusDays(1);
        try (Connection c = DriverManager.getConnection(System.getProperty("db", "jdbc:mariadb://127.0.0.1:3307/cooperage"),
                "cooperage", "cooperage")) {
            c.setAutoCommit(false);
            long society;
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT id FROM society WHERE slug = 'allotbench'")) {
                r.next();
                society = r.getLong(1);
            }
            long offerId;
            try (var s = c.createStatement()) {
                // £7,000,000 at £1 a share: local applicants (three in four) in full, the others scaled back
                s.executeUpdate("INSERT INTO share_offer (society_id, slug, title, description, opens_on, closes_on, min_target_pence,"
                        + " max_target_pence, min_per_applicant_pence, max_per_applicant_pence, share_price_pence, locality, scale_back,"
                        + " state, created_at) VALUES (" + society + ", '" + offer + "', 'Benchmark offer', 'Benchmark', '"
                        + closed.minusDays(60) + "', '" + closed + "', 1000000, 700000000, 5000, 10000000, 100, 'LOCAL_PRIORITY', '"
                        + policy + "', 'CLOSED', NOW(6))", Statement.RETURN_GENERATED_KEYS);
                var k = s.getGeneratedKeys();
                k.next();
                offerId = k.getLong(1);
            }
            var memberIds = new ArrayList<Long>();
            String tag = Long.toString(System.currentTimeMillis() % 100_000_000, 36).toUpperCase();
            try (var ps = c.prepareStatement("INSERT INTO member (society_id, application_ref, kind, name, address, postcode,"
                    + " postcode_district, postcode_sector, email, email_purposes, state, applied_on, created_at)"
                    + " VALUES (?, ?, 'INDIVIDUAL', ?, '1 High Street', ?, ?, ?, ?, '', 'APPLICANT', ?, NOW(6))",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < APPLICATIONS; i++) {
                    String pc = postcodes[random.nextInt(postcodes.length)];
                    ps.setLong(1, society);
                    ps.setString(2, tag + i);
                    ps.setString(3, first[random.nextInt(first.length)] + " " + last[random.nextInt(last.length)]);
                    ps.setString(4, pc);
                    ps.setString(5, pc.substring(0, pc.indexOf(' ')));
                    ps.setString(6, pc.substring(0, pc.length() - 2));
                    ps.setString(7, "investor" + i + "." + tag.toLowerCase() + "@bench.example");
                    ps.setObject(8, closed.minusDays(30));
                    ps.addBatch();
                }
                ps.executeBatch();
                var keys = ps.getGeneratedKeys();
                while (keys.next()) {
                    memberIds.add(keys.getLong(1));
                }
            }
            var applicationIds = new ArrayList<Long>();
            var paid = new ArrayList<Long>();
            try (var ps = c.prepareStatement("INSERT INTO share_application (society_id, offer_id, member_id, reference, shares_requested,"
                    + " amount_pence, payment_method, local_applicant, state, submitted_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'BANK_TRANSFER', ?, 'SUBMITTED', NOW(6) - INTERVAL ? SECOND)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < APPLICATIONS; i++) {
                    long shares = 50 + random.nextInt(20) * 50L + (random.nextInt(20) == 0 ? 5000 : 0);
                    ps.setLong(1, society);
                    ps.setLong(2, offerId);
                    ps.setLong(3, memberIds.get(i));
                    ps.setString(4, "B" + tag + "-" + i);
                    ps.setLong(5, shares);
                    ps.setLong(6, shares * 100);
                    ps.setBoolean(7, random.nextInt(4) != 0);
                    ps.setInt(8, APPLICATIONS - i);
                    ps.addBatch();
                    int r = random.nextInt(50);
                    paid.add(r == 0 ? 3_000L : r == 1 ? shares * 100 + 2_500 : shares * 100);
                }
                ps.executeBatch();
                var keys = ps.getGeneratedKeys();
                while (keys.next()) {
                    applicationIds.add(keys.getLong(1));
                }
            }
            try (var ps = c.prepareStatement("INSERT INTO share_payment (society_id, application_id, amount_pence, received_on, method,"
                    + " recorded_at) VALUES (?, ?, ?, ?, 'BANK_TRANSFER', NOW(6))")) {
                for (int i = 0; i < APPLICATIONS; i++) {
                    ps.setLong(1, society);
                    ps.setLong(2, applicationIds.get(i));
                    ps.setLong(3, paid.get(i));
                    ps.setObject(4, closed.minusDays(3));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
