package coop.cooperage.shares.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.shares.control.Allotments;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The allotment page of a closed offer: the proposal, and approval by a director or the secretary. */
@Path("s/{society}/allotments/{offer}")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AllotmentPages {

    static final int PAGE_SIZE = 100;

    @Inject
    Societies societies;

    @Inject
    Allotments allotments;

    @Inject
    Transactions tx;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @PathParam("offer")
    String offer;

    @GET
    public Page view(@QueryParam("page") @DefaultValue("0") int page) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return page(society, page, Map.of("decidedOn", allotments.today().toString()), Map.of());
    }

    @POST
    public Response approve(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.DIRECTOR, Role.SECRETARY);
        var in = new FormInput(form);
        // one date input (YYYY-MM-DD, what a browser's date picker posts); missing is refused by approve itself
        var decidedOn = in.errors().isoDate("decidedOn", in.text("decidedOn"));
        try {
            in.errors().throwIfAny();
            var job = tx.call(() -> allotments.queueApproval(society, offer, decidedOn));
            // the work runs as a job: its page shows the progress, then the outcome and the way back here
            return Flash.redirect(request, "/s/" + society.slug() + "/jobs/" + job.id(), null);
        } catch (ConflictException e) {
            return Response.status(409).entity(page(society, 0, in.values(), Map.of("decidedOn", e.getMessage()))).build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(society, 0, in.values(), e.byField())).build();
        }
    }

    private Page page(Society society, int page, Map<String, String> form, Map<String, String> errors) {
        var view = allotments.view(society, offer);
        int pages = Math.max(1, (view.lines().size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.max(0, Math.min(page, pages - 1));
        var roles = caller.rolesIn(society.id());
        boolean mayApprove = caller.isPlatformAdmin() || roles.contains(Role.DIRECTOR) || roles.contains(Role.SECRETARY);
        return Page.of("shares/allotment").with("title", "Allotment: " + view.offer().title()).with("society", society)
                .with("view", view).with("lines", view.lines().subList(p * PAGE_SIZE, Math.min(view.lines().size(), (p + 1) * PAGE_SIZE)))
                .with("page", p).with("pages", pages)
                .with("approving", view.approvable() ? allotments.approvalInProgress(view.offer()).orElse(null) : null)
                .with("mayApprove", mayApprove && view.approvable())
                .with("form", form).with("errors", errors);
    }
}
