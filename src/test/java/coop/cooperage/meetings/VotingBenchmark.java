package coop.cooperage.meetings;

import coop.cooperage.it.Http;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark (not a test): many members voting at once on one resolution, against a running demo
 * (mvn -Pdemo in another terminal). Seeds society "votebench" with the members straight into the
 * database (once), creates a meeting held today with notice given 20 days ago, then sends every
 * member's postal vote at once from a pool of threads through the API and prints the wall-clock
 * time, throughput and latency, and the declared tally (which must count every vote).
 *
 * mvn -q test-compile exec:java -Dexec.mainClass=coop.cooperage.meetings.VotingBenchmark -Dexec.classpathScope=test
 *   -Dvoters=2000 -Dthreads=32
 */
public final class VotingBenchmark {

    private static final int VOTERS = Integer.getInteger("voters", 2000);
    private static final int THREADS = Integer.getInteger("threads", 32);

    private VotingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var base = URI.create(System.getProperty("base", "http://127.0.0.1:8080/"));
        var admin = new Http(base);
        admin.signIn("admin@cooperage.example", "cooperage-demo");
        if (admin.get("/api/v1/societies/votebench").statusCode() == 404) {
            var created = admin.postJson("/api/v1/societies", """
                    {"slug":"votebench","name":"Voting Benchmark Energy","fcaNumber":"9998R","type":"COMMUNITY_BENEFIT",
                     "jurisdiction":"GREAT_BRITAIN","registeredOffice":"1 Quay Street, Bristol BS1 4RW",
                     "areaOfBenefit":["BS1"],"financialYearEnd":"--03-31","brandColour":"#0b6e4f"}""");
            check(created.statusCode() == 201, created.body());
            check(admin.patchJson("/api/v1/societies/votebench/settings", "{\"quorumMembers\":1,\"quorumPercent\":1}").statusCode() == 200,
                    "rules");
            seed();
        }
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String meetings = "/api/v1/societies/votebench/meetings";
        var meeting = admin.postJson(meetings, """
                {"kind":"GENERAL","title":"Benchmark meeting","startsAt":"%sT23:59:00","place":"Hall","agenda":"Vote",
                 "recordDate":"%s","noticeSentOn":"%s"}""".formatted(today, today, today.minusDays(20)));
        check(meeting.statusCode() == 201, meeting.body());
        long id = json(meeting.body()).getJsonObject("meeting").getJsonNumber("id").longValue();
        var resolution = admin.postJson(meetings + "/" + id + "/resolutions",
                "{\"title\":\"Bench\",\"text\":\"That we measure.\",\"proposer\":\"The board\",\"kind\":\"ORDINARY\"}");
        long rid = json(resolution.body()).getJsonNumber("id").longValue();

        var pool = Executors.newFixedThreadPool(THREADS);
        var start = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        for (int n = 1; n <= VOTERS; n++) {
            long number = n;
            String body = "{\"memberNumber\":%d,\"channel\":\"POSTAL\",\"choice\":\"%s\"}".formatted(number, n % 3 == 0 ? "AGAINST" : "FOR");
            results.add(pool.submit(() -> {
                start.await();
                long t = System.nanoTime();
                int status = admin.postJson(meetings + "/" + id + "/resolutions/" + rid + "/votes", body).statusCode();
                return new long[] {status, (System.nanoTime() - t) / 1_000};
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        var latencies = new ArrayList<Long>();
        int accepted = 0;
        for (var f : results) {
            long[] r = f.get();
            accepted += r[0] == 201 ? 1 : 0;
            latencies.add(r[1]);
        }
        long elapsedMs = (System.nanoTime() - began) / 1_000_000;
        pool.shutdown();
        Collections.sort(latencies);
        System.out.printf("%,d postal votes from %d threads: %,d accepted in %,d ms (%.0f votes/s); latency median %.1f ms, p95 %.1f ms%n",
                VOTERS, THREADS, accepted, elapsedMs, accepted * 1000.0 / Math.max(1, elapsedMs),
                latencies.get(latencies.size() / 2) / 1000.0, latencies.get((int) (latencies.size() * 0.95)) / 1000.0);
        check(admin.postJson(meetings + "/" + id + "/opening", "{}").statusCode() == 200, "open");
        admin.postJson(meetings + "/" + id + "/attendance", "{\"memberNumber\":1}");
        check(admin.postJson(meetings + "/" + id + "/poll-closure", "{}").statusCode() == 200, "close poll");
        long t = System.nanoTime();
        var declared = json(admin.postJson(meetings + "/" + id + "/resolutions/" + rid + "/declaration", "{}").body());
        System.out.printf("declared in %,d ms: %s%n", (System.nanoTime() - t) / 1_000_000, declared.getString("declaration"));
    }

    private static jakarta.json.JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    private static void seed() throws Exception {
        try (var c = DriverManager.getConnection(System.getProperty("db", "jdbc:mariadb://127.0.0.1:3307/cooperage"), "cooperage", "cooperage")) {
            c.setAutoCommit(false);
            long society;
            try (var rs = c.createStatement().executeQuery("SELECT id FROM society WHERE slug = 'votebench'")) {
                rs.next();
                society = rs.getLong(1);
            }
            var member = c.prepareStatement("INSERT INTO member (society_id, member_number, application_ref, kind, name, address, postcode,"
                    + " postcode_district, postcode_sector, email_purposes, date_of_birth, state, applied_on, joined_on, created_at)"
                    + " VALUES (?, ?, ?, 'INDIVIDUAL', ?, 'Long Road', 'BS1 4AB', 'BS1', 'BS1 4', '', '1970-01-01', 'MEMBER',"
                    + " '2020-01-01', '2020-01-01', NOW(6))");
            for (int n = 1; n <= VOTERS; n++) {
                member.setLong(1, society);
                member.setLong(2, n);
                member.setString(3, "V-" + n);
                member.setString(4, "Voter " + n);
                member.addBatch();
            }
            member.executeBatch();
            c.createStatement().executeUpdate("INSERT INTO member_number_counter (society_id, last_number) VALUES (" + society + ", " + VOTERS
                    + ") ON DUPLICATE KEY UPDATE last_number = " + VOTERS);
            c.commit();
        }
    }
}
