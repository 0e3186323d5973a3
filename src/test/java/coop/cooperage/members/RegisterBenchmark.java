package coop.cooperage.members;

import coop.cooperage.it.Http;
import java.net.URI;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Benchmark (not a test): the register with 50,000 members, against a running demo
 * (mvn -Pdemo in another terminal). Seeds society "bench" once, straight into the database,
 * then times the register page and API (search, filter, sort, deep pages) and the PDF.
 *
 * mvn -q test-compile exec:java -Dexec.mainClass=coop.cooperage.members.RegisterBenchmark -Dexec.classpathScope=test
 */
public final class RegisterBenchmark {

    private static final int MEMBERS = Integer.getInteger("members", 50_000);

    private RegisterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var base = URI.create(System.getProperty("base", "http://127.0.0.1:8080/"));
        var admin = new Http(base);
        admin.signIn("admin@cooperage.example", "cooperage-demo");
        if (admin.get("/api/v1/societies/bench").statusCode() == 404) {
            var created = admin.postJson("/api/v1/societies", """
                    {"slug":"bench","name":"Benchmark Community Energy","fcaNumber":"9999R","type":"COMMUNITY_BENEFIT",
                     "jurisdiction":"GREAT_BRITAIN","registeredOffice":"1 Quay Street, Bristol BS1 4RW",
                     "areaOfBenefit":["BS1","BS2","BS3 4"],"financialYearEnd":"--03-31","brandColour":"#0b6e4f"}""");
            if (created.statusCode() != 201) {
                throw new IllegalStateException(created.body());
            }
            seed();
        }
        System.out.printf("Register of %,d members (society 'bench'); times are wall-clock over loopback, so they include server time%n", MEMBERS);
        time(admin, "page 1, by number            ", "/s/bench/members");
        time(admin, "page 500, by number          ", "/s/bench/members?page=500");
        time(admin, "search by name (\"Smith\")     ", "/s/bench/members?q=Smith");
        time(admin, "local only, sorted by name   ", "/s/bench/members?local=true&sort=NAME");
        time(admin, "joined 2020, newest first    ", "/s/bench/members?from=2020-01-01&to=2020-12-31&sort=JOINED&desc=true");
        time(admin, "API page 1 (JSON)            ", "/api/v1/societies/bench/members");
        time(admin, "API search by number         ", "/api/v1/societies/bench/members?q=41234");
        var pdf = "/api/v1/societies/bench/members/register.pdf";
        if (admin.getBytes(pdf).statusCode() == 200) {
            long start = System.nanoTime();
            var response = admin.getBytes(pdf);
            System.out.printf("register PDF: %,d bytes in %,d ms%n", response.body().length, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static void time(Http http, String label, String path) {
        var times = new ArrayList<Long>();
        for (int i = 0; i < 25; i++) {
            long start = System.nanoTime();
            var response = http.get(path);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            if (i >= 5) {
                times.add((System.nanoTime() - start) / 1_000);
            }
        }
        Collections.sort(times);
        System.out.printf("%s median %6.1f ms   p95 %6.1f ms%n", label, times.get(times.size() / 2) / 1000.0,
                times.get((int) (times.size() * 0.95)) / 1000.0);
    }

    private static void seed() throws Exception {
        String[] first = {"Alice", "Bryn", "Cerys", "Dafydd", "Elin", "Ffion", "Gareth", "Huw", "Iolo", "Jac", "Megan", "Owain"};
        String[] last = {"Smith", "Jones", "Evans", "Williams", "Davies", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan"};
        String[] districts = {"BS1", "BS2", "BS3", "BS5", "BS6", "BA1", "CF10", "HX7"};
        var random = new Random(42);
        long start = System.nanoTime();
        try (var c = DriverManager.getConnection(System.getProperty("db", "jdbc:mariadb://127.0.0.1:3307/cooperage"), "cooperage", "cooperage")) {
            c.setAutoCommit(false);
            long society;
            try (var rs = c.createStatement().executeQuery("SELECT id FROM society WHERE slug = 'bench'")) {
                rs.next();
                society = rs.getLong(1);
            }
            var member = c.prepareStatement("INSERT INTO member (society_id, member_number, application_ref, kind, name, address, postcode,"
                    + " postcode_district, postcode_sector, email, email_purposes, date_of_birth, state, applied_on, joined_on, created_at)"
                    + " VALUES (?, ?, ?, 'INDIVIDUAL', ?, ?, ?, ?, ?, ?, 'NOTICES', '1970-01-01', 'MEMBER', ?, ?, NOW(6))",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            List<long[]> holdings = new ArrayList<>();
            for (int n = 1; n <= MEMBERS; n++) {
                String district = districts[random.nextInt(districts.length)];
                int sector = random.nextInt(9);
                LocalDate joined = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650));
                member.setLong(1, society);
                member.setLong(2, n);
                member.setString(3, "B-" + n);
                member.setString(4, first[random.nextInt(first.length)] + " " + last[random.nextInt(last.length)]);
                member.setString(5, n + " Long Road\nSomewhere");
                member.setString(6, district + " " + sector + "AB");
                member.setString(7, district);
                member.setString(8, district + " " + sector);
                member.setString(9, "member" + n + "@bench.example");
                member.setObject(10, joined);
                member.setObject(11, joined);
                member.addBatch();
                holdings.add(new long[] {n, 50 + random.nextInt(5000)});
                if (n % 2000 == 0) {
                    member.executeBatch();
                }
            }
            member.executeBatch();
            c.createStatement().executeUpdate("INSERT INTO share_entry (society_id, member_id, kind, shares, amount_pence, entry_date, reference, recorded_at)"
                    + " SELECT society_id, id, 'OPENING_BALANCE', 50 + MOD(member_number * 7919, 5000), (50 + MOD(member_number * 7919, 5000)) * 100,"
                    + " joined_on, 'benchmark', NOW(6) FROM member WHERE society_id = " + society);
            c.createStatement().executeUpdate("INSERT INTO member_number_counter (society_id, last_number) VALUES (" + society + ", " + MEMBERS
                    + ") ON DUPLICATE KEY UPDATE last_number = " + MEMBERS);
            c.commit();
        }
        System.out.printf("Seeded %,d members in %,d ms%n", MEMBERS, (System.nanoTime() - start) / 1_000_000);
    }
}
