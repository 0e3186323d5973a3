package coop.cooperage.shares.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.shares.control.Offers;
import coop.cooperage.shares.control.ShareApplications;
import coop.cooperage.shares.entity.ShareOffer;
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
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;

/** "My applications": an investor's own applications for shares, what they have paid, and withdrawing one while the offer is open. */
@Path("s/{society}/my-applications")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class MyApplicationsPages {

    @Inject
    Societies societies;

    @Inject
    Offers offers;

    @Inject
    ShareApplications applications;

    @Inject
    PersonalData personalData;

    @Inject
    Caller caller;

    @Inject
    Transactions tx;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Page mine() {
        Society society = society();
        return page(society, member(society), Map.of());
    }

    @POST
    @Path("{reference}/withdraw")
    public Response withdraw(@PathParam("reference") String reference) {
        Society society = society();
        Member member = member(society);
        try {
            var a = tx.call(() -> applications.withdraw(society, member.id(), reference));
            return Flash.redirect(request, "/s/" + slug + "/my-applications", "Application " + a.reference() + " has been withdrawn."
                    + " Anything you paid will be refunded.");
        } catch (InvalidInputException e) {
            return Response.status(409).entity(page(society, member, e.byField())).build();
        }
    }

    private Page page(Society society, Member member, Map<String, String> errors) {
        var list = applications.ofMember(society, member.id());
        var offersById = new HashMap<Long, ShareOffer>();
        var withdrawable = new HashMap<Long, Boolean>();
        list.forEach(p -> {
            ShareOffer o = offersById.computeIfAbsent(p.application().offerId(), offers::byId);
            withdrawable.put(p.application().id(), p.application().state() == coop.cooperage.shares.entity.ApplicationState.SUBMITTED
                    && o.state() == coop.cooperage.shares.entity.OfferState.OPEN && !offers.today().isAfter(o.closesOn()));
        });
        return Page.of("shares/offers/mine").with("title", "My applications for shares").with("society", society)
                .with("applications", list).with("offers", offersById).with("withdrawable", withdrawable).with("errors", errors);
    }

    private Member member(Society society) {
        return OfferPages.memberOf(personalData, society, caller.requireAccount())
                .orElseThrow(() -> new NoSuchResourceException("You have no membership or applications in this society"));
    }

    private Society society() {
        return societies.bySlug(slug).orElseThrow(() -> new NoSuchResourceException("No such society"));
    }
}
