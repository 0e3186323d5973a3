package coop.cooperage.identity.boundary;

import coop.cooperage.identity.control.Caller;

import coop.cooperage.platform.control.Outbox;
import coop.cooperage.platform.entity.OutboundMail;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The mail outbox, for the platform administrator: in the demo this is where sent mail is read. */
@Path("api/v1/mail")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform")
public class MailResource {

    public record MailJson(long id, String recipient, String subject, String body, OutboundMail.State state, int attempts,
            String lastError, LocalDateTime createdAt, LocalDateTime sentAt) {
        static MailJson of(OutboundMail m) {
            return new MailJson(m.id(), m.recipient(), m.subject(), m.bodyForAdministrator(), m.state(), m.attempts(), m.lastError(),
                    m.createdAt(), m.sentAt());
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The 100 most recent emails and their delivery state (platform administrator)")
    public List<MailJson> recent() {
        caller.requirePlatformAdmin();
        return outbox.recent(100).stream().map(MailJson::of).toList();
    }
}
