package coop.cooperage.meetings;

import coop.cooperage.it.Electorate;
import coop.cooperage.it.Http;
import java.net.URI;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark (not a test): 10,000 members voting at once in a secret STV election, against a
 * running demo (mvn -Pdemo in another terminal). Each run makes a new meeting, election and
 * 10,000 members with API tokens (straight into the database, in society "electionbench"), releases
 * every vote at the same moment from a pool of client threads, and prints votes per second and
 * latency percentiles; then closes the poll and times the count of those ballots.
 *
 * mvn -q test-compile exec:java -Dexec.mainClass=coop.cooperage.meetings.ElectionBenchmark -Dexec.classpathScope=test
 *
 * Options: -Dmembers=10000 -Dthreads=500 -Dbase=http://127.0.0.1:8080/ -Ddb=jdbc:mariadb://127.0.0.1:3307/cooperage
 */
public final class ElectionBenchmark {

    private static final int MEMBERS = Integer.getInteger("members", 10_000);
    private static final int THREADS = Integer.getInteger("threads", 500);

    private ElectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var base = URI.create(System.getProperty("base", "http://127.0.0.1:8080/"));
        String db = System.getProperty("db", "jdbc:mariadb://127.0.0.1:3307/cooperage");
        var admin = new Http(base);
        admin.signIn("admin@cooperage.example", "cooperage-demo");
        if (admin.get("/api/v1/societies/electionbench").statusCode() == 404) {
            var created = admin.postJson("/api/v1/societies", """
                    {"slug":"electionbench","name":"Election Benchmark Energy","fcaNumber":"9997R","type":"COMMUNITY_BENEFIT",
                     "jurisdiction":"GREAT_BRITAIN","registeredOffice":"1 Quay Street, Bristol BS1 4RW",
                     "areaOfBenefit":["BS1"],"financialYearEnd":"--03-31","brandColour":"#0b6e4f"}""");
            check(created.statusCode() == 201, created.body());
        }
        String api = "/api/v1/societies/electionbench/elections";
        List<Electorate.Voter> voters;
        long meeting;
        long started = System.nanoTime();
        try (var c = DriverManager.getConnection(db, System.getProperty("dbUser", "cooperage"), System.getProperty("dbPassword", "cooperage"))) {
            long society = Electorate.societyId(c, "electionbench");
            var rs = c.createStatement().executeQuery("SELECT COALESCE(MAX(member_number), 0) FROM member WHERE society_id = " + society);
            rs.next();
            long first = rs.getLong(1) + 1;
            meeting = Electorate.meeting(c, society, LocalDate.now().minusDays(1), LocalDateTime.now().plusDays(30), null);
            voters = Electorate.members(c, society, "vb" + System.currentTimeMillis(), first, MEMBERS, LocalDate.now().minusYears(1));
        }
        System.out.printf("Seeded %,d members with tokens in %,d ms%n", MEMBERS, (System.nanoTime() - started) / 1_000_000);

        var election = Http.json(admin.postJson(api, "{\"meetingId\":" + meeting
                + ",\"title\":\"Benchmark election\",\"seats\":3,\"method\":\"SCOTTISH_STV\"}"));
        long id = election.getJsonNumber("id").longValue();
        var candidates = new ArrayList<Long>();
        for (int i = 0; i < 6; i++) {
            var c = admin.postJson(api + "/" + id + "/candidates", "{\"memberNumber\":" + voters.get(i).memberNumber() + "}");
            check(c.statusCode() == 201, c.body());
            candidates.add(Http.json(c).getJsonNumber("id").longValue());
        }
        check(admin.postJson(api + "/" + id + "/opening", "{}").statusCode() == 200, "open");

        var random = new Random(42);
        var bodies = new ArrayList<String>();
        for (int i = 0; i < voters.size(); i++) {
            var order = new ArrayList<>(candidates);
            Collections.shuffle(order, random);
            int ranked = 1 + random.nextInt(order.size());
            var ranks = new StringBuilder();
            for (int r = 0; r < ranked; r++) {
                ranks.append(r == 0 ? "" : ",").append('"').append(order.get(r)).append("\":").append(r + 1);
            }
            bodies.add("{\"ranks\":{" + ranks + "}}");
        }
        var client = Electorate.client();
        // warm the server's code paths with a few votes that are not timed
        for (int i = 0; i < 20; i++) {
            Electorate.postJson(client, base, api + "/" + id + "/ballots", voters.get(i).token(), bodies.get(i));
        }
        var pool = Executors.newFixedThreadPool(THREADS);
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<long[]>>();
        for (int i = 20; i < voters.size(); i++) {
            var voter = voters.get(i);
            String body = bodies.get(i);
            results.add(pool.submit(() -> {
                start.await();
                long t0 = System.nanoTime();
                int status = Electorate.postJson(client, base, api + "/" + id + "/ballots", voter.token(), body).statusCode();
                return new long[] {System.nanoTime() - t0, status};
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        var latencies = new ArrayList<Long>();
        int ok = 0;
        for (var r : results) {
            long[] x = r.get();
            latencies.add(x[0]);
            if (x[1] == 201) {
                ok++;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        Collections.sort(latencies);
        System.out.printf("%,d members voting at once (%d client threads): %,d accepted in %.1f s = %,.0f votes/s%n",
                results.size(), THREADS, ok, seconds, ok / seconds);
        System.out.printf("latency per vote: p50 %,d ms, p95 %,d ms, p99 %,d ms, max %,d ms%n", pct(latencies, 50), pct(latencies, 95),
                pct(latencies, 99), latencies.get(latencies.size() - 1) / 1_000_000);

        check(admin.postJson(api + "/" + id + "/closing", "{}").statusCode() == 200, "close");
        long c0 = System.nanoTime();
        var count = admin.postJson(api + "/" + id + "/count", "{}");
        check(count.statusCode() == 200, count.body());
        System.out.printf("closed, counted (Scottish STV, %,d ballots, over HTTP incl. storing the report) in %,d ms; elected %s%n",
                ok + 20, (System.nanoTime() - c0) / 1_000_000, Http.json(count).getJsonArray("elected"));
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1_000_000;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
