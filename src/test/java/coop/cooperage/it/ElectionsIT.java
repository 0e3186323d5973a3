package coop.cooperage.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Board elections and the secret ballot box end to end, against a real MariaDB. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ElectionsIT {

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

    static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getenv("COOP_DB_URL"), "cooperage", "cooperage");
    }

    /** table -> its columns (lower case), from information_schema. */
    private static Map<String, Map<String, String>> columns(Connection c) throws SQLException {
        var rs = c.createStatement().executeQuery("""
                SELECT LOWER(table_name), LOWER(column_name), LOWER(column_type), LOWER(extra) FROM information_schema.columns
                WHERE table_schema = DATABASE()""");
        var tables = new HashMap<String, Map<String, String>>();
        while (rs.next()) {
            tables.computeIfAbsent(rs.getString(1), t -> new HashMap<>()).put(rs.getString(2), rs.getString(3) + " " + rs.getString(4));
        }
        return tables;
    }

    /** Foreign keys as "table -> referenced table" edges. */
    private static List<String[]> foreignKeys(Connection c) throws SQLException {
        var rs = c.createStatement().executeQuery("""
                SELECT LOWER(table_name), LOWER(referenced_table_name) FROM information_schema.key_column_usage
                WHERE table_schema = DATABASE() AND referenced_table_name IS NOT NULL""");
        var edges = new ArrayList<String[]>();
        while (rs.next()) {
            edges.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        return edges;
    }

    @Test
    void theSchemaHasNoPathFromAVoterToABallot() throws Exception {
        world(); // the deployment has migrated the database
        try (var c = db()) {
            var tables = columns(c);
            var ballot = tables.get("ballot");
            var voter = tables.get("poll_voter");
            assertThat(ballot).as("the ballot table").isNotNull();
            assertThat(voter).as("the voter register").isNotNull();
            assertThat(voter).containsKey("member_id");

            // no column in the ballot names a person, and nothing in it is a time
            assertThat(ballot.keySet()).noneMatch(c1 -> c1.contains("member") || c1.contains("account") || c1.contains("voter")
                    || c1.contains("person") || c1.contains("user") || c1.contains("actor"));
            assertThat(ballot.values()).noneMatch(type -> type.startsWith("datetime") || type.startsWith("timestamp")
                    || type.startsWith("date") || type.startsWith("time") || type.startsWith("year"));
            // ids are not a sequence: no auto-increment, and the id is a 16-byte random value
            assertThat(ballot.values()).noneMatch(type -> type.contains("auto_increment"));
            assertThat(ballot.get("id")).startsWith("binary(16)");

            // the only columns the two tables share name the poll (and its society): a join on
            // them pairs every voter with every ballot of the poll, which links nobody
            var shared = new HashSet<>(ballot.keySet());
            shared.retainAll(voter.keySet());
            assertThat(shared).containsExactlyInAnyOrder("society_id", "poll_kind", "poll_id");

            // no foreign key leaves or reaches the ballot table: no path through other tables either
            var edges = foreignKeys(c);
            assertThat(edges).noneMatch(e -> e[0].equals("ballot") || e[1].equals("ballot"));

            // no other table keeps a ballot's id, receipt or change code (an outbox, the audit trail...)
            for (var table : tables.entrySet()) {
                if (!table.getKey().equals("ballot")) {
                    assertThat(table.getValue().keySet()).as(table.getKey())
                            .doesNotContain("ballot_id", "receipt", "change_hash", "receipt_code");
                }
            }

            // proxies in secret ballots: an appointment keeps, per poll, a public key; the proxy ballot carries a
            // lock made for it with a fresh key, which nothing but the member's code pairs with the key. The key
            // table names the poll and the appointment, no ballot; no stored key appears in any ballot.
            var keys = tables.get("proxy_ballot_key");
            assertThat(keys).as("the proxy key table").isNotNull();
            assertThat(keys.keySet()).containsExactlyInAnyOrder("appointment_id", "poll_kind", "poll_id", "public_key");
            assertThat(ballot.get("proxy_lock")).startsWith("binary(76)");
            var sharedWithKeys = new HashSet<>(ballot.keySet());
            sharedWithKeys.retainAll(keys.keySet());
            assertThat(sharedWithKeys).containsExactlyInAnyOrder("poll_kind", "poll_id");
            assertThat(keysBesideTheirBallots(c)).isZero();
            // the tables that say what a member wants or chose keep no ballot value either
            for (String table : List.of("proxy_ballot_key", "proxy_direction", "proxy_appointment", "poll_voter")) {
                assertThat(tables.get(table).keySet()).as(table).noneMatch(col -> col.contains("receipt") || col.contains("ballot")
                        || col.equals("change_hash") || col.equals("content"));
            }
        }
    }

    /** Proxy keys whose value stands anywhere in a ballot of the poll (its change hash, or inside its lock): must always be none. */
    static long keysBesideTheirBallots(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM proxy_ballot_key k JOIN ballot b"
                + " ON b.poll_kind = k.poll_kind AND b.poll_id = k.poll_id"
                + " AND (b.change_hash = k.public_key OR LOCATE(k.public_key, b.proxy_lock) > 0)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theDatabaseItselfRefusesASecondVoteByOneMemberInOnePoll() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "el-db", "GREAT_BRITAIN");
        var member = admin.postJson("/api/v1/societies/el-db/members",
                "{\"member\":" + MembersIT.person("Ada Voter", "BS1 4RW", null, "1980-01-01") + ",\"joinedOn\":\"2020-01-01\"}");
        assertThat(member.statusCode()).as(member.body()).isEqualTo(201);
        try (var c = db()) {
            var ids = c.createStatement().executeQuery(
                    "SELECT m.id, m.society_id FROM member m JOIN society s ON s.id = m.society_id WHERE s.slug = 'el-db'");
            assertThat(ids.next()).isTrue();
            long memberId = ids.getLong(1);
            long societyId = ids.getLong(2);
            String insert = "INSERT INTO poll_voter (society_id, poll_kind, poll_id, member_id, channel, voted_at) VALUES (?, 'ELECTION', 999999, ?, ?, NOW(6))";
            try (var first = c.prepareStatement(insert)) {
                first.setLong(1, societyId);
                first.setLong(2, memberId);
                first.setString(3, "ONLINE");
                first.executeUpdate();
            }
            try (var second = c.prepareStatement(insert)) {
                second.setLong(1, societyId);
                second.setLong(2, memberId);
                second.setString(3, "POSTAL");
                assertThatThrownBy(second::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("Duplicate");
            }
            var count = c.createStatement().executeQuery("SELECT COUNT(*) FROM poll_voter WHERE poll_id = 999999 AND member_id = " + memberId);
            count.next();
            assertThat(count.getInt(1)).isEqualTo(1);
            c.createStatement().executeUpdate("DELETE FROM poll_voter WHERE poll_id = 999999");
        }
    }

    // ---------------------------------------------------------------- elections through the API

    /** A society with a noticed meeting (record date 1 March 2026), and the admin acting as secretary. */
    private record Setup(Http secretary, long societyId, long meetingId, String api) {
    }

    /** The meeting is always three weeks ahead, so ages on its day are known relative to today. */
    static final java.time.LocalDateTime MEETING = java.time.LocalDate.now().plusDays(21).atTime(19, 0);

    private Setup setup(String slug) throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, slug, "GREAT_BRITAIN");
        try (var c = db()) {
            long societyId = Electorate.societyId(c, slug);
            long meetingId = Electorate.meeting(c, societyId, java.time.LocalDate.of(2026, 3, 1), MEETING, null);
            return new Setup(admin, societyId, meetingId, "/api/v1/societies/" + slug + "/elections");
        }
    }

    private static long candidate(Setup s, long election, String name, String dob) {
        var member = s.secretary().postJson(s.api().replace("/elections", "/members"),
                "{\"member\":" + MembersIT.person(name, "BS1 4RW", null, dob) + ",\"joinedOn\":\"2020-01-01\"}");
        assertThat(member.statusCode()).as(member.body()).isEqualTo(201);
        long number = Http.json(member).getJsonNumber("memberNumber").longValue();
        var c = s.secretary().postJson(s.api() + "/" + election + "/candidates",
                "{\"memberNumber\":" + number + ",\"statement\":\"I will look after the turbines.\"}");
        assertThat(c.statusCode()).as(c.body()).isEqualTo(201);
        return Http.json(c).getJsonNumber("id").longValue();
    }

    private static long election(Setup s, String method, int seats) {
        var created = s.secretary().postJson(s.api(),
                "{\"meetingId\":" + s.meetingId() + ",\"title\":\"Board election 2026\",\"seats\":" + seats + ",\"method\":\"" + method + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Http.json(created).getBoolean("secret")).as("secret by default").isTrue();
        return Http.json(created).getJsonNumber("id").longValue();
    }

    private java.net.URI base() {
        return Deployments.loopback(url);
    }

    private java.net.http.HttpResponse<String> vote(java.net.http.HttpClient client, Electorate.Voter v, String api, long election, String json) {
        return Electorate.postJson(client, base(), api + "/" + election + "/ballots", v.token(), json);
    }

    private static String count(String table, String where) throws SQLException {
        try (var c = db(); var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aPluralityElectionFromNominationsToTheDeclaredResult() throws Exception {
        var s = setup("el-plural");
        long e = election(s, "PLURALITY", 2);
        long ash = candidate(s, e, "Ann Ash", "1970-01-01");
        long birch = candidate(s, e, "Bob Birch", "1980-01-01");
        long cedar = candidate(s, e, "Cat Cedar", "1990-01-01");
        // a candidate must be 16 or over on the day of the meeting: 16 that very day is old enough
        try (var conn = db()) {
            Electorate.members(conn, s.societyId(), "age", 3000, 1, java.time.LocalDate.of(2025, 1, 1), MEETING.toLocalDate().minusYears(16));
            Electorate.members(conn, s.societyId(), "age", 3001, 1, java.time.LocalDate.of(2025, 1, 1),
                    MEETING.toLocalDate().minusYears(16).plusDays(1));
        }
        assertThat(s.secretary().postJson(s.api() + "/" + e + "/candidates", "{\"memberNumber\":3000,\"ballotName\":\"Sixteen Today\"}")
                .statusCode()).isEqualTo(201);
        var tooYoung = s.secretary().postJson(s.api() + "/" + e + "/candidates", "{\"memberNumber\":3001}");
        assertThat(tooYoung.statusCode()).isEqualTo(400);
        assertThat(tooYoung.body()).contains("16 or over");

        List<Electorate.Voter> voters;
        List<Electorate.Voter> late;
        try (var c = db()) {
            voters = Electorate.members(c, s.societyId(), "pl", 1000, 6, java.time.LocalDate.of(2025, 1, 1));
            late = Electorate.members(c, s.societyId(), "pl", 2000, 1, java.time.LocalDate.of(2026, 3, 2));
        }
        var client = Electorate.client();
        // before the opening nothing is taken
        assertThat(vote(client, voters.get(0), s.api(), e, "{\"choices\":[" + ash + "]}").body()).contains("not opened");
        // a member cannot open the vote
        var asMember = Electorate.postJson(client, base(), s.api() + "/" + e + "/opening", voters.get(0).token(), "{}");
        assertThat(asMember.statusCode()).isEqualTo(403);
        assertThat(s.secretary().postJson(s.api() + "/" + e + "/opening", "{}").statusCode()).isEqualTo(200);
        // no more nominations once open
        assertThat(s.secretary().postJson(s.api() + "/" + e + "/candidates", "{\"memberNumber\":1}").body()).contains("Nominations are closed");

        // too many ticks: refused, nothing recorded
        var tooMany = vote(client, voters.get(0), s.api(), e, "{\"choices\":[" + ash + "," + birch + "," + cedar + "]}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("no more than 2");
        assertThat(count("poll_voter", "poll_kind = 'ELECTION' AND poll_id = " + e)).isEqualTo("0");
        // joined after the record date: refused
        var notEntitled = vote(client, late.get(0), s.api(), e, "{\"choices\":[" + ash + "]}");
        assertThat(notEntitled.statusCode()).isEqualTo(400);
        assertThat(notEntitled.body()).contains("record date");

        var first = vote(client, voters.get(0), s.api(), e, "{\"choices\":[" + ash + "," + birch + "]}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String firstReceipt = Http.json(first).getString("receipt");
        String changeCode = Http.json(first).getString("changeCode");
        // voting again without the change code: one member, one vote
        var again = vote(client, voters.get(0), s.api(), e, "{\"choices\":[" + cedar + "]}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already voted");
        // changing the vote with the change code: the last one counts
        var changed = vote(client, voters.get(0), s.api(), e, "{\"choices\":[" + cedar + "],\"changeCode\":\"" + changeCode.toLowerCase() + "\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(201);
        String finalReceipt = Http.json(changed).getString("receipt");
        assertThat(finalReceipt).isNotEqualTo(firstReceipt);
        // the old change code is spent; someone else's code does not work for another member either
        var reused = vote(client, voters.get(0), s.api(), e, "{\"choices\":[" + ash + "],\"changeCode\":\"" + changeCode + "\"}");
        assertThat(reused.statusCode()).isEqualTo(400);
        var stranger = vote(client, voters.get(5), s.api(), e, "{\"choices\":[" + ash + "],\"changeCode\":\"" + Http.json(changed).getString("changeCode") + "\"}");
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("not voted yet");

        assertThat(vote(client, voters.get(1), s.api(), e, "{\"choices\":[" + cedar + "," + birch + "]}").statusCode()).isEqualTo(201);
        assertThat(vote(client, voters.get(2), s.api(), e, "{\"choices\":[" + ash + "]}").statusCode()).isEqualTo(201);
        // postal papers entered by the secretary
        var postal = s.secretary().postJson(s.api() + "/" + e + "/postal-ballots",
                "{\"memberNumber\":" + voters.get(3).memberNumber() + ",\"choices\":[" + cedar + "]}");
        assertThat(postal.statusCode()).as(postal.body()).isEqualTo(201);
        var postalAfterOnline = s.secretary().postJson(s.api() + "/" + e + "/postal-ballots",
                "{\"memberNumber\":" + voters.get(1).memberNumber() + ",\"choices\":[" + ash + "]}");
        assertThat(postalAfterOnline.statusCode()).isEqualTo(409);
        assertThat(postalAfterOnline.body()).contains("already voted (online)");
        var onlineAfterPostal = vote(client, voters.get(3), s.api(), e, "{\"choices\":[" + ash + "]}");
        assertThat(onlineAfterPostal.statusCode()).isEqualTo(409);

        // a member ceased since the record date no longer votes
        assertThat(s.secretary().postJson(s.api().replace("/elections", "/members") + "/" + voters.get(4).memberNumber() + "/cessation",
                "{\"ceasedOn\":\"2026-04-01\",\"reason\":\"WITHDREW_ALL_SHARES\"}").statusCode()).isEqualTo(200);
        var ceased = vote(client, voters.get(4), s.api(), e, "{\"choices\":[" + ash + "]}");
        assertThat(ceased.statusCode()).isEqualTo(400);
        assertThat(ceased.body()).contains("membership has ended");

        // nothing is published before the close
        var early = Electorate.postJson(client, base(), s.api() + "/" + e + "/count", voters.get(0).token(), "{}");
        assertThat(early.statusCode()).isEqualTo(403);
        assertThat(s.secretary().get(s.api() + "/" + e + "/receipts").statusCode()).isEqualTo(400);
        assertThat(s.secretary().get(s.api() + "/" + e + "/ballots.blt").statusCode()).isEqualTo(400);

        assertThat(s.secretary().postJson(s.api() + "/" + e + "/closing", "{}").statusCode()).isEqualTo(200);
        var tooLate = vote(client, voters.get(5), s.api(), e, "{\"choices\":[" + ash + "]}");
        assertThat(tooLate.statusCode()).isEqualTo(400);
        assertThat(tooLate.body()).contains("closed");
        assertThat(s.secretary().postJson(s.api() + "/" + e + "/postal-ballots",
                "{\"memberNumber\":" + voters.get(5).memberNumber() + ",\"choices\":[" + ash + "]}").statusCode()).isEqualTo(400);

        // the member finds their last receipt in the list, not the replaced one; one ballot per voter
        var receipts = Http.json(new Http(base()).withToken(voters.get(0).token()).get(s.api() + "/" + e + "/receipts"));
        var list = receipts.getJsonArray("receipts").stream().map(r -> ((jakarta.json.JsonString) r).getString()).toList();
        assertThat(list).hasSize(4).contains(finalReceipt).doesNotContain(firstReceipt);
        assertThat(list).isSorted();

        var declared = s.secretary().postJson(s.api() + "/" + e + "/count", "{}");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        var result = Http.json(declared);
        // Cedar 3 (voters 0 changed, 1, postal 3), Birch 1, Ash 1: a tie for the second seat, drawn by lot
        assertThat(result.getJsonArray("elected").getString(0)).isEqualTo("Cat Cedar");
        assertThat(result.getJsonArray("elected")).hasSize(2);
        assertThat(result.getJsonNumber("validVotes").intValue()).isEqualTo(4);

        var asMemberNow = Http.json(new Http(base()).withToken(voters.get(0).token()).get(s.api() + "/" + e));
        assertThat(asMemberNow.getString("state")).isEqualTo("DECLARED");
        assertThat(asMemberNow.getString("myVote")).isEqualTo("ONLINE");
        // the list shows the election as its own page does, to the member and to the secretary
        var asMemberInList = Http.jsonArray(new Http(base()).withToken(voters.get(0).token()).get(s.api())).stream()
                .map(j -> j.asJsonObject()).filter(j -> j.getJsonNumber("id").longValue() == e).toList();
        assertThat(asMemberInList).containsExactly(asMemberNow);
        var asSecretaryInList = Http.jsonArray(s.secretary().get(s.api())).stream()
                .map(j -> j.asJsonObject()).filter(j -> j.getJsonNumber("id").longValue() == e).toList();
        assertThat(asSecretaryInList).containsExactly(Http.json(s.secretary().get(s.api() + "/" + e)));
        var cedarJson = asMemberNow.getJsonArray("candidates").stream().map(j -> j.asJsonObject())
                .filter(j -> j.getString("ballotName").equals("Cat Cedar")).findFirst().orElseThrow();
        assertThat(cedarJson.getBoolean("elected")).isTrue();
        assertThat(cedarJson.getString("statement")).contains("turbines");
        var report = new Http(base()).withToken(voters.get(2).token()).get(s.api() + "/" + e + "/report");
        assertThat(Http.json(report).getJsonArray("stages")).isNotEmpty();
        var pdf = s.secretary().getBytes(s.api() + "/" + e + "/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aRankedElectionIsCountedByStvAndItsBallotsRecountFromTheBltFile() throws Exception {
        var s = setup("el-stv");
        long e = election(s, "SCOTTISH_STV", 2);
        long[] c = {candidate(s, e, "Ann Ash", "1970-01-01"), candidate(s, e, "Bob Birch", "1980-01-01"),
            candidate(s, e, "Cat Cedar", "1990-01-01"), candidate(s, e, "Dan Daisy", "1991-01-01")};
        List<Electorate.Voter> voters;
        try (var conn = db()) {
            voters = Electorate.members(conn, s.societyId(), "stv", 1000, 20, java.time.LocalDate.of(2025, 1, 1));
        }
        assertThat(s.secretary().postJson(s.api() + "/" + e + "/opening", "{}").statusCode()).isEqualTo(200);
        var client = Electorate.client();
        // a repeated ranking and a gap are refused
        var repeated = vote(client, voters.get(0), s.api(), e, "{\"ranks\":{\"" + c[0] + "\":1,\"" + c[1] + "\":1}}");
        assertThat(repeated.statusCode()).isEqualTo(400);
        assertThat(repeated.body()).contains("more than one candidate");
        var gap = vote(client, voters.get(0), s.api(), e, "{\"ranks\":{\"" + c[0] + "\":1,\"" + c[1] + "\":3}}");
        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(gap.body()).contains("skipped number 2");
        assertThat(count("poll_voter", "poll_kind = 'ELECTION' AND poll_id = " + e)).isEqualTo("0");

        // 9 Ash>Birch, 4 Cedar>Birch, 4 Birch, 3 Daisy>Birch
        int[][] patterns = {{0, 1}, {2, 1}, {1}, {3, 1}};
        int[] howMany = {9, 4, 4, 3};
        int v = 0;
        List<String> castOrder = new ArrayList<>();
        for (int p = 0; p < patterns.length; p++) {
            for (int k = 0; k < howMany[p]; k++) {
                var ranks = new StringBuilder();
                for (int r = 0; r < patterns[p].length; r++) {
                    ranks.append(r == 0 ? "" : ",").append('"').append(c[patterns[p][r]]).append("\":").append(r + 1);
                }
                var cast = vote(client, voters.get(v++), s.api(), e, "{\"ranks\":{" + ranks + "}}");
                assertThat(cast.statusCode()).as(cast.body()).isEqualTo(201);
                castOrder.add(Http.json(cast).getString("receipt"));
            }
        }
        // the ballot table's own order (its random primary key) is not the order of casting
        try (var conn = db(); var rs = conn.createStatement().executeQuery("SELECT receipt FROM ballot WHERE poll_kind = 'ELECTION' AND poll_id = " + e)) {
            var stored = new ArrayList<String>();
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
            assertThat(stored).containsExactlyInAnyOrderElementsOf(castOrder).isNotEqualTo(castOrder);
        }
        assertThat(s.secretary().postJson(s.api() + "/" + e + "/closing", "{}").statusCode()).isEqualTo(200);
        var blt = s.secretary().get(s.api() + "/" + e + "/ballots.blt");
        assertThat(blt.statusCode()).isEqualTo(200);
        assertThat(blt.body()).startsWith("4 2\n").contains("\"Ann Ash\"").contains("\"Board election 2026\"");
        assertThat(blt.body().lines().filter(l -> l.matches("\\d+ [\\d ]+ 0")).mapToInt(l -> Integer.parseInt(l.split(" ")[0])).sum())
                .isEqualTo(20);
        var declared = Http.json(s.secretary().postJson(s.api() + "/" + e + "/count", "{}"));
        // quota floor(20/3)+1 = 7: Ash elected at once; Daisy excluded and her papers take Birch past the quota
        assertThat(declared.getJsonArray("elected").stream().map(j -> ((jakarta.json.JsonString) j).getString()).toList())
                .containsExactly("Ann Ash", "Bob Birch");
        // anyone can recount the published file with the standalone count and get the same result
        var recount = new Http(base()).postBytes("/api/v1/count?method=scottish-stv&seed=" + e, "text/plain",
                blt.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(recount.statusCode()).as(recount.body()).isEqualTo(200);
        assertThat(Http.json(recount).getJsonArray("elected")).isEqualTo(declared.getJsonArray("elected"));
        assertThat(Http.json(recount).getJsonArray("stages")).isEqualTo(declared.getJsonArray("stages"));
        // the stored report is the declared one
        assertThat(Http.json(s.secretary().get(s.api() + "/" + e + "/report")).getJsonArray("stages")).isEqualTo(declared.getJsonArray("stages"));
        // a malformed BLT file is refused with its line
        var bad = new Http(base()).postBytes("/api/v1/count", "text/plain", "2 1\n1 1 2 0\n1 x 0\n0\n\"A\"\n\"B\"\n\"T\"\n".getBytes());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("line 3");
    }

    @Test
    void fiftySimultaneousBallotsFromOneMemberLeaveExactlyOneCounted() throws Exception {
        var s = setup("el-fifty");
        long e = election(s, "PLURALITY", 1);
        long ash = candidate(s, e, "Ann Ash", "1970-01-01");
        long birch = candidate(s, e, "Bob Birch", "1980-01-01");
        Electorate.Voter voter;
        try (var c = db()) {
            voter = Electorate.members(c, s.societyId(), "fifty", 1000, 1, java.time.LocalDate.of(2025, 1, 1)).get(0);
        }
        assertThat(s.secretary().postJson(s.api() + "/" + e + "/opening", "{}").statusCode()).isEqualTo(200);
        var client = Electorate.client();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        var results = new ArrayList<java.util.concurrent.Future<java.net.http.HttpResponse<String>>>();
        for (int i = 0; i < 50; i++) {
            long choice = i % 2 == 0 ? ash : birch;
            results.add(pool.submit(() -> {
                start.await();
                return vote(client, voter, s.api(), e, "{\"choices\":[" + choice + "]}");
            }));
        }
        start.countDown();
        var statuses = new ArrayList<Integer>();
        for (var r : results) {
            statuses.add(r.get().statusCode());
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(x -> x == 201).count()).as(statuses.toString()).isEqualTo(1);
        assertThat(statuses.stream().filter(x -> x == 409).count()).as(statuses.toString()).isEqualTo(49);
        assertThat(count("poll_voter", "poll_kind = 'ELECTION' AND poll_id = " + e)).isEqualTo("1");
        assertThat(count("ballot", "poll_kind = 'ELECTION' AND poll_id = " + e)).isEqualTo("1");
    }

    @Test
    void twoThousandMembersVotingAtOnceAreAllCounted() throws Exception {
        var s = setup("el-crowd");
        long e = election(s, "PLURALITY", 1);
        long ash = candidate(s, e, "Ann Ash", "1970-01-01");
        long birch = candidate(s, e, "Bob Birch", "1980-01-01");
        List<Electorate.Voter> voters;
        try (var c = db()) {
            voters = Electorate.members(c, s.societyId(), "crowd", 1000, 2000, java.time.LocalDate.of(2025, 1, 1));
        }
        assertThat(s.secretary().postJson(s.api() + "/" + e + "/opening", "{}").statusCode()).isEqualTo(200);
        var client = Electorate.client();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(200);
        var results = new ArrayList<java.util.concurrent.Future<Integer>>();
        for (int i = 0; i < voters.size(); i++) {
            var voter = voters.get(i);
            long choice = i % 3 == 0 ? birch : ash;
            results.add(pool.submit(() -> {
                start.await();
                return vote(client, voter, s.api(), e, "{\"choices\":[" + choice + "]}").statusCode();
            }));
        }
        start.countDown();
        var statuses = new HashMap<Integer, Integer>();
        for (var r : results) {
            statuses.merge(r.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertThat(statuses).containsExactly(Map.entry(201, 2000));
        assertThat(s.secretary().postJson(s.api() + "/" + e + "/closing", "{}").statusCode()).isEqualTo(200);
        var declared = Http.json(s.secretary().postJson(s.api() + "/" + e + "/count", "{}"));
        assertThat(declared.getJsonNumber("validVotes").intValue()).isEqualTo(2000);
        var last = declared.getJsonArray("stages").get(declared.getJsonArray("stages").size() - 1).asJsonObject().getJsonObject("votes");
        assertThat(last.getJsonNumber("Ann Ash").intValue()).isEqualTo(1333);
        assertThat(last.getJsonNumber("Bob Birch").intValue()).isEqualTo(667);
        assertThat(Http.json(s.secretary().get(s.api() + "/" + e)).getJsonObject("turnout").getInt("ONLINE")).isEqualTo(2000);
    }

    @Test
    void aProxyCastsSecretBallotsAsDirectedAndAtDiscretionAndTheMembersOwnVoteOverridesIt() throws Exception {
        var s = setup("el-proxy");
        String settings = "/api/v1/societies/el-proxy/settings";
        assertThat(s.secretary().patchJson(settings, "{\"quorumMembers\":1,\"quorumPercent\":1,\"proxiesAllowed\":true,"
                + "\"proxyMaxPerHolder\":2,\"proxyDeadlineHours\":0}").statusCode()).isEqualTo(200);
        long meeting;
        List<Electorate.Voter> v;
        try (var c = db()) {
            // a meeting late today, so it can be opened and its secret resolution declared
            meeting = Electorate.meeting(c, s.societyId(), java.time.LocalDate.of(2026, 3, 1),
                    java.time.LocalDate.now().atTime(23, 59), null);
            v = Electorate.members(c, s.societyId(), "px", 1000, 7, java.time.LocalDate.of(2025, 1, 1));
        }
        String meetings = "/api/v1/societies/el-proxy/meetings/" + meeting;
        var created = s.secretary().postJson("/api/v1/societies/el-proxy/elections",
                "{\"meetingId\":" + meeting + ",\"title\":\"Board election\",\"seats\":1,\"method\":\"PLURALITY\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long e = Http.json(created).getJsonNumber("id").longValue();
        long ash = candidate(s, e, "Ann Ash", "1970-01-01");
        long birch = candidate(s, e, "Bob Birch", "1980-01-01");
        var secretResolution = s.secretary().postJson(meetings + "/resolutions", """
                {"title":"Remove a director","text":"That the director be removed.","proposer":"Ten members","kind":"ORDINARY",
                 "secret":true}""");
        assertThat(secretResolution.statusCode()).as(secretResolution.body()).isEqualTo(201);
        long r = Http.json(secretResolution).getJsonNumber("id").longValue();
        assertThat(s.secretary().postJson(s.api() + "/" + e + "/opening", "{}").statusCode()).isEqualTo(200);

        Http holder = new Http(base()).withToken(v.get(0).token());
        Http alice = new Http(base()).withToken(v.get(1).token());
        Http bob = new Http(base()).withToken(v.get(2).token());
        Http carol = new Http(base()).withToken(v.get(3).token());
        Http dan = new Http(base()).withToken(v.get(4).token());
        Http eve = new Http(base()).withToken(v.get(5).token());
        Http fay = new Http(base()).withToken(v.get(6).token());

        // Alice appoints member 0 with a direction on the secret resolution (AGAINST); Bob leaves everything to member 0
        var aliceProxy = alice.putJson(meetings + "/my-proxy",
                "{\"holderMemberNumber\":%d,\"directions\":{\"%d\":\"AGAINST\"}}".formatted(v.get(0).memberNumber(), r));
        assertThat(aliceProxy.statusCode()).as(aliceProxy.body()).isEqualTo(200);
        String aliceCode = Http.json(aliceProxy).getString("proxyCode");
        assertThat(aliceCode).hasSize(24);
        var bobProxy = bob.putJson(meetings + "/my-proxy", "{\"holderMemberNumber\":%d}".formatted(v.get(0).memberNumber()));
        assertThat(bobProxy.statusCode()).as(bobProxy.body()).isEqualTo(200);
        String bobCode = Http.json(bobProxy).getString("proxyCode");
        // the rules of open votes hold: member 0 already holds the most the rules allow
        var third = carol.putJson(meetings + "/my-proxy", "{\"holderMemberNumber\":%d}".formatted(v.get(0).memberNumber()));
        assertThat(third.statusCode()).isEqualTo(400);
        assertThat(third.body()).contains("already holds 2 proxies");
        // Dan appoints the chair directed FOR; Eve appoints the chair at discretion
        assertThat(dan.putJson(meetings + "/my-proxy", "{\"directions\":{\"%d\":\"FOR\"}}".formatted(r)).statusCode()).isEqualTo(200);
        assertThat(eve.putJson(meetings + "/my-proxy", "{}").statusCode()).isEqualTo(200);
        // Fay appoints Alice directed AGAINST, and Alice never casts it: it is cast as directed at the declaration
        var fayProxy = fay.putJson(meetings + "/my-proxy",
                "{\"holderMemberNumber\":%d,\"directions\":{\"%d\":\"AGAINST\"}}".formatted(v.get(1).memberNumber(), r));
        assertThat(fayProxy.statusCode()).as(fayProxy.body()).isEqualTo(200);
        // the officers see that Alice directed the secret item, not how
        var listed = Http.jsonArray(s.secretary().get(meetings + "/proxies")).stream().map(j -> j.asJsonObject())
                .filter(j -> j.getJsonNumber("memberNumber").longValue() == v.get(1).memberNumber()).findFirst().orElseThrow();
        assertThat(listed.getJsonObject("directions").getString(String.valueOf(r))).isEqualTo("SECRET");

        // what the holder sees: the two members, the direction on the resolution, the election at discretion
        var held = Http.jsonArray(holder.get(meetings + "/held-proxies"));
        assertThat(held).hasSize(2);
        var aliceHeld = held.stream().map(j -> j.asJsonObject())
                .filter(j -> j.getJsonNumber("memberNumber").longValue() == v.get(1).memberNumber()).findFirst().orElseThrow();
        assertThat(aliceHeld.getJsonArray("polls")).hasSize(2);
        assertThat(aliceHeld.getJsonArray("polls").getJsonObject(0).getString("direction")).isEqualTo("AGAINST");

        String proxyBallot = meetings + "/resolutions/" + r + "/proxy-ballots";
        // a directed proxy is cast as directed: the holder cannot choose otherwise
        var otherwise = holder.postJson(proxyBallot, "{\"memberNumber\":%d,\"choice\":\"FOR\"}".formatted(v.get(1).memberNumber()));
        assertThat(otherwise.statusCode()).isEqualTo(400);
        assertThat(otherwise.body()).contains("directed their proxy to vote against");
        var aliceCast = holder.postJson(proxyBallot, "{\"memberNumber\":%d}".formatted(v.get(1).memberNumber()));
        assertThat(aliceCast.statusCode()).as(aliceCast.body()).isEqualTo(201);
        String aliceReceipt = Http.json(aliceCast).getString("receipt");
        var twice = holder.postJson(proxyBallot, "{\"memberNumber\":%d}".formatted(v.get(1).memberNumber()));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already cast this member's ballot");
        // at discretion the holder must choose
        var unchosen = holder.postJson(proxyBallot, "{\"memberNumber\":%d}".formatted(v.get(2).memberNumber()));
        assertThat(unchosen.statusCode()).isEqualTo(400);
        assertThat(unchosen.body()).contains("discretion");
        assertThat(holder.postJson(proxyBallot, "{\"memberNumber\":%d,\"choice\":\"FOR\"}".formatted(v.get(2).memberNumber()))
                .statusCode()).isEqualTo(201);
        // someone who does not hold the proxy cannot cast it
        assertThat(carol.postJson(proxyBallot, "{\"memberNumber\":%d,\"choice\":\"FOR\"}".formatted(v.get(2).memberNumber()))
                .statusCode()).isEqualTo(403);

        // the election, at the holder's discretion, for both
        String electionProxy = s.api() + "/" + e + "/proxy-ballots";
        var aliceElection = holder.postJson(electionProxy, "{\"memberNumber\":%d,\"choices\":[%d]}".formatted(v.get(1).memberNumber(), ash));
        assertThat(aliceElection.statusCode()).as(aliceElection.body()).isEqualTo(201);
        String aliceElectionReceipt = Http.json(aliceElection).getString("receipt");
        var bobElection = holder.postJson(electionProxy, "{\"memberNumber\":%d,\"choices\":[%d]}".formatted(v.get(2).memberNumber(), birch));
        assertThat(bobElection.statusCode()).as(bobElection.body()).isEqualTo(201);
        String bobProxyReceipt = Http.json(bobElection).getString("receipt");
        assertThat(count("poll_voter", "poll_kind = 'ELECTION' AND poll_id = " + e + " AND channel = 'PROXY'")).isEqualTo("2");
        try (var c = db()) {
            assertThat(keysBesideTheirBallots(c)).isZero();
        }
        // the direction did its work and is gone: nothing left says what Alice's ballot holds
        assertThat(count("proxy_direction", "resolution_id = " + r + " AND appointment_id IN (SELECT id FROM proxy_appointment"
                + " WHERE member_id = " + v.get(1).memberId() + ")")).isEqualTo("0");

        // Alice finds the receipts of her proxy ballots with her proxy code; a wrong code finds nothing
        var aliceReceipts = Http.json(alice.postJson(meetings + "/my-proxy-receipts", "{\"proxyCode\":\"" + aliceCode + "\"}"));
        assertThat(aliceReceipts.values()).hasSize(2);
        assertThat(aliceReceipts.toString()).contains(aliceReceipt).contains(aliceElectionReceipt);
        assertThat(Http.json(alice.postJson(meetings + "/my-proxy-receipts", "{\"proxyCode\":\"" + bobCode + "\"}")).toString())
                .doesNotContain(aliceReceipt);
        // a proxy that has cast a ballot can no longer be revoked
        var revoke = alice.delete(meetings + "/my-proxy");
        assertThat(revoke.statusCode()).isEqualTo(409);
        assertThat(revoke.body()).contains("already cast a secret ballot");

        // Bob votes himself after his proxy did: without his proxy code he is told how; with it his vote replaces the proxy's
        var bobOwn = vote(Electorate.client(), v.get(2), s.api(), e, "{\"choices\":[" + ash + "]}");
        assertThat(bobOwn.statusCode()).isEqualTo(409);
        assertThat(bobOwn.body()).contains("proxy code");
        var bobOverride = vote(Electorate.client(), v.get(2), s.api(), e,
                "{\"choices\":[" + ash + "],\"changeCode\":\"" + bobCode.toLowerCase() + "\"}");
        assertThat(bobOverride.statusCode()).as(bobOverride.body()).isEqualTo(201);
        String bobOwnReceipt = Http.json(bobOverride).getString("receipt");
        assertThat(count("poll_voter", "poll_kind = 'ELECTION' AND poll_id = " + e + " AND member_id = " + v.get(2).memberId()
                + " AND channel = 'ONLINE'")).isEqualTo("1");
        // Carol votes herself in the election
        assertThat(vote(Electorate.client(), v.get(3), s.api(), e, "{\"choices\":[" + birch + "]}").statusCode()).isEqualTo(201);

        // the chair's proxies are cast by the secretary: Dan's as directed (FOR); Eve voted herself first, so hers is refused
        assertThat(eve.putJson(meetings + "/resolutions/" + r + "/my-vote", "{\"choice\":\"AGAINST\"}").statusCode()).isEqualTo(200);
        var danCast = s.secretary().postJson(proxyBallot, "{\"memberNumber\":%d,\"chair\":true}".formatted(v.get(4).memberNumber()));
        assertThat(danCast.statusCode()).as(danCast.body()).isEqualTo(201);
        var eveCast = s.secretary().postJson(proxyBallot, "{\"memberNumber\":%d,\"choice\":\"FOR\",\"chair\":true}"
                .formatted(v.get(5).memberNumber()));
        assertThat(eveCast.statusCode()).isEqualTo(409);
        assertThat(eveCast.body()).contains("voted themselves").contains("overrides");
        // a member cannot cast the chair's proxies
        assertThat(carol.postJson(proxyBallot, "{\"memberNumber\":%d,\"chair\":true}".formatted(v.get(4).memberNumber()))
                .statusCode()).isEqualTo(403);
        // Carol votes FOR herself on the resolution
        assertThat(carol.putJson(meetings + "/resolutions/" + r + "/my-vote", "{\"choice\":\"FOR\"}").statusCode()).isEqualTo(200);

        // the election: Ash 2 (Alice by proxy, Bob himself), Birch 1 (Carol); Bob's proxy ballot is out of the box
        assertThat(s.secretary().postJson(s.api() + "/" + e + "/closing", "{}").statusCode()).isEqualTo(200);
        var electionReceipts = Http.json(bob.get(s.api() + "/" + e + "/receipts")).getJsonArray("receipts").stream()
                .map(x -> ((jakarta.json.JsonString) x).getString()).toList();
        assertThat(electionReceipts).hasSize(3).contains(aliceElectionReceipt, bobOwnReceipt).doesNotContain(bobProxyReceipt);
        var declared = s.secretary().postJson(s.api() + "/" + e + "/count", "{}");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        assertThat(Http.json(declared).getJsonArray("elected").getString(0)).isEqualTo("Ann Ash");
        assertThat(Http.json(declared).getJsonNumber("validVotes").intValue()).isEqualTo(3);
        assertThat(count("proxy_ballot_key", "poll_kind = 'ELECTION' AND poll_id = " + e)).isEqualTo("0");

        // the resolution: Alice AGAINST (directed), Bob FOR (discretion), Carol FOR, Dan FOR (chair, directed), Eve AGAINST,
        // and Fay AGAINST (directed, never cast by her holder)
        assertThat(count("poll_voter", "poll_kind = 'RESOLUTION' AND poll_id = " + r + " AND member_id = " + v.get(6).memberId()))
                .isEqualTo("0");
        assertThat(s.secretary().postJson(meetings + "/opening", "{}").statusCode()).isEqualTo(200);
        assertThat(s.secretary().postJson(meetings + "/attendance", "{\"memberNumber\":%d}".formatted(v.get(3).memberNumber()))
                .statusCode()).isEqualTo(201);
        assertThat(s.secretary().postJson(meetings + "/poll-closure", "{}").statusCode()).isEqualTo(200);
        var result = s.secretary().postJson(meetings + "/resolutions/" + r + "/declaration", "{}");
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        assertThat(Http.json(result).getJsonNumber("votesFor").longValue()).isEqualTo(3);
        assertThat(Http.json(result).getJsonNumber("votesAgainst").longValue()).isEqualTo(3);
        assertThat(count("poll_voter", "poll_kind = 'RESOLUTION' AND poll_id = " + r + " AND member_id = " + v.get(6).memberId()
                + " AND channel = 'PROXY'")).isEqualTo("1");
        assertThat(count("audit_event", "action = 'proxy.secret-ballot-cast' AND entity_type = 'Resolution' AND entity_id = '"
                + r + "' AND after_json LIKE '%declaration, as directed%'")).isEqualTo("1");
        var receipts = Http.json(alice.get(meetings + "/ballot")).getJsonArray("items").getJsonObject(0).getJsonArray("receipts")
                .stream().map(x -> ((jakarta.json.JsonString) x).getString()).toList();
        assertThat(receipts).hasSize(6).contains(aliceReceipt);
        // nothing a proxy left behind says what a member's ballot holds
        assertThat(count("proxy_direction", "resolution_id = " + r)).isEqualTo("0");
        assertThat(count("proxy_ballot_key", "poll_kind = 'RESOLUTION' AND poll_id = " + r)).isEqualTo("0");
        try (var c = db()) {
            for (String table : List.of("audit_event", "mail_outbox")) {
                var rs = c.createStatement().executeQuery("SELECT * FROM " + table);
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        String value = rs.getString(i);
                        assertThat(value == null ? "" : value).as(table).doesNotContain(aliceReceipt).doesNotContain(aliceCode);
                    }
                }
            }
        }
    }

    @Test
    void aMembersDirectionInAnElectionIsCastAsDirectedByTheHolderOrAtTheCloseAndThenForgotten() throws Exception {
        var s = setup("el-pdir");
        String slug = "el-pdir";
        assertThat(s.secretary().patchJson("/api/v1/societies/" + slug + "/settings", "{\"quorumMembers\":1,\"quorumPercent\":1,"
                + "\"proxiesAllowed\":true,\"proxyMaxPerHolder\":5,\"proxyDeadlineHours\":0}").statusCode()).isEqualTo(200);
        long meeting;
        List<Electorate.Voter> v;
        try (var c = db()) {
            meeting = Electorate.meeting(c, s.societyId(), java.time.LocalDate.of(2026, 3, 1),
                    java.time.LocalDate.now().atTime(23, 59), null);
            v = Electorate.members(c, s.societyId(), "pd", 2000, 7, java.time.LocalDate.of(2025, 1, 1));
        }
        String meetings = "/api/v1/societies/" + slug + "/meetings/" + meeting;
        var plural = s.secretary().postJson(s.api(),
                "{\"meetingId\":" + meeting + ",\"title\":\"Board election\",\"seats\":2,\"method\":\"PLURALITY\"}");
        assertThat(plural.statusCode()).as(plural.body()).isEqualTo(201);
        long p = Http.json(plural).getJsonNumber("id").longValue();
        long ash = candidate(s, p, "Ann Ash", "1970-01-01");
        long birch = candidate(s, p, "Bob Birch", "1980-01-01");
        long cedar = candidate(s, p, "Cat Cedar", "1990-01-01");
        var ranked = s.secretary().postJson(s.api(),
                "{\"meetingId\":" + meeting + ",\"title\":\"Chair of the board\",\"seats\":1,\"method\":\"MEEK_STV\"}");
        assertThat(ranked.statusCode()).as(ranked.body()).isEqualTo(201);
        long st = Http.json(ranked).getJsonNumber("id").longValue();
        long dove = candidate(s, st, "Dee Dove", "1970-01-01");
        long elm = candidate(s, st, "Eli Elm", "1980-01-01");
        long fir = candidate(s, st, "Flo Fir", "1990-01-01");
        assertThat(s.secretary().postJson(s.api() + "/" + p + "/opening", "{}").statusCode()).isEqualTo(200);
        assertThat(s.secretary().postJson(s.api() + "/" + st + "/opening", "{}").statusCode()).isEqualTo(200);

        Http holder = new Http(base()).withToken(v.get(0).token());
        Http alice = new Http(base()).withToken(v.get(1).token());
        Http bob = new Http(base()).withToken(v.get(2).token());
        Http carol = new Http(base()).withToken(v.get(3).token());
        long holderNo = v.get(0).memberNumber();

        // a direction is validated as a ballot is: nothing is saved, and the error names the election
        var tooMany = alice.putJson(meetings + "/my-proxy", "{\"holderMemberNumber\":%d,\"electionDirections\":{\"%d\":{\"choices\":[%d,%d,%d]}}}"
                .formatted(holderNo, p, ash, birch, cedar));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(tooMany.body()).contains("Board election").contains("no more than 2");
        var repeated = alice.putJson(meetings + "/my-proxy", "{\"holderMemberNumber\":%d,\"electionDirections\":{\"%d\":{\"ranks\":{\"%d\":1,\"%d\":1}}}}"
                .formatted(holderNo, st, dove, elm));
        assertThat(repeated.statusCode()).isEqualTo(400);
        assertThat(repeated.body()).contains("Chair of the board").contains("more than one candidate");
        var unknown = alice.putJson(meetings + "/my-proxy", "{\"holderMemberNumber\":%d,\"electionDirections\":{\"%d\":{\"choices\":[%d]}}}"
                .formatted(holderNo, p, dove));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Board election").contains("not a candidate");
        assertThat(count("proxy_appointment", "member_id = " + v.get(1).memberId())).isEqualTo("0");
        assertThat(count("proxy_election_direction", "election_id IN (" + p + "," + st + ")")).isEqualTo("0");

        // Alice directs the plurality election (Ash and Birch) and leaves the ranked one to the holder
        var aliceProxy = alice.putJson(meetings + "/my-proxy", "{\"holderMemberNumber\":%d,\"electionDirections\":{\"%d\":{\"choices\":[%d,%d]},\"%d\":{}}}"
                .formatted(holderNo, p, birch, ash, st));
        assertThat(aliceProxy.statusCode()).as(aliceProxy.body()).isEqualTo(200);
        String aliceContent = Math.min(ash, birch) + ">" + Math.max(ash, birch);
        assertThat(Http.json(aliceProxy).getJsonObject("electionDirections").getString(String.valueOf(p))).isEqualTo(aliceContent);
        assertThat(Http.json(aliceProxy).getJsonObject("electionDirections").containsKey(String.valueOf(st))).isFalse();
        // Bob ranks Fir then Dove for the holder, who never casts it; Carol directs the chair, then votes herself
        String bobContent = fir + ">" + dove;
        assertThat(bob.putJson(meetings + "/my-proxy", "{\"holderMemberNumber\":%d,\"electionDirections\":{\"%d\":{\"ranks\":{\"%d\":1,\"%d\":2}}}}"
                .formatted(holderNo, st, fir, dove)).statusCode()).isEqualTo(200);
        String carolContent = elm + ">" + fir;
        assertThat(carol.putJson(meetings + "/my-proxy", "{\"electionDirections\":{\"%d\":{\"ranks\":{\"%d\":1,\"%d\":2}}}}"
                .formatted(st, elm, fir)).statusCode()).isEqualTo(200);
        assertThat(count("proxy_election_direction", "election_id IN (" + p + "," + st + ")")).isEqualTo("3");

        // the officers see that Alice directed the election, not how
        var listed = Http.jsonArray(s.secretary().get(meetings + "/proxies")).stream().map(j -> j.asJsonObject())
                .filter(j -> j.getJsonNumber("memberNumber").longValue() == v.get(1).memberNumber()).findFirst().orElseThrow();
        assertThat(listed.getJsonObject("electionDirections").getString(String.valueOf(p))).isEqualTo("SECRET");
        assertThat(listed.toString()).doesNotContain(aliceContent);
        // the holder sees the direction, which they need to cast it
        var aliceHeld = Http.jsonArray(holder.get(meetings + "/held-proxies")).stream().map(j -> j.asJsonObject())
                .filter(j -> j.getJsonNumber("memberNumber").longValue() == v.get(1).memberNumber()).findFirst().orElseThrow();
        var pollP = aliceHeld.getJsonArray("polls").stream().map(j -> j.asJsonObject())
                .filter(j -> j.getString("kind").equals("ELECTION") && j.getJsonNumber("id").longValue() == p).findFirst().orElseThrow();
        assertThat(pollP.getString("direction")).isEqualTo("DIRECTED");
        assertThat(pollP.getJsonArray("directedCandidates").stream().map(x -> ((jakarta.json.JsonString) x).getString()).toList())
                .containsExactly(Math.min(ash, birch) == ash ? "Ann Ash" : "Bob Birch", Math.min(ash, birch) == ash ? "Bob Birch" : "Ann Ash");

        // the secretary, who casts the chair's, is told Carol directed it, not how
        var carolHeld = Http.jsonArray(s.secretary().get(meetings + "/held-proxies?chair=true")).stream().map(j -> j.asJsonObject())
                .filter(j -> j.getJsonNumber("memberNumber").longValue() == v.get(3).memberNumber()).findFirst().orElseThrow();
        var carolPoll = carolHeld.getJsonArray("polls").stream().map(j -> j.asJsonObject())
                .filter(j -> j.getString("kind").equals("ELECTION") && j.getJsonNumber("id").longValue() == st).findFirst().orElseThrow();
        assertThat(carolPoll.getString("direction")).isEqualTo("DIRECTED");
        assertThat(!carolPoll.containsKey("directedCandidates") || carolPoll.isNull("directedCandidates")).isTrue();
        assertThat(carolHeld.toString()).doesNotContain("Eli Elm");
        // marks on the chair's directed ballot are refused whatever they are, the direction itself too: guessing finds nothing
        var guessed = s.secretary().postJson(s.api() + "/" + st + "/proxy-ballots", "{\"memberNumber\":%d,\"chair\":true,\"ranks\":{\"%d\":1,\"%d\":2}}"
                .formatted(v.get(3).memberNumber(), elm, fir));
        assertThat(guessed.statusCode()).isEqualTo(400);
        assertThat(guessed.body()).contains("without marking");
        assertThat(count("poll_voter", "poll_kind = 'ELECTION' AND poll_id = " + st + " AND member_id = " + v.get(3).memberId()))
                .isEqualTo("0");

        // the holder is refused when choosing otherwise, and casts it as directed without choosing
        String plurProxy = s.api() + "/" + p + "/proxy-ballots";
        var otherwise = holder.postJson(plurProxy, "{\"memberNumber\":%d,\"choices\":[%d]}".formatted(v.get(1).memberNumber(), cedar));
        assertThat(otherwise.statusCode()).isEqualTo(400);
        assertThat(otherwise.body()).contains("directed their proxy");
        assertThat(count("poll_voter", "poll_kind = 'ELECTION' AND poll_id = " + p)).isEqualTo("0");
        var asDirected = holder.postJson(plurProxy, "{\"memberNumber\":%d}".formatted(v.get(1).memberNumber()));
        assertThat(asDirected.statusCode()).as(asDirected.body()).isEqualTo(201);
        assertThat(count("proxy_election_direction", "election_id = " + p)).isEqualTo("0");
        assertThat(count("ballot", "poll_kind = 'ELECTION' AND poll_id = " + p + " AND content = '" + aliceContent + "'")).isEqualTo("1");

        // Carol votes herself, overriding her directed proxy; Dan, Eve and Fay vote in the ranked election
        assertThat(vote(Electorate.client(), v.get(3), s.api(), st, "{\"ranks\":{\"" + dove + "\":1}}").statusCode()).isEqualTo(201);
        assertThat(vote(Electorate.client(), v.get(4), s.api(), st, "{\"ranks\":{\"" + elm + "\":1}}").statusCode()).isEqualTo(201);
        assertThat(vote(Electorate.client(), v.get(5), s.api(), st, "{\"ranks\":{\"" + fir + "\":1}}").statusCode()).isEqualTo(201);
        assertThat(vote(Electorate.client(), v.get(6), s.api(), st, "{\"ranks\":{\"" + fir + "\":1,\"" + elm + "\":2}}").statusCode())
                .isEqualTo(201);

        // the close casts Bob's directed ballot (never cast by his holder) and forgets every direction
        assertThat(count("poll_voter", "poll_kind = 'ELECTION' AND poll_id = " + st + " AND member_id = " + v.get(2).memberId()))
                .isEqualTo("0");
        assertThat(s.secretary().postJson(s.api() + "/" + st + "/closing", "{}").statusCode()).isEqualTo(200);
        assertThat(count("poll_voter", "poll_kind = 'ELECTION' AND poll_id = " + st + " AND member_id = " + v.get(2).memberId()
                + " AND channel = 'PROXY'")).isEqualTo("1");
        assertThat(count("poll_voter", "poll_kind = 'ELECTION' AND poll_id = " + st + " AND member_id = " + v.get(3).memberId()
                + " AND channel = 'ONLINE'")).isEqualTo("1");
        assertThat(count("ballot", "poll_kind = 'ELECTION' AND poll_id = " + st + " AND content = '" + bobContent + "'")).isEqualTo("1");
        assertThat(count("ballot", "poll_kind = 'ELECTION' AND poll_id = " + st + " AND content = '" + carolContent + "'")).isEqualTo("0");
        assertThat(count("audit_event", "action = 'proxy.secret-ballot-cast' AND entity_type = 'Election' AND entity_id = '" + st
                + "' AND after_json LIKE '%as directed%'")).isEqualTo("1");
        assertThat(count("proxy_election_direction", "election_id = " + st)).isEqualTo("0");
        // the count: Fir 3 (Bob by proxy, Eve, Fay) of 5 valid votes, over the quota at once
        var declared = s.secretary().postJson(s.api() + "/" + st + "/count", "{}");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        assertThat(Http.json(declared).getJsonNumber("validVotes").intValue()).isEqualTo(5);
        assertThat(Http.json(declared).getJsonArray("elected").getString(0)).isEqualTo("Flo Fir");
        assertThat(s.secretary().postJson(s.api() + "/" + p + "/closing", "{}").statusCode()).isEqualTo(200);
        assertThat(count("poll_voter", "poll_kind = 'ELECTION' AND poll_id = " + p + " AND channel = 'PROXY'")).isEqualTo("1");
        assertThat(count("proxy_election_direction", "election_id IN (" + p + "," + st + ")")).isEqualTo("0");

        // the appointment's trail names the elections directed, never what
        assertThat(count("audit_event", "entity_type = 'Meeting' AND entity_id = '" + meeting
                + "' AND action = 'proxy.appointed' AND after_json LIKE '%electionDirections%'")).isEqualTo("3");
        try (var c = db()) {
            for (String table : List.of("audit_event", "mail_outbox")) {
                var rs = c.createStatement().executeQuery("SELECT * FROM " + table);
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        String value = rs.getString(i);
                        assertThat(value == null ? "" : value).as(table).doesNotContain(aliceContent).doesNotContain(bobContent)
                                .doesNotContain(carolContent);
                    }
                }
            }
        }
    }

    @Test
    void aMemberDirectsTheirProxyInAnElectionOnTheProxyPageAndTheHolderCastsItThere() throws Exception {
        var world = world();
        var s = setup("el-pdpage");
        String slug = "el-pdpage";
        var admin = s.secretary();
        assertThat(admin.patchJson("/api/v1/societies/" + slug + "/settings", "{\"quorumMembers\":1,\"quorumPercent\":1,"
                + "\"proxiesAllowed\":true,\"proxyMaxPerHolder\":5,\"proxyDeadlineHours\":0}").statusCode()).isEqualTo(200);
        long meeting;
        List<Electorate.Voter> v;
        try (var c = db()) {
            meeting = Electorate.meeting(c, s.societyId(), java.time.LocalDate.of(2026, 3, 1),
                    java.time.LocalDate.now().atTime(23, 59), null);
            v = Electorate.members(c, s.societyId(), "pp", 3000, 2, java.time.LocalDate.of(2025, 1, 1));
        }
        var ranked = admin.postJson(s.api(),
                "{\"meetingId\":" + meeting + ",\"title\":\"Chair of the board\",\"seats\":1,\"method\":\"SCOTTISH_STV\"}");
        long st = Http.json(ranked).getJsonNumber("id").longValue();
        long dove = candidate(s, st, "Dee Dove", "1970-01-01");
        long elm = candidate(s, st, "Eli Elm", "1980-01-01");
        var plural = admin.postJson(s.api(),
                "{\"meetingId\":" + meeting + ",\"title\":\"Board election\",\"seats\":1,\"method\":\"PLURALITY\"}");
        long p = Http.json(plural).getJsonNumber("id").longValue();
        long ash = candidate(s, p, "Ann Ash", "1970-01-01");
        candidate(s, p, "Bob Birch", "1980-01-01");
        assertThat(admin.postJson(s.api() + "/" + st + "/opening", "{}").statusCode()).isEqualTo(200);
        assertThat(admin.postJson(s.api() + "/" + p + "/opening", "{}").statusCode()).isEqualTo(200);
        var recorded = admin.postJson("/api/v1/societies/" + slug + "/members",
                "{\"member\":" + MembersIT.person("Pat Page", "BS1 4RW", "pat@el-pdpage.example", "1980-01-01") + ",\"joinedOn\":\"2020-01-01\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        long patNo = Http.json(recorded).getJsonNumber("memberNumber").longValue();
        Http pat = world.person(admin, slug, "pat@el-pdpage.example", "MEMBER");
        String page = "/s/" + slug + "/my-meetings/" + meeting;

        var form = org.jsoup.Jsoup.parse(pat.get(page).body());
        assertThat(form.select("#erank-" + st + "-" + dove)).hasSize(1);
        assertThat(form.select("input[name='edirection-" + p + "'][value='" + ash + "']")).hasSize(1);
        // a repeated ranking is a form error naming the election, and nothing is saved
        var refused = pat.submit(page, page + "/proxy", Map.of("holder", String.valueOf(v.get(0).memberNumber()),
                "erank-" + st + "-" + dove, "1", "erank-" + st + "-" + elm, "1"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("govuk-error-message").contains("Chair of the board").contains("more than one candidate");
        assertThat(count("proxy_appointment", "meeting_id = " + meeting)).isEqualTo("0");
        var appointed = pat.submit(page, page + "/proxy", Map.of("holder", String.valueOf(v.get(0).memberNumber()),
                "erank-" + st + "-" + dove, "2", "erank-" + st + "-" + elm, "1", "edirection-" + p, String.valueOf(ash)));
        assertThat(appointed.statusCode()).as(appointed.body()).isEqualTo(303);
        assertThat(count("proxy_election_direction", "election_id = " + st)).isEqualTo("1");
        assertThat(count("proxy_election_direction", "election_id = " + p)).isEqualTo("1");
        assertThat(pat.get(page).body()).contains("Your proxy is");
        // replacing the proxy replaces its directions; revoking it deletes them
        assertThat(pat.submit(page, page + "/proxy", Map.of("holder", String.valueOf(v.get(0).memberNumber()),
                "erank-" + st + "-" + dove, "1")).statusCode()).isEqualTo(303);
        assertThat(count("proxy_election_direction", "election_id IN (" + st + "," + p + ")")).isEqualTo("1");
        assertThat(pat.submit(page, page + "/proxy/revocation", Map.of()).statusCode()).isEqualTo(303);
        assertThat(count("proxy_election_direction", "election_id IN (" + st + "," + p + ")")).isEqualTo("0");
        // so does a direction on a secret resolution: a revoked proxy keeps nothing that says how a member wanted to vote
        String meetings = "/api/v1/societies/" + slug + "/meetings/" + meeting;
        var secret = admin.postJson(meetings + "/resolutions", """
                {"title":"Remove a director","text":"That the director be removed.","proposer":"Ten members","kind":"ORDINARY",
                 "secret":true}""");
        assertThat(secret.statusCode()).as(secret.body()).isEqualTo(201);
        long r = Http.json(secret).getJsonNumber("id").longValue();
        Http second = new Http(base()).withToken(v.get(1).token());
        assertThat(second.putJson(meetings + "/my-proxy", "{\"directions\":{\"%d\":\"FOR\"}}".formatted(r)).statusCode())
                .isEqualTo(200);
        assertThat(count("proxy_direction", "resolution_id = " + r)).isEqualTo("1");
        assertThat(second.delete(meetings + "/my-proxy").statusCode()).isEqualTo(204);
        assertThat(count("proxy_direction", "resolution_id = " + r)).isEqualTo("0");

        // member 0 appoints Pat, directed in the plurality election: Pat's page shows the direction and casts it as directed
        Http other = new Http(base()).withToken(v.get(0).token());
        assertThat(other.putJson("/api/v1/societies/" + slug + "/meetings/" + meeting + "/my-proxy",
                "{\"holderMemberNumber\":%d,\"electionDirections\":{\"%d\":{\"choices\":[%d]}}}".formatted(patNo, p, ash))
                .statusCode()).isEqualTo(200);
        var held = pat.get(page).body();
        assertThat(held).contains("directed to vote for Ann Ash");
        var cast = pat.submit(page, "/s/" + slug + "/elections/" + p + "/proxy/" + v.get(0).memberNumber(), Map.of());
        assertThat(cast.statusCode()).as(cast.body()).isEqualTo(303);
        assertThat(count("poll_voter", "poll_kind = 'ELECTION' AND poll_id = " + p + " AND channel = 'PROXY'")).isEqualTo("1");
        assertThat(count("proxy_election_direction", "election_id = " + p)).isEqualTo("0");
    }

    @Test
    void nothingOutsideTheBallotTableKeepsAReceiptOrWhatWasVoted() throws Exception {
        var s = setup("el-trail");
        long e = election(s, "PLURALITY", 1);
        long ash = candidate(s, e, "Ann Ash", "1970-01-01");
        Electorate.Voter voter;
        try (var c = db()) {
            voter = Electorate.members(c, s.societyId(), "trail", 1000, 1, java.time.LocalDate.of(2025, 1, 1)).get(0);
        }
        s.secretary().postJson(s.api() + "/" + e + "/opening", "{}");
        var cast = vote(Electorate.client(), voter, s.api(), e, "{\"choices\":[" + ash + "]}");
        assertThat(cast.statusCode()).isEqualTo(201);
        String receipt = Http.json(cast).getString("receipt");
        try (var c = db()) {
            // the audit trail and the mail outbox never see a receipt or a ballot's content
            for (String table : List.of("audit_event", "mail_outbox")) {
                var rs = c.createStatement().executeQuery("SELECT * FROM " + table);
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        String value = rs.getString(i);
                        assertThat(value == null ? "" : value).as(table).doesNotContain(receipt);
                    }
                }
            }
        }
    }

    @Test
    void theSecretaryRunsAnElectionAndAMemberVotesThroughThePages() throws Exception {
        var world = world();
        var s = setup("el-pages");
        var admin = s.secretary();
        String pages = "/s/el-pages/elections";
        var created = admin.submit(pages + "/new", pages, Map.of("meetingId", String.valueOf(s.meetingId()),
                "title", "Directors 2026", "seats", "1", "method", "SCOTTISH_STV", "secret", "true"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String page = java.net.URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        long e = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        for (String name : List.of("Ann Ash", "Bob Birch")) {
            var member = admin.postJson("/api/v1/societies/el-pages/members",
                    "{\"member\":" + MembersIT.person(name, "BS1 4RW", null, "1970-01-01") + ",\"joinedOn\":\"2020-01-01\"}");
            long number = Http.json(member).getJsonNumber("memberNumber").longValue();
            var nominated = admin.submit(page, page + "/candidates", Map.of("memberNumber", String.valueOf(number),
                    "ballotName", "", "statement", name + " will keep the turbines turning."));
            assertThat(nominated.statusCode()).as(nominated.body()).isEqualTo(303);
        }
        var refused = admin.submit(page, page + "/candidates", Map.of("memberNumber", "999", "ballotName", "", "statement", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("govuk-error-summary").contains("member number");
        assertThat(admin.submit(page, page + "/opening", Map.of()).statusCode()).isEqualTo(303);
        var ids = Http.json(admin.get("/api/v1/societies/el-pages/elections/" + e)).getJsonArray("candidates").stream()
                .map(c -> c.asJsonObject().getJsonNumber("id").longValue()).toList();

        var recorded = admin.postJson("/api/v1/societies/el-pages/members",
                "{\"member\":" + MembersIT.person("Val Voter", "BS1 4RW", "val@el-pages.example", "1980-01-01") + ",\"joinedOn\":\"2020-01-01\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        Http member = world.person(admin, "el-pages", "val@el-pages.example", "MEMBER");
        var view = member.get(page);
        assertThat(view.body()).contains("will keep the turbines turning").contains("id=\"vote\"");
        var repeated = member.submit(page + "/vote", page + "/vote", Map.of("rank-" + ids.get(0), "1", "rank-" + ids.get(1), "1"));
        assertThat(repeated.statusCode()).isEqualTo(400);
        assertThat(repeated.body()).contains("more than one candidate");
        var cast = member.submit(page + "/vote", page + "/vote", Map.of("rank-" + ids.get(0), "2", "rank-" + ids.get(1), "1"));
        assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
        String receipt = org.jsoup.Jsoup.parse(cast.body()).select("#receipt").text();
        assertThat(receipt).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(cast.body()).contains("change-code");
        assertThat(member.get(page).body()).contains("You have voted").doesNotContain(receipt);
        // voting again needs the change code
        var again = member.submit(page + "/vote", page + "/vote", Map.of("rank-" + ids.get(0), "1"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("change code");

        assertThat(admin.submit(page, page + "/closing", Map.of()).statusCode()).isEqualTo(303);
        var closed = org.jsoup.Jsoup.parse(member.get(page).body());
        assertThat(closed.select("#receipts code").eachText()).containsExactly(receipt);
        assertThat(admin.submit(page, page + "/count", Map.of()).statusCode()).isEqualTo(303);
        var declared = org.jsoup.Jsoup.parse(member.get(page).body());
        assertThat(declared.select("#elected").text()).contains("Bob Birch");
        assertThat(declared.select("#receipts code").eachText()).containsExactly(receipt);
        // a member cannot run the election
        assertThat(member.get(pages + "/new").statusCode()).isEqualTo(403);
    }

    /**
     * The member's whole evening in a real browser: votes online on two resolutions, ranks the
     * candidates and keeps the receipt; the secretary closes the poll; the member sees the results
     * and finds the receipt in the published list.
     */
    @Test
    void aMemberVotesOnResolutionsAndRanksCandidatesInTheBrowserThenFindsTheReceipt() throws Exception {
        var world = world();
        var admin = world.admin();
        String slug = "el-browser";
        world.society(admin, slug, "GREAT_BRITAIN");
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String meetings = "/api/v1/societies/" + slug + "/meetings";
        var meetingCreated = admin.postJson(meetings, """
                {"kind":"AGM","title":"Annual general meeting","startsAt":"%sT23:59:00","place":"Village hall",
                 "agenda":"1. Accounts\\n2. Election of directors","recordDate":"%s","noticeSentOn":"%s"}"""
                .formatted(today, today.minusDays(1), today.minusDays(20)));
        assertThat(meetingCreated.statusCode()).as(meetingCreated.body()).isEqualTo(201);
        long meeting = Http.json(meetingCreated).getJsonObject("meeting").getJsonNumber("id").longValue();
        var resolutions = new ArrayList<Long>();
        for (String title : List.of("Receive the accounts", "Appoint the auditors")) {
            var r = admin.postJson(meetings + "/" + meeting + "/resolutions",
                    "{\"title\":\"" + title + "\",\"text\":\"That the society " + title.toLowerCase() + ".\",\"proposer\":\"The board\",\"kind\":\"ORDINARY\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            resolutions.add(Http.json(r).getJsonNumber("id").longValue());
        }
        String api = "/api/v1/societies/" + slug + "/elections";
        var created = admin.postJson(api, "{\"meetingId\":" + meeting + ",\"title\":\"Directors 2026\",\"seats\":1,\"method\":\"SCOTTISH_STV\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long e = Http.json(created).getJsonNumber("id").longValue();
        var candidates = new ArrayList<Long>();
        var numbers = new ArrayList<Long>();
        for (String name : List.of("Ann Ash", "Bob Birch", "Cat Cedar")) {
            var m = admin.postJson("/api/v1/societies/" + slug + "/members",
                    "{\"member\":" + MembersIT.person(name, "BS1 4RW", null, "1970-01-01") + ",\"joinedOn\":\"2020-01-01\"}");
            numbers.add(Http.json(m).getJsonNumber("memberNumber").longValue());
            var c = admin.postJson(api + "/" + e + "/candidates", "{\"memberNumber\":" + Http.json(m).getJsonNumber("memberNumber") + "}");
            assertThat(c.statusCode()).as(c.body()).isEqualTo(201);
            candidates.add(Http.json(c).getJsonNumber("id").longValue());
        }
        assertThat(admin.postJson(api + "/" + e + "/opening", "{}").statusCode()).isEqualTo(200);
        admin.postJson("/api/v1/societies/" + slug + "/members",
                "{\"member\":" + MembersIT.person("Val Voter", "BS1 4RW", "val@el-browser.example", "1980-01-01") + ",\"joinedOn\":\"2020-01-01\"}");
        world.person(admin, slug, "val@el-browser.example", "MEMBER");

        var options = new org.openqa.selenium.chrome.ChromeOptions();
        options.setBinary(System.getProperty("coop.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + java.nio.file.Files.createTempDirectory("cooperage-chromium"));
        var service = new org.openqa.selenium.chrome.ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("coop.chromedriver", "/usr/bin/chromedriver"))).build();
        org.openqa.selenium.WebDriver browser = new org.openqa.selenium.chrome.ChromeDriver(service, options);
        try {
            browser.manage().timeouts().pageLoadTimeout(java.time.Duration.ofSeconds(60));
            browser.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(10));
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30));
            java.util.function.Consumer<String> open = path -> browser.get(base().resolve(path.substring(1)).toString());
            open.accept("/sign-in");
            browser.findElement(org.openqa.selenium.By.id("email")).sendKeys("val@el-browser.example");
            browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(World.PASSWORD);
            browser.findElement(org.openqa.selenium.By.cssSelector("form[action$='/sign-in'] button")).click();
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.not(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/sign-in")));

            // two resolutions, online
            String myMeeting = "/s/" + slug + "/my-meetings/" + meeting;
            String[] choices = {"for-", "against-"};
            for (int i = 0; i < 2; i++) {
                open.accept(myMeeting);
                long r = resolutions.get(i);
                browser.findElement(org.openqa.selenium.By.id(choices[i] + r)).click();
                browser.findElement(org.openqa.selenium.By.cssSelector("form[action$='/resolutions/" + r + "/vote'] button")).click();
                wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                        org.openqa.selenium.By.tagName("body"), "Your vote has been recorded"));
            }
            open.accept(myMeeting);
            assertThat(browser.findElement(org.openqa.selenium.By.tagName("body")).getText()).contains("Your vote: For").contains("Your vote: Against");

            // the election: rank Cedar first, Ash second
            open.accept("/s/" + slug + "/elections/" + e);
            browser.findElement(org.openqa.selenium.By.id("vote")).click();
            browser.findElement(org.openqa.selenium.By.id("rank-" + candidates.get(2))).sendKeys("1");
            browser.findElement(org.openqa.selenium.By.id("rank-" + candidates.get(0))).sendKeys("2");
            browser.findElement(org.openqa.selenium.By.id("cast")).click();
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.id("receipt")));
            String receipt = browser.findElement(org.openqa.selenium.By.id("receipt")).getText();
            assertThat(receipt).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

            // the meeting (tonight) opens; the secretary closes the poll, declares the resolutions and counts the election
            assertThat(admin.postJson(meetings + "/" + meeting + "/opening", "{}").statusCode()).isEqualTo(200);
            for (long number : numbers) {
                var present = admin.postJson(meetings + "/" + meeting + "/attendance", "{\"memberNumber\":" + number + "}");
                assertThat(present.statusCode()).as(present.body()).isBetween(200, 201);
            }
            assertThat(admin.postJson(meetings + "/" + meeting + "/poll-closure", "{}").statusCode()).isEqualTo(200);
            for (long r : resolutions) {
                var declared = admin.postJson(meetings + "/" + meeting + "/resolutions/" + r + "/declaration", "{}");
                assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
            }
            assertThat(admin.postJson(api + "/" + e + "/closing", "{}").statusCode()).isEqualTo(200);
            assertThat(admin.postJson(api + "/" + e + "/count", "{}").statusCode()).isEqualTo(200);

            open.accept(myMeeting);
            assertThat(browser.findElements(org.openqa.selenium.By.xpath("//*[starts-with(normalize-space(.), 'Result:')]"))).isNotEmpty();
            open.accept("/s/" + slug + "/elections/" + e);
            assertThat(browser.findElement(org.openqa.selenium.By.id("elected")).getText()).contains("Cat Cedar");
            var published = browser.findElements(org.openqa.selenium.By.cssSelector("#receipts code")).stream()
                    .map(org.openqa.selenium.WebElement::getText).toList();
            assertThat(published).containsExactly(receipt);
        } finally {
            browser.quit();
        }
    }
}
