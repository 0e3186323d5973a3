package coop.cooperage.payments.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.payments.control.BankAccounts;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.control.Transactions;
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

/** A member's own bank details: seen masked, given or changed by the member. */
@Path("s/{society}/my-bank-details")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class MyBankDetailsPages {

    @Inject
    Societies societies;

    @Inject
    PersonalData personalData;

    @Inject
    BankAccounts accounts;

    @Inject
    Transactions tx;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Page form() {
        Society society = societies.forCaller(slug, Role.values());
        return page(society, me(society), Map.of(), Map.of());
    }

    private Page page(Society society, Member member, Map<String, String> form, Map<String, String> errors) {
        return BankDetailsPages.page(society, accounts.of(member).orElse(null), "/s/" + society.slug() + "/my-bank-details",
                "/s/" + society.slug() + "/my-membership", form, errors)
                .with("title", "My bank details").with("heading", "My bank details")
                .with("intro", "The society pays refunds, withdrawals and interest into this account. We keep it encrypted and "
                        + "show only its last digits; we email you whenever it changes.");
    }

    @POST
    public Response set(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.values());
        Member member = me(society);
        var in = new FormInput(form);
        try {
            tx.run(() -> accounts.set(society, member, in.text("sortCode"), in.text("accountNumber"), in.text("accountName"),
                    caller.requireAccount().email()));
            return Flash.redirect(request, "/s/" + society.slug() + "/my-bank-details", "Your bank details are saved");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(society, member, PaymentRunPages.safe(in.values()), e.byField())).build();
        }
    }

    private Member me(Society society) {
        return personalData.memberFor(society, caller.requireAccount()).filter(m -> m.state() == MemberState.MEMBER)
                .orElseThrow(() -> new NoSuchResourceException("You are not a member of this society"));
    }
}
