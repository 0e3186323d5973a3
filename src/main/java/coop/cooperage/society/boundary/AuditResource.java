package coop.cooperage.society.boundary;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.audit.entity.AuditEvent;
import coop.cooperage.audit.entity.ChainVerification;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The society's audit trail, for secretaries and auditors. */
@Path("api/v1/societies/{society}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
public class AuditResource {

    public record EventJson(long seq, LocalDateTime occurredAt, String actor, String action, String entityType,
            String entityId, String before, String after, String hash) {
        static EventJson of(AuditEvent e) {
            return new EventJson(e.seq(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(),
                    e.beforeJson(), e.afterJson(), e.hash());
        }
    }

    @Inject
    Societies societies;

    @Inject
    AuditTrail audit;

    @PathParam("society")
    String slug;

    @GET
    @Operation(summary = "Audit events, newest first, filtered by action prefix, actor, entity type and dates (YYYY-MM-DD)")
    public List<EventJson> events(@QueryParam("action") String action, @QueryParam("actor") String actor,
            @QueryParam("entityType") String entityType, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Society society = societies.forCaller(slug, Role.SECRETARY, Role.AUDITOR);
        var filter = AuditFilters.parse(action, actor, entityType, from, to);
        return audit.search(society.id(), filter, page, Math.max(1, Math.min(size, 500))).stream().map(EventJson::of).toList();
    }

    @GET
    @Path("verification")
    @Operation(summary = "Whether the society's audit chain is intact, and if not where it breaks")
    public ChainVerification verify() {
        Society society = societies.forCaller(slug, Role.SECRETARY, Role.AUDITOR);
        return audit.verify(society.id());
    }
}
