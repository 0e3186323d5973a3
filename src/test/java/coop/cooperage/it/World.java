package coop.cooperage.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds people and societies through the application's own front doors: the administrator
 * (from COOP_ADMIN_EMAIL) creates societies over the API and invites people, who accept the
 * emailed invitation and choose a password.
 */
public final class World {

    public static final String ADMIN_EMAIL = "admin@it.example";
    public static final String ADMIN_PASSWORD = "it-admin-password";
    public static final String PASSWORD = "a long test password";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+)");

    private final URI base;
    private final GreenMailOperations mail;

    public World(URI base, GreenMailOperations mail) {
        this.base = base;
        this.mail = mail;
    }

    public Http anonymous() {
        return new Http(base);
    }

    public Http admin() {
        var admin = new Http(base);
        admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        return admin;
    }

    public void society(Http admin, String slug, String jurisdiction) {
        var response = admin.postJson("/api/v1/societies", """
                {"slug":"%s","name":"%s Community Energy","fcaNumber":"1234R","type":"COMMUNITY_BENEFIT",
                 "jurisdiction":"%s","registeredOffice":"1 Quay Street, Bristol BS1 4RW",
                 "areaOfBenefit":["BS1","BS3 4"],"financialYearEnd":"--03-31","brandColour":"#0b6e4f"}
                """.formatted(slug, slug, jurisdiction));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** Invites someone to a role; they accept by the emailed link and sign in. */
    public Http person(Http inviter, String slug, String email, String role) {
        var response = inviter.postJson("/api/v1/societies/" + slug + "/invitations",
                "{\"email\":\"%s\",\"name\":\"%s\",\"role\":\"%s\"}".formatted(email, email.substring(0, email.indexOf('@')), role));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String link = linkIn(lastMailTo(email, "invited"));
        var person = new Http(base);
        String token = URI.create(link).getQuery().replace("token=", "");
        var accepted = person.submit(pathOf(link), "/invitations/accept",
                Map.of("token", token, "password", PASSWORD, "confirmation", PASSWORD));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
        person.signIn(email, PASSWORD);
        return person;
    }

    /** Waits (on GreenMail's own condition) for a message to this address whose subject contains the words. */
    public MimeMessage lastMailTo(String email, String subjectContains) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            var found = Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m, email) && subject(m).contains(subjectContains))
                    .reduce((a, b) -> b);
            if (found.isPresent()) {
                return found.get();
            }
            mail.waitForIncomingEmail(1000, mail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("No mail to " + email + " about '" + subjectContains + "' within 30 s");
    }

    /** Waits (up to 30 s) until this many mails to the address about the subject have arrived; returns how many did. */
    public int awaitMailCountTo(String email, String subjectContains, int expected) {
        long deadline = System.currentTimeMillis() + 30_000;
        int count = mailCountTo(email, subjectContains);
        while (count < expected && System.currentTimeMillis() < deadline) {
            // blocks until another mail arrives (or a second passes), then counts again
            mail.waitForIncomingEmail(1000, mail.getReceivedMessages().length + 1);
            count = mailCountTo(email, subjectContains);
        }
        return count;
    }

    public int mailCountTo(String email, String subjectContains) {
        return (int) Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m, email) && subject(m).contains(subjectContains)).count();
    }

    public static String linkIn(MimeMessage message) {
        try {
            var m = LINK.matcher(message.getContent().toString());
            assertThat(m.find()).as("a link in the mail").isTrue();
            return m.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path and query of the emailed link, to follow it on this test's server. */
    public static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static boolean to(MimeMessage m, String email) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(email));
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
