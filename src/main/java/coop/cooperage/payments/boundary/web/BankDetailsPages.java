package coop.cooperage.payments.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.Member;
import coop.cooperage.payments.control.BankAccounts;
import coop.cooperage.payments.entity.MemberBankDetails;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
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

/** The secretary or treasurer enters a member's bank details (from a form the member sent in, say). */
@Path("s/{society}/bank-details")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class BankDetailsPages {

    static final Role[] KEEPERS = {Role.SECRETARY, Role.TREASURER};

    @Inject
    Societies societies;

    @Inject
    Register register;

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
    @Path("{number: [0-9]+}")
    public Page form(@PathParam("number") long number) {
        Society society = societies.forCaller(slug, KEEPERS);
        return page(society, register.byNumber(society, number), Map.of(), Map.of());
    }

    static Page page(Society society, MemberBankDetails current, String action, String back,
            Map<String, String> form, Map<String, String> errors) {
        return Page.of("payments/bank-details").with("society", society).with("form", form).with("errors", errors)
                .with("current", current == null ? null : current.masked())
                .with("updated", current).with("action", action).with("back", back);
    }

    private Page page(Society society, Member member, Map<String, String> form, Map<String, String> errors) {
        return page(society, accounts.of(member).orElse(null),
                "/s/" + society.slug() + "/bank-details/" + member.memberNumber(), "/s/" + society.slug() + "/members/" + member.memberNumber(),
                form, errors)
                .with("title", "Bank details of " + member.name()).with("heading", "Bank details of " + member.name())
                .with("intro", "Member " + member.memberNumber() + ". Refunds, withdrawals and interest are paid into this account. "
                        + "The member is emailed when it changes.");
    }

    @POST
    @Path("{number: [0-9]+}")
    public Response set(@PathParam("number") long number, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, KEEPERS);
        Member member = register.byNumber(society, number);
        var in = new FormInput(form);
        try {
            tx.run(() -> accounts.set(society, register.byNumber(society, number), in.text("sortCode"), in.text("accountNumber"),
                    in.text("accountName"), caller.requireAccount().email()));
            return Flash.redirect(request, "/s/" + society.slug() + "/bank-details/" + number,
                    "The bank details of " + member.name() + " are saved");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(society, member, PaymentRunPages.safe(in.values()), e.byField())).build();
        }
    }
}
