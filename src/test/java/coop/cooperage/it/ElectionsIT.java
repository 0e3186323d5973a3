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
}
