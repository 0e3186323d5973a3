package coop.cooperage.payments.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.payments.boundary.PaymentJson.BankDetailsInput;
import coop.cooperage.payments.boundary.PaymentJson.Due;
import coop.cooperage.payments.boundary.PaymentJson.NewRun;
import coop.cooperage.payments.boundary.PaymentJson.Originator;
import coop.cooperage.payments.boundary.PaymentJson.OriginatorInput;
import coop.cooperage.payments.boundary.PaymentJson.Payment;
import coop.cooperage.payments.boundary.PaymentJson.Rejection;
import coop.cooperage.payments.boundary.PaymentJson.Run;
import coop.cooperage.payments.control.BankAccounts;
import coop.cooperage.payments.control.PaymentRuns;
import coop.cooperage.payments.entity.PaymentRun;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Payment runs, for the treasurer. Money leaving the society is the treasurer's alone: the
 * secretary (who can change members' bank details) cannot also pay, so no one officer can both
 * redirect a payment and send it. The auditor reads runs (accounts masked) but cannot download
 * their files, which hold account numbers in full.
 */
@Path("api/v1/societies/{society}/payment-runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payment runs")
public class PaymentRunsResource {

    static final Role[] READERS = {Role.TREASURER, Role.AUDITOR};

    @Inject
    Societies societies;

    @Inject
    PaymentRuns runs;

    @Inject
    BankAccounts accounts;

    @Inject
    Caller caller;

    @PathParam("society")
    String slug;

    @GET
    @Operation(summary = "Every payment run of the society, newest first (treasurer, auditor)")
    public List<Run> list() {
        Society society = societies.forCaller(slug, READERS);
        return runs.runs(society).stream().map(r -> Run.of(r, null)).toList();
    }

    @GET
    @Path("due")
    @Operation(summary = "Due payouts: those ready for a run, and those blocked with the reason (treasurer, auditor)")
    public List<Due> due() {
        Society society = societies.forCaller(slug, READERS);
        return runs.due(society).stream().map(Due::of).toList();
    }

    @POST
    @Transactional
    @Operation(summary = "Make a draft run of every due payout that has bank details (treasurer)")
    public Response create(NewRun input) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        var processing = FieldErrors.requireIsoDate("processingDate", input == null ? null : input.processingDate());
        PaymentRun run = runs.create(society, processing, caller.requireAccount().email());
        return Response.status(201).entity(Run.of(run, runs.items(run))).build();
    }

    @GET
    @Path("{number: [0-9]+}")
    @Operation(summary = "One run and its payments, accounts masked (treasurer, auditor)")
    public Run get(@PathParam("number") int number) {
        Society society = societies.forCaller(slug, READERS);
        PaymentRun run = runs.run(society, number);
        return Run.of(run, runs.items(run));
    }

    @GET
    @Path("{number: [0-9]+}/bacs")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Transactional
    @Operation(summary = "The run's Bacs Standard 18 direct credit file; the same bytes every time (treasurer)")
    public Response bacs(@PathParam("number") int number) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        PaymentRun run = runs.run(society, number);
        byte[] file = runs.bacs(run);
        runs.recordDownload(society, run, "bacs", caller.requireAccount().email());
        return Response.ok(file, MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"" + society.slug() + "-payment-run-" + number + ".bacs\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{number: [0-9]+}/csv")
    @Produces("text/csv")
    @Transactional
    @Operation(summary = "The run as a CSV for a bank's bulk-payment upload (treasurer)")
    public Response csv(@PathParam("number") int number) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        PaymentRun run = runs.run(society, number);
        byte[] file = runs.csv(run);
        runs.recordDownload(society, run, "csv", caller.requireAccount().email());
        return Response.ok(file, "text/csv; charset=US-ASCII")
                .header("Content-Disposition", "attachment; filename=\"" + society.slug() + "-payment-run-" + number + ".csv\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("{number: [0-9]+}/payment")
    @Transactional
    @Operation(summary = "Mark the run paid on paidOn: every payout is paid and its shares leave the ledger. Once only: again is 409 (treasurer)")
    public Run pay(@PathParam("number") int number, Payment input) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        var paidOn = FieldErrors.requireIsoDate("paidOn", input == null ? null : input.paidOn());
        PaymentRun run = runs.pay(society, number, paidOn, caller.requireAccount().email());
        return Run.of(run, runs.items(run));
    }

    @POST
    @Path("{number: [0-9]+}/cancellation")
    @Transactional
    @Operation(summary = "Cancel a draft run whose file was never downloaded; its payouts are due again. After the first download: 409 (treasurer)")
    public Run cancel(@PathParam("number") int number) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        PaymentRun run = runs.cancel(society, number, caller.requireAccount().email());
        return Run.of(run, runs.items(run));
    }

    @POST
    @Path("{number: [0-9]+}/rejection")
    @Transactional
    @Operation(summary = "Record that the bank rejected the run's (downloaded) file, with its reason; its payouts are due again (treasurer)")
    public Run reject(@PathParam("number") int number, Rejection input) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        PaymentRun run = runs.reject(society, number, input == null ? null : input.reason(), caller.requireAccount().email());
        return Run.of(run, runs.items(run));
    }

    @DELETE
    @Path("{number: [0-9]+}/payouts/{payout: [0-9]+}")
    @Transactional
    @Operation(summary = "Take a payout out of a draft run whose file was never downloaded; it is due again. After the first download: 409 (treasurer)")
    public Run remove(@PathParam("number") int number, @PathParam("payout") long payoutId) {
        Society society = societies.forCaller(slug, Role.TREASURER);
        PaymentRun run = runs.remove(society, number, payoutId);
        return Run.of(run, runs.items(run));
    }

    @GET
    @Path("originator")
    @Operation(summary = "The society's Bacs service user number, name and account (masked) (treasurer, auditor)")
    public Originator originator() {
        Society society = societies.forCaller(slug, READERS);
        return accounts.originator(society).map(Originator::of)
                .orElseThrow(() -> new NoSuchResourceException("The society's Bacs details have not been entered"));
    }

    @PUT
    @Path("originator")
    @Transactional
    @Operation(summary = "Set the society's Bacs service user number, name and the account payments are drawn from (treasurer)")
    public Originator setOriginator(OriginatorInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "Send the service user number, name and account");
        }
        Society society = societies.forCaller(slug, Role.TREASURER);
        return Originator.of(accounts.setOriginator(society, input.serviceUserNumber(), input.serviceUserName(), input.sortCode(),
                input.accountNumber(), input.accountName(), caller.requireAccount().email()));
    }

    @PUT
    @Path("payouts/{payout: [0-9]+}/payee-bank-details")
    @Transactional
    @Operation(summary = "The bank account of someone paid instead of the member (nominee, personal representatives) or of a refunded applicant (treasurer)")
    public Due setPayeeBank(@PathParam("payout") long payoutId, BankDetailsInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "Send the sort code, account number and name on the account");
        }
        Society society = societies.forCaller(slug, Role.TREASURER);
        runs.setPayeeBank(society, payoutId, input.sortCode(), input.accountNumber(), input.accountName(),
                caller.requireAccount().email());
        return runs.due(society).stream().filter(d -> d.payout().id() == payoutId).map(Due::of).findFirst().orElseThrow();
    }
}
