package coop.cooperage.society.boundary.web;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.boundary.web.Page;
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
import jakarta.ws.rs.core.Response;
import java.util.HashMap;

/** The audit trail page: filter, page through, and see whether the chain is intact. */
@Path("s/{society}/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    private static final int PAGE_SIZE = 50;

    @Inject
    Societies societies;

    @Inject
    AuditTrail audit;

    @GET
    public Response trail(@PathParam("society") String slug, @QueryParam("action") String action,
            @QueryParam("actor") String actor, @QueryParam("entityType") String entityType, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page) {
        Society society = societies.forCaller(slug, Role.SECRETARY, Role.AUDITOR);
        var form = new HashMap<String, String>();
        form.put("action", action);
        form.put("actor", actor);
        form.put("entityType", entityType);
        form.put("from", from);
        form.put("to", to);
        var view = Page.of("audit/trail").with("title", "Audit trail").with("society", society).with("form", form)
                .with("page", Math.max(0, page)).with("verification", audit.verify(society.id()));
        try {
            var filter = coop.cooperage.society.boundary.AuditFilters.parse(action, actor, entityType, from, to);
            var events = audit.search(society.id(), filter, Math.max(0, page), PAGE_SIZE + 1);
            return Response.ok(view.with("events", events.stream().limit(PAGE_SIZE).toList())
                    .with("hasMore", events.size() > PAGE_SIZE)).build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(view.with("events", java.util.List.of()).with("hasMore", false)
                    .with("errors", e.byField())).build();
        }
    }
}
