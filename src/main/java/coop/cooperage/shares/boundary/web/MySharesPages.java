package coop.cooperage.shares.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.shares.control.ShareLedger;
import coop.cooperage.shares.control.Statements;
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
import java.util.Map;

/** The member's own shares: statement, withdrawal requests and their places in the queue. */
@Path("s/{society}/my-shares")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class MySharesPages {

    @Inject
    Societies societies;

    @Inject
    PersonalData personalData;

    @Inject
    Caller caller;

    @Inject
    Statements statements;

    @Inject
    Withdrawals withdrawals;

    @Inject
    ShareLedger ledger;

    @Inject
    Register register;

    @Inject
    Transactions tx;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Page mine() {
        Society society = societies.forCaller(slug, Role.values());
        return page(society, Map.of(), Map.of());
    }

    @POST
    @Path("withdrawals")
    public Response withdraw(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.values());
        Member me = self(society);
        var in = new FormInput(form);
        Long shares = in.whole("shares", "Enter how many shares to withdraw, like 100");
        try {
            in.errors().throwIfAny();
            tx.run(() -> withdrawals.request(society, me.memberNumber(), shares, register.today(), WithdrawalRequest.Channel.PORTAL));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(society, in.values(), e.byField())).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/my-shares", "We have your request to withdraw " + shares + " shares");
    }

    @POST
    @Path("withdrawals/{id}/cancellation")
    public Response cancel(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        Member me = self(society);
        try {
            tx.run(() -> withdrawals.cancel(society, id));
        } catch (InvalidInputException e) {
            return Response.status(409).entity(page(society, Map.of(), Map.of("request-" + id, e.getMessage()))).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/my-shares", "Your request has been cancelled");
    }

    private Member self(Society society) {
        return personalData.memberFor(society, caller.requireAccount()).filter(m -> m.memberNumber() != null)
                .orElseThrow(() -> new NoSuchResourceException("You are not a member of this society"));
    }

    private Page page(Society society, Map<String, String> form, Map<String, String> errors) {
        Member me = self(society);
        var statement = statements.of(society, me);
        long asked = withdrawals.openShares(me.id());
        return Page.of("shares/mine").with("title", "My shares").with("society", society).with("member", me).with("statement", statement)
                .with("asked", asked).with("available", Math.max(0, statement.holding().shares() - asked))
                .with("requests", withdrawals.ofMemberWithPositions(society, me))
                .with("suspension", withdrawals.activeSuspension(society, register.today()).orElse(null))
                .with("noticeDays", society.rules().withdrawalNoticeDays()).with("minimumHolding", society.rules().minimumHoldingShares()).with("form", form).with("errors", errors);
    }
}
