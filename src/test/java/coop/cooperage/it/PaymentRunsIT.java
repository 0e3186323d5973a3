package coop.cooperage.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import coop.cooperage.payments.entity.BankHolidays;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Money out end to end: bank details sealed and masked, payment runs, their Bacs files, paying once. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentRunsIT {

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

    /** A society with a treasurer and its Bacs details entered. */
    private record Society(String slug, World world, Http admin, Http treasurer) {
    }

    private Society society(String slug) {
        var world = world();
        var admin = world.admin();
        world.society(admin, slug, "GREAT_BRITAIN");
        var treasurer = world.person(admin, slug, "treasurer@" + slug + ".example", "TREASURER");
        var set = treasurer.putJson("/api/v1/societies/" + slug + "/payment-runs/originator", """
                {"serviceUserNumber":"654321","serviceUserName":"%s Energy","sortCode":"40-11-22",
                 "accountNumber":"71234567","accountName":"%s Community Energy"}""".formatted(slug, slug));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        return new Society(slug, world, admin, treasurer);
    }

    private static long member(Society s, String name, String email) {
        var created = s.admin().postJson("/api/v1/societies/" + s.slug() + "/members", """
                {"member":{"kind":"INDIVIDUAL","name":"%s","address":"1 High Street\\nBristol","postcode":"BS1 4RW",%s
                 "emailPurposes":[],"dateOfBirth":"1970-01-01"},"joinedOn":"2020-01-01"}"""
                .formatted(name, email == null ? "" : "\"email\":\"" + email + "\","));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).getJsonNumber("memberNumber").longValue();
    }

    private static void bank(Society s, long number, String sort, String account, String name) {
        var put = s.treasurer().putJson("/api/v1/societies/" + s.slug() + "/bank-details/" + number,
                "{\"sortCode\":\"%s\",\"accountNumber\":\"%s\",\"accountName\":\"%s\"}".formatted(sort, account, name));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(System.getenv("COOP_DB_URL"), "cooperage", "cooperage");
    }

    private static long memberId(Society s, long number) throws Exception {
        try (var c = db(); var st = c.prepareStatement(
                "SELECT m.id FROM member m JOIN society s ON s.id = m.society_id WHERE s.slug = ? AND m.member_number = ?")) {
            st.setString(1, s.slug());
            st.setLong(2, number);
            var rs = st.executeQuery();
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static long sourceIds = System.nanoTime() % 1_000_000;

    /** Payouts are made by other parts of Cooperage (withdrawals, refunds, deaths); here they are written directly. */
    private static long payout(Society s, long number, String kind, long pence, Long shares, String payeeName) throws Exception {
        try (var c = db(); var st = c.prepareStatement("""
                INSERT INTO payout (society_id, member_id, kind, amount_pence, shares, source_type, source_id, payee_name, state, created_at)
                SELECT s.id, ?, ?, ?, ?, 'test', ?, ?, 'DUE', NOW(6) FROM society s WHERE s.slug = ?""",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, memberId(s, number));
            st.setString(2, kind);
            st.setLong(3, pence);
            st.setObject(4, shares);
            st.setLong(5, ++sourceIds);
            st.setString(6, payeeName);
            st.setString(7, s.slug());
            assertThat(st.executeUpdate()).isEqualTo(1);
            var keys = st.getGeneratedKeys();
            keys.next();
            return keys.getLong(1);
        }
    }

    private static void openingShares(Society s, long number, long shares) throws Exception {
        try (var c = db(); var st = c.prepareStatement("""
                INSERT INTO share_entry (society_id, member_id, kind, shares, amount_pence, entry_date, reference, recorded_at)
                SELECT s.id, ?, 'OPENING_BALANCE', ?, ?, '2020-01-01', 'opening', NOW(6) FROM society s WHERE s.slug = ?""")) {
            st.setLong(1, memberId(s, number));
            st.setLong(2, shares);
            st.setLong(3, shares * 100);
            st.setString(4, s.slug());
            st.executeUpdate();
        }
        // the ledger keeps each holding in step with its entries (V10_1) and checks a withdrawal against it
        try (var c = db(); var st = c.prepareStatement("""
                INSERT INTO share_holding (member_id, society_id, shares, amount_pence)
                SELECT ?, s.id, ?, ? FROM society s WHERE s.slug = ?
                ON DUPLICATE KEY UPDATE shares = shares + VALUES(shares), amount_pence = amount_pence + VALUES(amount_pence)""")) {
            st.setLong(1, memberId(s, number));
            st.setLong(2, shares);
            st.setLong(3, shares * 100);
            st.setString(4, s.slug());
            st.executeUpdate();
        }
    }

    private static String one(String sql, Object... args) throws Exception {
        try (var c = db(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            var rs = st.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The next working day after today in the UK, a processing day Bacs takes. */
    static LocalDate processingDay() {
        return BankHolidays.workingDayFrom(LocalDate.now(ZoneId.of("Europe/London")).plusDays(1));
    }

    private static JsonObject createRun(Society s) {
        var created = s.treasurer().postJson("/api/v1/societies/" + s.slug() + "/payment-runs",
                "{\"processingDate\":\"" + processingDay() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created);
    }

    private static List<String> records(byte[] file) {
        String text = new String(file, StandardCharsets.US_ASCII);
        assertThat(text).endsWith("\r\n");
        return Arrays.asList(text.substring(0, text.length() - 2).split("\r\n", -1));
    }

    @Test
    void bankDetailsAreSealedAtRestShownMaskedAuditedWithoutThemAndTheMemberIsEmailed() throws Exception {
        var s = society("pbank");
        long n = member(s, "Bea Banks", "bea@pbank.example");
        var bea = s.world().person(s.admin(), "pbank", "bea@pbank.example", "MEMBER");

        var bad = bea.putJson("/api/v1/societies/pbank/my-bank-details", "{\"sortCode\":\"12-34\",\"accountNumber\":\"1234567\",\"accountName\":\"\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("sortCode").contains("accountNumber").contains("accountName").contains("8 digits");
        assertThat(bea.get("/api/v1/societies/pbank/my-bank-details").statusCode()).isEqualTo(404);

        var put = bea.putJson("/api/v1/societies/pbank/my-bank-details",
                "{\"sortCode\":\"30-94-57\",\"accountNumber\":\"0073 3445\",\"accountName\":\"Bea Banks\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(Http.json(put).getString("bankAccount")).isEqualTo("**-**-57 ****3445");
        assertThat(put.body()).doesNotContain("00733445").doesNotContain("309457");
        assertThat(bea.get("/api/v1/societies/pbank/my-bank-details").body()).contains("**-**-57 ****3445").doesNotContain("00733445");
        String page = bea.get("/s/pbank/my-bank-details").body();
        assertThat(page).contains("**-**-57").contains("****3445").doesNotContain("00733445").doesNotContain("309457");

        // at rest: only ciphertext, nothing of the account in the clear, in the table or the audit trail
        String stored = one("SELECT CAST(b.ciphertext AS CHAR) FROM member_bank_details b JOIN member m ON m.id = b.member_id"
                + " JOIN society s ON s.id = m.society_id WHERE s.slug = 'pbank' AND m.member_number = ?", n);
        assertThat(stored).startsWith("v1:").doesNotContain("00733445").doesNotContain("309457").doesNotContain("Bea");
        String audit = one("SELECT GROUP_CONCAT(CONCAT_WS(' ', e.action, e.before_json, e.after_json)) FROM audit_event e"
                + " JOIN society s ON s.id = e.chain_id WHERE s.slug = 'pbank'");
        assertThat(audit).contains("member.bank-details-changed").contains("**-**-57 ****3445")
                .doesNotContain("00733445").doesNotContain("309457").doesNotContain("0073 3445");

        // the member hears of every change, without the account number
        var mail = s.world().lastMailTo("bea@pbank.example", "bank details");
        assertThat(mail.getContent().toString()).contains("**-**-57 ****3445").doesNotContain("00733445");

        // the secretary or treasurer may enter them for a member; the member is told again
        var secretary = s.world().person(s.admin(), "pbank", "secretary@pbank.example", "SECRETARY");
        var bySecretary = secretary.putJson("/api/v1/societies/pbank/bank-details/" + n,
                "{\"sortCode\":\"309458\",\"accountNumber\":\"11112222\",\"accountName\":\"B Banks\"}");
        assertThat(bySecretary.statusCode()).as(bySecretary.body()).isEqualTo(200);
        assertThat(s.world().mailCountTo("bea@pbank.example", "bank details")).isGreaterThanOrEqualTo(1);
        s.world().lastMailTo("bea@pbank.example", "bank details");
        assertThat(s.treasurer().get("/api/v1/societies/pbank/bank-details/" + n).body()).contains("**-**-58 ****2222");

        // nobody else: a member cannot read or set another's, a director cannot, another society does not exist
        assertThat(bea.get("/api/v1/societies/pbank/bank-details/" + n).statusCode()).isEqualTo(403);
        var director = s.world().person(s.admin(), "pbank", "director@pbank.example", "DIRECTOR");
        assertThat(director.putJson("/api/v1/societies/pbank/bank-details/" + n,
                "{\"sortCode\":\"309458\",\"accountNumber\":\"11112222\",\"accountName\":\"X\"}").statusCode()).isEqualTo(403);
        var stranger = society("pbank2").treasurer();
        assertThat(stranger.get("/api/v1/societies/pbank/bank-details/" + n).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/societies/pbank/my-bank-details").statusCode()).isEqualTo(404);
    }

    @Test
    void aRunTakesEveryPayoutWithBankDetailsAndItsBacsFileAddsUpAndComesOutIdenticalEveryTime() throws Exception {
        var s = society("prun");
        long ann = member(s, "Ann Able", null);
        long bob = member(s, "Bob Baker", null);
        long cat = member(s, "Cat Cole", null);
        bank(s, ann, "30-94-30", "00733445", "Ann Able");
        bank(s, bob, "20-00-00", "55779911", "Robert Baker");
        long refund = payout(s, ann, "REFUND", 1500, null, null);
        long withdrawal = payout(s, bob, "WITHDRAWAL", 250_075, 2500L, null);
        long blocked = payout(s, cat, "REFUND", 999, null, null);

        var due = Http.jsonArray(s.treasurer().get("/api/v1/societies/prun/payment-runs/due"));
        assertThat(due).hasSize(3);
        var catDue = due.stream().map(v -> v.asJsonObject()).filter(d -> d.getJsonNumber("payoutId").longValue() == blocked).findFirst().orElseThrow();
        assertThat(catDue.getBoolean("ready")).isFalse();
        assertThat(catDue.getString("blockedBecause")).contains("Cat Cole has given no bank details");

        var run = createRun(s);
        assertThat(run.getInt("number")).isEqualTo(1);
        assertThat(run.getString("state")).isEqualTo("DRAFT");
        assertThat(run.getInt("payments")).isEqualTo(2);
        assertThat(run.getJsonNumber("totalPence").longValue()).isEqualTo(251_575);
        assertThat(run.getString("serial")).isEqualTo("000001");
        assertThat(run.toString()).contains("**-**-30 ****3445").doesNotContain("00733445");
        assertThat(one("SELECT state FROM payout WHERE id = ?", refund)).isEqualTo("IN_RUN");
        assertThat(one("SELECT state FROM payout WHERE id = ?", blocked)).isEqualTo("DUE");

        var first = s.treasurer().getBytes("/api/v1/societies/prun/payment-runs/1/bacs");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Disposition").orElse("")).contains("prun-payment-run-1.bacs");
        var records = records(first.body());
        assertThat(records).hasSize(4 + 2 + 1 + 3);
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i)).as("record " + (i + 1)).hasSize(i >= 4 && i < 7 ? 100 : 80);
        }
        assertThat(records.get(0)).startsWith("VOL1000001");
        assertThat(records.get(0).substring(41, 47)).isEqualTo("654321");
        // credits in the order the payouts were made: destination, code 99, originator, pence in 36-46
        assertThat(records.get(4)).startsWith("3094300073344509940112271234567");
        assertThat(records.get(4).substring(35, 46)).isEqualTo("00000001500");
        assertThat(records.get(4).substring(64, 82).strip()).isEqualTo("M" + ann + " REFUND");
        assertThat(records.get(4).substring(82, 100).strip()).isEqualTo("ANN ABLE");
        assertThat(records.get(5)).startsWith("20000055779911099");
        assertThat(records.get(5).substring(35, 46)).isEqualTo("00000250075");
        assertThat(records.get(5).substring(64, 82).strip()).isEqualTo("M" + bob + " WITHDRAWAL");
        // the contra debits the society's account with the total
        assertThat(records.get(6)).startsWith("4011227123456701740112271234567");
        assertThat(records.get(6).substring(35, 46)).isEqualTo("00000251575");
        // trailer: debit and credit totals in pence, one debit (the contra) and two credits
        String utl1 = records.get(9);
        assertThat(utl1).startsWith("UTL1");
        assertThat(utl1.substring(4, 17)).isEqualTo("0000000251575");
        assertThat(utl1.substring(17, 30)).isEqualTo("0000000251575");
        assertThat(utl1.substring(30, 37)).isEqualTo("0000001");
        assertThat(utl1.substring(37, 44)).isEqualTo("0000002");

        // made again, later, after a member changed their bank details: the same bytes
        bank(s, ann, "30-94-30", "99999999", "Ann Able");
        var again = s.treasurer().getBytes("/api/v1/societies/prun/payment-runs/1/bacs");
        assertThat(again.body()).isEqualTo(first.body());
        var csv = s.treasurer().getBytes("/api/v1/societies/prun/payment-runs/1/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.US_ASCII)).isEqualTo("Sort code,Account number,Account name,Amount,Reference\r\n"
                + "309430,00733445,ANN ABLE,15.00,M" + ann + " REFUND\r\n"
                + "200000,55779911,ROBERT BAKER,2500.75,M" + bob + " WITHDRAWAL\r\n");
        assertThat(s.treasurer().getBytes("/api/v1/societies/prun/payment-runs/1/csv").body()).isEqualTo(csv.body());
        assertThat(one("SELECT COUNT(*) FROM audit_event e JOIN society s ON s.id = e.chain_id WHERE s.slug = 'prun'"
                + " AND e.action = 'payment-run.file-downloaded'")).isEqualTo("4");

        // nothing else is ready: a second run is refused; once Cat gives details, the next run takes only her
        var nothing = s.treasurer().postJson("/api/v1/societies/prun/payment-runs", "{\"processingDate\":\"" + processingDay() + "\"}");
        assertThat(nothing.statusCode()).isEqualTo(409);
        assertThat(nothing.body()).contains("nothing to put in a run");
        bank(s, cat, "608371", "12345678", "Cat Cole");
        var second = createRun(s);
        assertThat(second.getInt("number")).isEqualTo(2);
        assertThat(second.getInt("payments")).isEqualTo(1);
        assertThat(records(s.treasurer().getBytes("/api/v1/societies/prun/payment-runs/2/bacs").body()).get(0)).startsWith("VOL1000002");

        // bad processing days are refused against the field
        var weekend = processingDay();
        while (weekend.getDayOfWeek() != DayOfWeek.SATURDAY) {
            weekend = weekend.plusDays(1);
        }
        var refused = s.treasurer().postJson("/api/v1/societies/prun/payment-runs", "{\"processingDate\":\"" + weekend + "\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("processingDate").contains("weekend");
        // so is a bank holiday, when one falls within the 31 days ahead a run may be made for
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        var holiday = java.util.stream.Stream.of(today.getYear(), today.getYear() + 1).flatMap(y -> BankHolidays.of(y).stream())
                .filter(h -> h.date().isAfter(today) && !h.date().isAfter(today.plusDays(31))).findFirst();
        if (holiday.isPresent()) {
            var onHoliday = s.treasurer().postJson("/api/v1/societies/prun/payment-runs", "{\"processingDate\":\"" + holiday.get().date() + "\"}");
            assertThat(onHoliday.statusCode()).isEqualTo(400);
            assertThat(onHoliday.body()).contains("processingDate").contains("bank holiday").contains(holiday.get().name());
        }
        assertThat(s.treasurer().postJson("/api/v1/societies/prun/payment-runs", "{\"processingDate\":\"soon\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void markingARunPaidSettlesEachPayoutInTheLedgerExactlyOnceEvenWhenPressedTogether() throws Exception {
        var s = society("ppay");
        long dan = member(s, "Dan Dare", null);
        long eve = member(s, "Eve Evans", null);
        bank(s, dan, "309430", "00733445", "Dan Dare");
        bank(s, eve, "309430", "00733446", "Eve Evans");
        openingShares(s, dan, 10);
        openingShares(s, eve, 5);
        long part = payout(s, dan, "WITHDRAWAL", 400, 4L, null);
        long all = payout(s, eve, "WITHDRAWAL", 500, 5L, null);
        createRun(s);

        int tries = 6;
        var pool = Executors.newFixedThreadPool(tries);
        var start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            Callable<Integer> pay = () -> {
                start.await();
                return s.treasurer().postJson("/api/v1/societies/ppay/payment-runs/1/payment",
                        "{\"paidOn\":\"" + LocalDate.now(ZoneId.of("Europe/London")) + "\"}").statusCode();
            };
            results.add(pool.submit(pay));
        }
        start.countDown();
        var codes = new ArrayList<Integer>();
        for (var r : results) {
            codes.add(r.get());
        }
        pool.shutdown();
        assertThat(codes).containsOnly(200, 409);
        assertThat(codes.stream().filter(c -> c == 200).count()).isEqualTo(1);

        // the shares left the ledger once; withdrawing everything ended Eve's membership
        String entries = "SELECT COUNT(*) FROM share_entry WHERE member_id = ? AND kind = 'WITHDRAWAL'";
        assertThat(one(entries, memberId(s, dan))).isEqualTo("1");
        assertThat(one(entries, memberId(s, eve))).isEqualTo("1");
        assertThat(one("SELECT SUM(shares) FROM share_entry WHERE member_id = ?", memberId(s, dan))).isEqualTo("6");
        assertThat(one("SELECT SUM(shares) FROM share_entry WHERE member_id = ?", memberId(s, eve))).isEqualTo("0");
        assertThat(one("SELECT state FROM member WHERE id = ?", memberId(s, eve))).isEqualTo("CEASED");
        assertThat(one("SELECT state FROM member WHERE id = ?", memberId(s, dan))).isEqualTo("MEMBER");
        assertThat(one("SELECT state FROM payout WHERE id = ?", part)).isEqualTo("PAID");
        assertThat(one("SELECT paid_on FROM payout WHERE id = ?", all)).isEqualTo(LocalDate.now(ZoneId.of("Europe/London")).toString());

        var run = Http.json(s.treasurer().get("/api/v1/societies/ppay/payment-runs/1"));
        assertThat(run.getString("state")).isEqualTo("PAID");
        assertThat(run.getString("paidBy")).isEqualTo("treasurer@ppay.example");
        var twice = s.treasurer().postJson("/api/v1/societies/ppay/payment-runs/1/payment", "{\"paidOn\":\"" + LocalDate.now() + "\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(twice.body()).contains("already marked paid");
        assertThat(one("SELECT COUNT(*) FROM audit_event e JOIN society s ON s.id = e.chain_id WHERE s.slug = 'ppay'"
                + " AND e.action = 'payment-run.paid'")).isEqualTo("1");
        // a paid run's file can still be made again for the records, and a paid run cannot change
        assertThat(s.treasurer().getBytes("/api/v1/societies/ppay/payment-runs/1/bacs").statusCode()).isEqualTo(200);
        assertThat(s.treasurer().delete("/api/v1/societies/ppay/payment-runs/1/payouts/" + part).statusCode()).isEqualTo(409);
        assertThat(s.treasurer().postJson("/api/v1/societies/ppay/payment-runs/1/cancellation", "{}").statusCode()).isEqualTo(409);
    }

    @Test
    void concurrentRunCreationsNeverTakeOnePayoutTwice() throws Exception {
        var s = society("pconc");
        var payouts = new ArrayList<Long>();
        for (int i = 0; i < 8; i++) {
            long n = member(s, "Member " + i, null);
            bank(s, n, "309430", "1000000" + i, "Member " + i);
            payouts.add(payout(s, n, "REFUND", 100 + i, null, null));
        }
        int tries = 4;
        var pool = Executors.newFixedThreadPool(tries);
        var start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return s.treasurer().postJson("/api/v1/societies/pconc/payment-runs",
                        "{\"processingDate\":\"" + processingDay() + "\"}").statusCode();
            }));
        }
        start.countDown();
        var codes = new ArrayList<Integer>();
        for (var r : results) {
            codes.add(r.get());
        }
        pool.shutdown();
        assertThat(codes.stream().filter(c -> c == 201).count()).isEqualTo(1);
        assertThat(codes).containsOnly(201, 409);
        assertThat(one("SELECT COUNT(*) FROM payment_run_item i JOIN payment_run r ON r.id = i.run_id JOIN society s ON s.id = r.society_id"
                + " WHERE s.slug = 'pconc'")).isEqualTo("8");
        assertThat(one("SELECT COUNT(DISTINCT run_id) FROM payout WHERE id IN (" + payouts.stream().map(String::valueOf)
                .reduce((a, b) -> a + "," + b).orElseThrow() + ") AND state = 'IN_RUN'")).isEqualTo("1");
    }

    @Test
    void aDraftRunCanLoseAPayoutOrBeCancelledAndItsPayoutsAreDueAgain() throws Exception {
        var s = society("pdraft");
        long fay = member(s, "Fay Fox", null);
        long gus = member(s, "Gus Gray", null);
        bank(s, fay, "309430", "00733445", "Fay Fox");
        bank(s, gus, "309430", "00733446", "Gus Gray");
        long f = payout(s, fay, "REFUND", 1000, null, null);
        long g = payout(s, gus, "REFUND", 2000, null, null);
        createRun(s);

        var removed = s.treasurer().delete("/api/v1/societies/pdraft/payment-runs/1/payouts/" + f);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(Http.json(removed).getInt("payments")).isEqualTo(1);
        assertThat(Http.json(removed).getJsonNumber("totalPence").longValue()).isEqualTo(2000);
        assertThat(one("SELECT state FROM payout WHERE id = ?", f)).isEqualTo("DUE");
        assertThat(one("SELECT run_id FROM payout WHERE id = ?", f)).isNull();
        assertThat(s.treasurer().delete("/api/v1/societies/pdraft/payment-runs/1/payouts/" + f).statusCode()).isEqualTo(404);

        var cancelled = s.treasurer().postJson("/api/v1/societies/pdraft/payment-runs/1/cancellation", "{}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(Http.json(cancelled).getString("state")).isEqualTo("CANCELLED");
        assertThat(one("SELECT state FROM payout WHERE id = ?", g)).isEqualTo("DUE");
        assertThat(s.treasurer().postJson("/api/v1/societies/pdraft/payment-runs/1/payment", "{\"paidOn\":\"" + LocalDate.now() + "\"}")
                .statusCode()).isEqualTo(409);
        assertThat(s.treasurer().getBytes("/api/v1/societies/pdraft/payment-runs/1/bacs").statusCode()).isEqualTo(409);
        // both are taken by the next run, which is numbered on
        var next = createRun(s);
        assertThat(next.getInt("number")).isEqualTo(2);
        assertThat(next.getInt("payments")).isEqualTo(2);
    }

    @Test
    void aCancellationWaitingOnARemovalLeavesTheRemovedPayoutAlone() throws Exception {
        var s = society("prace");
        long hal = member(s, "Hal Hart", null);
        long ivy = member(s, "Ivy Inch", null);
        bank(s, hal, "309430", "00733447", "Hal Hart");
        bank(s, ivy, "309430", "00733448", "Ivy Inch");
        long h = payout(s, hal, "REFUND", 1000, null, null);
        long i = payout(s, ivy, "REFUND", 2000, null, null);
        createRun(s);
        try (var removal = Contention.transaction()) {
            // another treasurer takes Hal's payout out of the run: under the run's lock, not yet committed
            removal.createStatement().executeQuery("SELECT id FROM payment_run WHERE number = 1 AND society_id = "
                    + "(SELECT id FROM society WHERE slug = 'prace') FOR UPDATE").close();
            removal.createStatement().executeUpdate("DELETE FROM payment_run_item WHERE payout_id = " + h);
            removal.createStatement().executeUpdate("UPDATE payout SET state = 'DUE', run_id = NULL WHERE id = " + h);
            var response = Contention.commitWhileWaiting(removal,
                    () -> s.treasurer().overHttp11().postJson("/api/v1/societies/prace/payment-runs/1/cancellation", "{}"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        assertThat(one("SELECT state FROM payout WHERE id = ?", h)).isEqualTo("DUE");
        assertThat(one("SELECT state FROM payout WHERE id = ?", i)).isEqualTo("DUE");
        assertThat(one("SELECT run_id FROM payout WHERE id = ?", i)).isNull();
    }

    @Test
    void onceTheFileIsDownloadedTheRunCannotBeCancelledOrTrimmedOnlyRejectedByTheBankWithAReason() throws Exception {
        var s = society("pissued");
        String base = "/api/v1/societies/pissued/payment-runs";
        long fay = member(s, "Fay Fox", null);
        long gus = member(s, "Gus Gray", null);
        bank(s, fay, "309430", "00733445", "Fay Fox");
        bank(s, gus, "309430", "00733446", "Gus Gray");
        long f = payout(s, fay, "REFUND", 1000, null, null);
        long g = payout(s, gus, "REFUND", 2000, null, null);
        createRun(s);
        // not yet sent to the bank: it cannot have been rejected by it
        assertThat(s.treasurer().postJson(base + "/1/rejection", "{\"reason\":\"x\"}").statusCode()).isEqualTo(409);

        var file = s.treasurer().getBytes(base + "/1/bacs");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(records(file.body())).hasSize(4 + 2 + 1 + 3);
        var run = Http.json(s.treasurer().get(base + "/1"));
        assertThat(run.getString("fileIssuedBy")).isEqualTo("treasurer@pissued.example");

        // the next day the treasurer tries to take one out, or cancel: refused, nothing changes
        var removed = s.treasurer().delete(base + "/1/payouts/" + f);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(409);
        assertThat(removed.body()).contains("downloaded").contains("rejected");
        var cancelled = s.treasurer().postJson(base + "/1/cancellation", "{}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(409);
        assertThat(cancelled.body()).contains("downloaded");
        assertThat(one("SELECT state FROM payout WHERE id = ?", f)).isEqualTo("IN_RUN");
        assertThat(one("SELECT state FROM payout WHERE id = ?", g)).isEqualTo("IN_RUN");
        assertThat(one("SELECT total_pence FROM payment_run r JOIN society s ON s.id = r.society_id WHERE s.slug = 'pissued'"))
                .isEqualTo("3000");
        // nothing is due, so no second run can pay them again
        assertThat(s.treasurer().postJson(base, "{\"processingDate\":\"" + processingDay() + "\"}").statusCode()).isEqualTo(409);
        // the pages no longer offer cancel or take out, but offer the bank's rejection
        var page = s.treasurer().get("/s/pissued/payment-runs/1").body();
        assertThat(page).doesNotContain("Cancel the run").doesNotContain("/removal").contains("Record the bank");

        // the bank rejects the file: a reason is required, then every payout is due again
        var noReason = s.treasurer().postJson(base + "/1/rejection", "{\"reason\":\"  \"}");
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        assertThat(one("SELECT state FROM payout WHERE id = ?", f)).isEqualTo("IN_RUN");
        var rejected = s.treasurer().postJson(base + "/1/rejection", "{\"reason\":\"Bacs report: invalid originator\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(Http.json(rejected).getString("state")).isEqualTo("REJECTED");
        assertThat(Http.json(rejected).getString("rejectedReason")).isEqualTo("Bacs report: invalid originator");
        assertThat(one("SELECT state FROM payout WHERE id = ?", f)).isEqualTo("DUE");
        assertThat(one("SELECT state FROM payout WHERE id = ?", g)).isEqualTo("DUE");
        assertThat(s.treasurer().getBytes(base + "/1/bacs").statusCode()).isEqualTo(409);
        assertThat(s.treasurer().postJson(base + "/1/payment", "{\"paidOn\":\"" + LocalDate.now() + "\"}").statusCode())
                .isEqualTo(409);
        var next = createRun(s);
        assertThat(next.getInt("number")).isEqualTo(2);
        assertThat(next.getInt("payments")).isEqualTo(2);
    }

    @Test
    void changingAPayeesBankDetailsAlertsTheSecretaryMaskedAndShowsWhoEnteredThem() throws Exception {
        var s = society("palert");
        s.world().person(s.admin(), "palert", "secretary@palert.example", "SECRETARY");
        long hal = member(s, "Hal Hart", null);
        long death = payout(s, hal, "DEATH", 5000, null, "Executors of Hal Hart");
        var set = s.treasurer().putJson("/api/v1/societies/palert/payment-runs/payouts/" + death + "/payee-bank-details",
                "{\"sortCode\":\"608371\",\"accountNumber\":\"87654321\",\"accountName\":\"Hart Executors\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(Http.json(set).getString("bankEnteredBy")).isEqualTo("treasurer@palert.example");
        assertThat(Http.json(set).getString("bankEnteredAt")).isNotBlank();
        var mail = s.world().lastMailTo("secretary@palert.example", "Payee bank details");
        assertThat(mail.getContent().toString()).contains("**-**-71 ****4321").contains("treasurer@palert.example")
                .contains("Executors of Hal Hart").doesNotContain("87654321");

        var changed = s.treasurer().putJson("/api/v1/societies/palert/payment-runs/payouts/" + death + "/payee-bank-details",
                "{\"sortCode\":\"608371\",\"accountNumber\":\"11112222\",\"accountName\":\"Someone Else\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(s.world().awaitMailCountTo("secretary@palert.example", "Payee bank details", 2)).isEqualTo(2);
        assertThat(s.treasurer().get("/s/palert/payment-runs").body()).contains("entered by treasurer@palert.example");
    }

    @Test
    void someonePaidInsteadOfTheMemberNeedsTheirOwnBankDetails() throws Exception {
        var s = society("pnom");
        long hal = member(s, "Hal Hart", null);
        bank(s, hal, "309430", "00733445", "Hal Hart");
        long death = payout(s, hal, "DEATH", 5000, null, "Executors of Hal Hart");
        var due = Http.jsonArray(s.treasurer().get("/api/v1/societies/pnom/payment-runs/due")).get(0).asJsonObject();
        assertThat(due.getBoolean("ready")).isFalse();
        assertThat(due.getString("blockedBecause")).contains("Executors of Hal Hart");
        assertThat(s.treasurer().postJson("/api/v1/societies/pnom/payment-runs", "{\"processingDate\":\"" + processingDay() + "\"}")
                .statusCode()).isEqualTo(409);

        var set = s.treasurer().putJson("/api/v1/societies/pnom/payment-runs/payouts/" + death + "/payee-bank-details",
                "{\"sortCode\":\"608371\",\"accountNumber\":\"87654321\",\"accountName\":\"Hart Executors\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(Http.json(set).getBoolean("ready")).isTrue();
        assertThat(Http.json(set).getString("bankAccount")).isEqualTo("**-**-71 ****4321");
        String sealed = one("SELECT CAST(payee_bank_encrypted AS CHAR) FROM payout WHERE id = ?", death);
        assertThat(sealed).startsWith("v1:").doesNotContain("87654321");

        createRun(s);
        var credit = records(s.treasurer().getBytes("/api/v1/societies/pnom/payment-runs/1/bacs").body()).get(4);
        assertThat(credit).startsWith("60837187654321099");
        assertThat(credit.substring(82).strip()).isEqualTo("HART EXECUTORS");
        // while it is in a run its payee cannot change
        assertThat(s.treasurer().putJson("/api/v1/societies/pnom/payment-runs/payouts/" + death + "/payee-bank-details",
                "{\"sortCode\":\"608371\",\"accountNumber\":\"87654322\",\"accountName\":\"X\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void onlyTheTreasurerMovesMoney() throws Exception {
        var s = society("prole");
        long ivy = member(s, "Ivy Ing", "ivy@prole.example");
        bank(s, ivy, "309430", "00733445", "Ivy Ing");
        payout(s, ivy, "REFUND", 1000, null, null);
        createRun(s);
        var secretary = s.world().person(s.admin(), "prole", "secretary@prole.example", "SECRETARY");
        var auditor = s.world().person(s.admin(), "prole", "auditor@prole.example", "AUDITOR");
        var member = s.world().person(s.admin(), "prole", "ivy@prole.example", "MEMBER");
        var outsider = society("prole2").treasurer();
        String base = "/api/v1/societies/prole/payment-runs";

        for (var who : List.of(secretary, member)) {
            assertThat(who.get(base).statusCode()).isEqualTo(403);
            assertThat(who.getBytes(base + "/1/bacs").statusCode()).isEqualTo(403);
            assertThat(who.postJson(base + "/1/payment", "{\"paidOn\":\"" + LocalDate.now() + "\"}").statusCode()).isEqualTo(403);
            assertThat(who.get("/s/prole/payment-runs").statusCode()).isEqualTo(403);
        }
        assertThat(outsider.get(base).statusCode()).isEqualTo(404);
        assertThat(outsider.getBytes(base + "/1/bacs").statusCode()).isEqualTo(404);
        assertThat(outsider.get("/s/prole/payment-runs/1").statusCode()).isEqualTo(404);
        // the auditor reads runs (masked) but cannot take the files or pay
        assertThat(auditor.get(base + "/1").statusCode()).isEqualTo(200);
        assertThat(auditor.getBytes(base + "/1/csv").statusCode()).isEqualTo(403);
        assertThat(auditor.postJson(base + "/1/payment", "{\"paidOn\":\"" + LocalDate.now() + "\"}").statusCode()).isEqualTo(403);
        assertThat(auditor.putJson(base + "/originator", "{}").statusCode()).isEqualTo(403);
        assertThat(one("SELECT state FROM payment_run r JOIN society s ON s.id = r.society_id WHERE s.slug = 'prole'")).isEqualTo("DRAFT");
    }

    @Test
    void theTreasurerWorksThroughThePages() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "ppage", "GREAT_BRITAIN");
        var t = world.person(admin, "ppage", "treasurer@ppage.example", "TREASURER");
        var s = new Society("ppage", world, admin, t);
        long jo = member(s, "Jo Jones", "jo@ppage.example");
        long kim = member(s, "Kim King", null);
        payout(s, jo, "REFUND", 1234, null, null);
        payout(s, kim, "REFUND", 500, null, null);

        var home = t.get("/s/ppage/payment-runs");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Jo Jones has given no bank details").contains("Bacs details");

        var badOriginator = t.submit("/s/ppage/payment-runs/originator", "/s/ppage/payment-runs/originator",
                Map.of("serviceUserNumber", "12", "serviceUserName", "Ppage", "sortCode", "401122", "accountNumber", "71234567",
                        "accountName", "Ppage Energy"));
        assertThat(badOriginator.statusCode()).isEqualTo(400);
        assertThat(badOriginator.body()).contains("govuk-error-summary").contains("6-digit Service User Number");
        var originator = t.submit("/s/ppage/payment-runs/originator", "/s/ppage/payment-runs/originator",
                Map.of("serviceUserNumber", "654321", "serviceUserName", "Ppage", "sortCode", "401122", "accountNumber", "71234567",
                        "accountName", "Ppage Energy"));
        assertThat(originator.statusCode()).as(originator.body()).isEqualTo(303);

        var badBank = t.submit("/s/ppage/bank-details/" + jo, "/s/ppage/bank-details/" + jo,
                Map.of("sortCode", "30-94", "accountNumber", "00733445", "accountName", "Jo Jones"));
        assertThat(badBank.statusCode()).isEqualTo(400);
        assertThat(badBank.body()).contains("6 digits").doesNotContain("00733445");
        var bank = t.submit("/s/ppage/bank-details/" + jo, "/s/ppage/bank-details/" + jo,
                Map.of("sortCode", "30-94-30", "accountNumber", "00733445", "accountName", "Jo Jones"));
        assertThat(bank.statusCode()).as(bank.body()).isEqualTo(303);

        var made = t.submit("/s/ppage/payment-runs", "/s/ppage/payment-runs", Map.of("processingDate", processingDay().toString()));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
        assertThat(made.headers().firstValue("Location").orElse("")).endsWith("/s/ppage/payment-runs/1");
        var runPage = t.get("/s/ppage/payment-runs/1").body();
        assertThat(runPage).contains("Jo Jones").contains("£12.34").contains("**-**-30 ****3445").doesNotContain("00733445")
                .contains("/api/v1/societies/ppage/payment-runs/1/bacs");
        var paid = t.submit("/s/ppage/payment-runs/1", "/s/ppage/payment-runs/1/payment",
                Map.of("paidOn", LocalDate.now(ZoneId.of("Europe/London")).toString()));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        assertThat(t.get("/s/ppage/payment-runs/1").body()).contains("Paid");
        assertThat(t.get("/s/ppage/payment-runs").body()).contains("Kim King has given no bank details");

        // the member gives their own through My bank details
        var kimMember = member(s, "Lu Lee", "lu@ppage.example");
        var lu = world.person(admin, "ppage", "lu@ppage.example", "MEMBER");
        var mine = lu.submit("/s/ppage/my-bank-details", "/s/ppage/my-bank-details",
                Map.of("sortCode", "20-00-00", "accountNumber", "55779911", "accountName", "Lu Lee"));
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(303);
        assertThat(lu.get("/s/ppage/my-bank-details").body()).contains("**-**-00").contains("****9911").doesNotContain("55779911");
        assertThat(kimMember).isPositive();
    }
}
