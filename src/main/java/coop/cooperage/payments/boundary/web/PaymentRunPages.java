package coop.cooperage.payments.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.payments.control.BankAccounts;
import coop.cooperage.payments.control.PaymentRuns;
import coop.cooperage.payments.entity.BankHolidays;
import coop.cooperage.payments.entity.PaymentRun;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.shares.entity.Payout;
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
import java.util.HashMap;
import java.util.Map;

/**
 * The treasurer's payment run pages: what is due (and what is blocked, and why), making a run,
 * its files, marking it paid; the society's Bacs details; bank details for a payee who is not
 * the member. The auditor may look; only the treasurer acts (see PaymentRunsResource for why).
 */
@Path("s/{society}/payment-runs")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class PaymentRunPages {

    static final Role[] READERS = {Role.TREASURER, Role.AUDITOR};

    @Inject
    Societies societies;

    @Inject
    PaymentRuns runs;

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
    public Page home() {
        Society society = societies.forCaller(slug, READERS);
        return home(society, Map.of("processingDate", nextWeekday(runs.today()).toString()), Map.of());
    }

    private Page home(Society society, Map<String, String> form, Map<String, String> errors) {
        var due = runs.due(society);
        var ready = due.stream().filter(PaymentRuns.Due::ready).toList();
        return Page.of("payments/runs").with("title", "Payment runs").with("society", society).with("form", form)
                .with("errors", errors).with("due", due).with("readyCount", ready.size()).with("readyTotal", runs.total(ready))
                .with("runs", runs.runs(society)).with("originator", accounts.originator(society).orElse(null))
                .with("treasurer", isTreasurer(society));
    }

    @POST
    public Response create(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        var in = new FormInput(form);
        try {
            LocalDate processing = FieldErrors.requireIsoDate("processingDate", in.text("processingDate"));
            PaymentRun run = tx.call(() -> runs.create(society, processing, caller.requireAccount().email()));
            return Flash.redirect(request, "/s/" + society.slug() + "/payment-runs/" + run.number(),
                    "Payment run " + run.number() + " is ready: " + run.itemCount() + " payments, " + run.total());
        } catch (InvalidInputException e) {
            return Response.status(status(e)).entity(home(society, in.values(), e.byField())).build();
        }
    }

    @GET
    @Path("{number: [0-9]+}")
    public Page run(@PathParam("number") int number) {
        Society society = societies.forCaller(slug, READERS);
        return run(society, number, Map.of("paidOn", runs.today().toString()), Map.of());
    }

    private Page run(Society society, int number, Map<String, String> form, Map<String, String> errors) {
        PaymentRun run = runs.run(society, number);
        return Page.of("payments/run").with("title", "Payment run " + number).with("society", society).with("run", run)
                .with("items", runs.items(run)).with("form", form).with("errors", errors).with("treasurer", isTreasurer(society));
    }

    @POST
    @Path("{number: [0-9]+}/payment")
    public Response pay(@PathParam("number") int number, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        var in = new FormInput(form);
        try {
            LocalDate paidOn = FieldErrors.requireIsoDate("paidOn", in.text("paidOn"));
            PaymentRun run = tx.call(() -> runs.pay(society, number, paidOn, caller.requireAccount().email()));
            return Flash.redirect(request, "/s/" + society.slug() + "/payment-runs/" + number,
                    "Payment run " + number + " is paid: " + run.itemCount() + " payments, " + run.total() + ", on " + paidOn);
        } catch (InvalidInputException e) {
            return Response.status(status(e)).entity(run(society, number, in.values(), e.byField())).build();
        }
    }

    @POST
    @Path("{number: [0-9]+}/cancellation")
    public Response cancel(@PathParam("number") int number) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        try {
            tx.run(() -> runs.cancel(society, number, caller.requireAccount().email()));
            return Flash.redirect(request, "/s/" + society.slug() + "/payment-runs",
                    "Payment run " + number + " is cancelled; its payouts are due again");
        } catch (InvalidInputException e) {
            return Response.status(status(e)).entity(run(society, number, Map.of(), e.byField())).build();
        }
    }

    @POST
    @Path("{number: [0-9]+}/payouts/{payout: [0-9]+}/removal")
    public Response remove(@PathParam("number") int number, @PathParam("payout") long payoutId) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        try {
            tx.run(() -> runs.remove(society, number, payoutId));
            return Flash.redirect(request, "/s/" + society.slug() + "/payment-runs/" + number,
                    "The payment was taken out of the run; it is due again");
        } catch (InvalidInputException e) {
            return Response.status(status(e)).entity(run(society, number, Map.of(), e.byField())).build();
        }
    }

    @POST
    @Path("{number: [0-9]+}/rejection")
    public Response reject(@PathParam("number") int number, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        var in = new FormInput(form);
        try {
            tx.run(() -> runs.reject(society, number, in.text("reason"), caller.requireAccount().email()));
            return Flash.redirect(request, "/s/" + society.slug() + "/payment-runs",
                    "Payment run " + number + " is recorded as rejected by the bank; its payouts are due again");
        } catch (InvalidInputException e) {
            return Response.status(status(e)).entity(run(society, number, in.values(), e.byField())).build();
        }
    }

    @GET
    @Path("originator")
    public Page originatorForm() {
        Society society = societies.forCaller(slug, Role.TREASURER);
        var form = new HashMap<String, String>();
        accounts.originator(society).ifPresent(o -> {
            form.put("serviceUserNumber", o.serviceUserNumber());
            form.put("serviceUserName", o.serviceUserName());
        });
        return originatorPage(society, form, Map.of());
    }

    private Page originatorPage(Society society, Map<String, String> form, Map<String, String> errors) {
        return Page.of("payments/originator").with("title", "Bacs details").with("society", society).with("form", form)
                .with("errors", errors).with("originator", accounts.originator(society).orElse(null));
    }

    @POST
    @Path("originator")
    public Response setOriginator(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        var in = new FormInput(form);
        try {
            tx.run(() -> accounts.setOriginator(society, in.text("serviceUserNumber"), in.text("serviceUserName"),
                    in.text("sortCode"), in.text("accountNumber"), in.text("accountName"), caller.requireAccount().email()));
            return Flash.redirect(request, "/s/" + society.slug() + "/payment-runs", "The society's Bacs details are saved");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(originatorPage(society, safe(in.values()), e.byField())).build();
        }
    }

    @GET
    @Path("payouts/{payout: [0-9]+}/payee-bank-details")
    public Page payeeForm(@PathParam("payout") long payoutId) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        return payeePage(society, payoutId, Map.of());
    }

    private Page payeePage(Society society, long payoutId, Map<String, String> errors) {
        Payout payout = runs.payout(society, payoutId);
        var due = runs.due(society).stream().filter(d -> d.payout().id() == payoutId).findFirst().orElse(null);
        String payee = due == null ? "the payee" : due.payeeName();
        return Page.of("payments/bank-details").with("title", "Bank details for " + payee).with("society", society)
                .with("heading", "Bank details for " + payee)
                .with("intro", payout.kind().label() + " of " + payout.amount() + ". The money goes to this account, not the member's.")
                .with("current", due == null ? null : due.masked()).with("errors", errors)
                .with("action", "/s/" + society.slug() + "/payment-runs/payouts/" + payoutId + "/payee-bank-details")
                .with("back", "/s/" + society.slug() + "/payment-runs");
    }

    @POST
    @Path("payouts/{payout: [0-9]+}/payee-bank-details")
    public Response setPayee(@PathParam("payout") long payoutId, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        var in = new FormInput(form);
        try {
            tx.run(() -> runs.setPayeeBank(society, payoutId, in.text("sortCode"), in.text("accountNumber"), in.text("accountName"),
                    caller.requireAccount().email()));
            return Flash.redirect(request, "/s/" + society.slug() + "/payment-runs", "The payee's bank details are saved");
        } catch (InvalidInputException e) {
            return Response.status(status(e)).entity(payeePage(society, payoutId, e.byField())).build();
        }
    }

    /** A form shown again never echoes an account number back into the page. */
    static Map<String, String> safe(Map<String, String> values) {
        var copy = new HashMap<>(values);
        copy.remove("sortCode");
        copy.remove("accountNumber");
        return copy;
    }

    static int status(InvalidInputException e) {
        return e instanceof ConflictException ? 409 : 400;
    }

    /** The first working day after today (weekends and bank holidays skipped): the form's suggested processing day. */
    static LocalDate nextWeekday(LocalDate today) {
        return BankHolidays.workingDayFrom(today.plusDays(1));
    }

    private boolean isTreasurer(Society society) {
        return caller.isPlatformAdmin() || caller.rolesIn(society.id()).contains(Role.TREASURER);
    }
}
