package coop.cooperage.shares.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.Register;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.shares.control.Withdrawals;
import coop.cooperage.shares.entity.WithdrawalRequest;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Map;

/** The board's withdrawal queue, the secretary's paper requests, and suspensions. */
@Path("s/{society}/withdrawals")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class WithdrawalPages {

    private static final Role[] BOARD = {Role.DIRECTOR, Role.SECRETARY};

    @Inject
    Societies societies;

    @Inject
    Withdrawals withdrawals;

    @Inject
    Register register;

    @Inject
    Caller caller;

    @Inject
    Transactions tx;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Page queue() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return page(society, Map.of(), Map.of());
    }

    @POST
    @Path("requests")
    public Response paper(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        Long number = in.whole("memberNumber", "Enter the member number");
        Long shares = in.whole("shares", "Enter how many shares to withdraw, like 100");
        LocalDate on = in.date("requestedOn", "Enter the date on the letter as a real date");
        try {
            in.errors().throwIfAny();
            tx.run(() -> withdrawals.request(society, number, shares, on, WithdrawalRequest.Channel.PAPER));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(society, in.values(), e.byField())).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/withdrawals", "The paper request is in the queue");
    }

    @POST
    @Path("{id}/approval")
    public Response approve(@PathParam("id") long id) {
        return decide(id, "The withdrawal is approved and will be paid in the next payment run", s -> withdrawals.approve(s, id), Map.of());
    }

    @POST
    @Path("{id}/deferral")
    public Response defer(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        String reason = form.getFirst("reason");
        return decide(id, "The request is deferred and keeps its place", s -> withdrawals.defer(s, id, reason), Map.of("reason-" + id, reason == null ? "" : reason));
    }

    @POST
    @Path("{id}/refusal")
    public Response refuse(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        String reason = form.getFirst("reason");
        return decide(id, "The request is refused", s -> withdrawals.refuse(s, id, reason), Map.of("reason-" + id, reason == null ? "" : reason));
    }

    @POST
    @Path("suspensions")
    public Response suspend(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, BOARD);
        var in = new FormInput(form);
        LocalDate from = in.date("from", "Enter the date the suspension starts as a real date");
        LocalDate to = in.date("to", "Enter the date the suspension ends as a real date");
        try {
            in.errors().throwIfAny();
            tx.run(() -> withdrawals.suspend(society, in.text("reason"), from, to));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(society, in.values(), e.byField())).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/withdrawals", "Withdrawals are suspended from " + from + " to " + to);
    }

    private interface Decision {
        void apply(Society society);
    }

    private Response decide(long id, String done, Decision decision, Map<String, String> form) {
        Society society = societies.forCaller(slug, BOARD);
        // a board member deciding their own request is refused inside (403): another director or the secretary must
        try {
            tx.run(() -> decision.apply(society));
        } catch (InvalidInputException e) {
            return Response.status(e instanceof coop.cooperage.platform.control.ConflictException ? 409 : 400)
                    .entity(page(society, form, Map.of("request-" + id, e.getMessage()))).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/withdrawals", done);
    }

    private Page page(Society society, Map<String, String> form, Map<String, String> errors) {
        LocalDate today = register.today();
        var roles = caller.isPlatformAdmin() ? java.util.EnumSet.allOf(Role.class) : caller.rolesIn(society.id());
        return Page.of("shares/withdrawals").with("title", "Withdrawals").with("society", society).with("queue", withdrawals.queue(society))
                .with("cap", withdrawals.annualCap(society, today)).with("used", withdrawals.approvedInYear(society, today))
                .with("yearStart", Withdrawals.yearStart(society, today)).with("suspensions", withdrawals.suspensions(society))
                .with("suspension", withdrawals.activeSuspension(society, today).orElse(null)).with("today", today)
                .with("board", roles.contains(Role.DIRECTOR) || roles.contains(Role.SECRETARY)).with("secretary", roles.contains(Role.SECRETARY))
                .with("form", form).with("errors", errors);
    }
}
