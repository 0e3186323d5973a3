package coop.cooperage.it;

import coop.cooperage.identity.control.SecretTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Many members who can vote, built straight in the database: each has an account, the MEMBER role,
 * a register entry linked to the account, and an API token. Signing in thousands of people through
 * the front door would spend minutes hashing passwords; a token exercises the same voting code.
 * Used by {@link ElectionsIT} and the voting benchmark.
 */
public final class Electorate {

    /** One voter: their member number and database id, and the bearer token that acts as them. */
    public record Voter(long memberNumber, long memberId, String token) {
    }

    private Electorate() {
    }

    public static long societyId(Connection c, String slug) throws SQLException {
        try (var ps = c.prepareStatement("SELECT id FROM society WHERE slug = ?")) {
            ps.setString(1, slug);
            var rs = ps.executeQuery();
            if (!rs.next()) {
                throw new IllegalArgumentException("no society " + slug);
            }
            return rs.getLong(1);
        }
    }

    /** A meeting whose notice has gone out, with its record date; answers its id. */
    public static long meeting(Connection c, long societyId, LocalDate recordDate, LocalDateTime startsAt, LocalDateTime pollClosesAt)
            throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO meeting (society_id, kind, title, starts_at, place, agenda, record_date, notice_sent_on, poll_closes_at,
                                     state, created_at)
                VALUES (?, 'AGM', 'Annual general meeting', ?, 'The Village Hall', '1. Election of directors', ?, ?, ?, 'NOTICED', NOW(6))""",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, societyId);
            ps.setObject(2, startsAt);
            ps.setObject(3, recordDate);
            ps.setObject(4, recordDate);
            ps.setObject(5, pollClosesAt);
            ps.executeUpdate();
            var keys = ps.getGeneratedKeys();
            keys.next();
            return keys.getLong(1);
        }
    }

    /** {@code count} members numbered from {@code firstNumber}, joined on {@code joinedOn}, born 1980. */
    public static List<Voter> members(Connection c, long societyId, String tag, long firstNumber, int count, LocalDate joinedOn)
            throws SQLException {
        return members(c, societyId, tag, firstNumber, count, joinedOn, LocalDate.of(1980, 1, 1));
    }

    public static List<Voter> members(Connection c, long societyId, String tag, long firstNumber, int count, LocalDate joinedOn,
            LocalDate bornOn) throws SQLException {
        var voters = new ArrayList<Voter>(count);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (var account = c.prepareStatement("INSERT INTO account (email, display_name, created_at) VALUES (?, ?, NOW(6))",
                Statement.RETURN_GENERATED_KEYS);
                var role = c.prepareStatement("INSERT INTO society_role (society_id, account_id, role, granted_at) VALUES (?, ?, 'MEMBER', NOW(6))");
                var member = c.prepareStatement("""
                        INSERT INTO member (society_id, member_number, application_ref, kind, name, address, postcode, postcode_district,
                                            postcode_sector, email, date_of_birth, state, applied_on, joined_on, account_id, created_at)
                        VALUES (?, ?, ?, 'INDIVIDUAL', ?, '1 High Street, Bristol', 'BS1 4RW', 'BS1', 'BS1 4', ?, ?, 'MEMBER', ?, ?, ?, NOW(6))""",
                        Statement.RETURN_GENERATED_KEYS);
                var token = c.prepareStatement("""
                        INSERT INTO api_token (society_id, account_id, name, token_prefix, token_hash, created_at)
                        VALUES (?, ?, 'voting', ?, ?, NOW(6))""")) {
            for (int i = 0; i < count; i++) {
                long number = firstNumber + i;
                String email = tag + "-" + number + "@voters.example";
                account.setString(1, email);
                account.setString(2, "Voter " + number);
                account.executeUpdate();
                var keys = account.getGeneratedKeys();
                keys.next();
                long accountId = keys.getLong(1);
                role.setLong(1, societyId);
                role.setLong(2, accountId);
                role.executeUpdate();
                member.setLong(1, societyId);
                member.setLong(2, number);
                member.setString(3, "E" + number);
                member.setString(4, "Voter " + number);
                member.setString(5, email);
                member.setObject(6, bornOn);
                member.setObject(7, joinedOn);
                member.setObject(8, joinedOn);
                member.setLong(9, accountId);
                member.executeUpdate();
                var memberKeys = member.getGeneratedKeys();
                memberKeys.next();
                long memberId = memberKeys.getLong(1);
                String secret = "coop_" + SecretTokens.generate();
                token.setLong(1, societyId);
                token.setLong(2, accountId);
                token.setString(3, secret.substring(5, 13));
                token.setString(4, SecretTokens.hash(secret));
                token.executeUpdate();
                voters.add(new Voter(number, memberId, secret));
                if (i % 500 == 499) {
                    c.commit();
                }
            }
            c.commit();
        } finally {
            c.setAutoCommit(auto);
        }
        return voters;
    }

    /**
     * One HTTP client for many voters: each request carries its voter's token. HTTP/1.1, because
     * the JDK client would otherwise upgrade to HTTP/2 and multiplex thousands of requests over one
     * connection, which Payara's HTTP/2 output queue drops under load (GOAWAY).
     */
    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static HttpResponse<String> postJson(HttpClient client, URI base, String path, String token, String json) {
        try {
            var request = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
