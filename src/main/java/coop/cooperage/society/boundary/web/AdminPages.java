package coop.cooperage.society.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.platform.control.Outbox;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Jurisdiction;
import coop.cooperage.society.entity.Society;
import coop.cooperage.society.entity.SocietyType;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The platform administrator's pages: every society, creating one, and the mail outbox. */
@Path("")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AdminPages {

    @Inject
    Societies societies;

    @Inject
    Transactions tx;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @GET
    @Path("admin/societies")
    public Page list() {
        caller.requirePlatformAdmin();
        return Page.of("admin/societies").with("title", "All societies").with("societies", societies.visibleToCaller());
    }

    @GET
    @Path("admin/societies/new")
    public Page newForm() {
        caller.requirePlatformAdmin();
        return SocietyForm.page(null, Map.of("brandColour", "#1d70b8", "yearEndMonth", "3", "yearEndDay", "31",
                "type", SocietyType.COMMUNITY_BENEFIT.name(), "jurisdiction", Jurisdiction.GREAT_BRITAIN.name()), Map.of());
    }

    @POST
    @Path("admin/societies")
    public Response create(MultivaluedMap<String, String> form) {
        caller.requirePlatformAdmin();
        var in = new FormInput(form);
        try {
            Society created = tx.call(() -> societies.create(SocietyForm.details(in), null));
            return Flash.redirect(request, "/s/" + created.slug() + "/settings",
                    created.name() + " has been created with the usual rules. Check them below.");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(SocietyForm.page(null, in.values(), e.byField())).build();
        }
    }

    @GET
    @Path("admin/mail")
    public Page mail() {
        caller.requirePlatformAdmin();
        return Page.of("admin/mail").with("title", "Mail outbox").with("mails", outbox.recent(100));
    }
}
