package coop.cooperage.shares.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.shares.control.ShareLedger;
import coop.cooperage.shares.control.Withdrawals;
import coop.cooperage.shares.entity.WithdrawalRequest;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Withdrawal of shares: members ask, the secretary records paper requests, the board decides. */
@Path("api/v1/societies/{society}/withdrawals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Withdrawals")
public class WithdrawalsResource {

    static final Role[] BOARD = {Role.DIRECTOR, Role.SECRETARY};

    /** A member's own request: shares only. The secretary's paper request also names the member and the date on the letter. */
    public record NewRequest(Long shares, Long memberNumber, LocalDate requestedOn) {
    }

    public record Reason(String reason) {
    }

    public record NewSuspension(String reason, LocalDate from, LocalDate to) {
    }

    public record Queue(long annualCapPence, long approvedThisYearPence, LedgerJson.Suspension suspendedNow, List<LedgerJson.Request> requests) {
    }

    public record Mine(long shares, long amountPence, long sharesAskedFor, LedgerJson.Suspension suspendedNow, List<LedgerJson.Request> requests) {
    }

    @Inject
    Societies societies;

    @Inject
    Withdrawals withdrawals;

    @Inject
    Register register;

    @Inject
    PersonalData personalData;

    @Inject
    ShareLedger ledger;

    @Inject
    Caller caller;

    @PathParam("society")
    String slug;

    @GET
    @Operation(summary = "The queue: waiting and approved requests in order, the annual cap and any suspension (officers)")
    public Queue queue() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        LocalDate today = register.today();
        return new Queue(withdrawals.annualCap(society, today).pence(), withdrawals.approvedInYear(society, today).pence(),
                withdrawals.activeSuspension(society, today).map(LedgerJson.Suspension::of).orElse(null),
                withdrawals.queue(society).stream().map(LedgerJson.Request::of).toList());
    }

    @POST
    @Transactional
    @Operation(summary = "Ask to withdraw shares: a member for themselves, or the secretary recording a paper request (memberNumber, requestedOn)")
    public Response request(NewRequest in) {
        if (in == null) {
            throw new InvalidInputException("shares", "Send the number of shares to withdraw");
        }
        Society society = societies.forCaller(slug, Role.values());
        WithdrawalRequest r;
        if (in.memberNumber() != null) {
            societies.forCaller(slug, Role.SECRETARY);
            r = withdrawals.request(society, in.memberNumber(), in.shares(), in.requestedOn() == null ? register.today() : in.requestedOn(),
                    WithdrawalRequest.Channel.PAPER);
        } else {
            Member me = self(society);
            r = withdrawals.request(society, me.memberNumber(), in.shares(), register.today(), WithdrawalRequest.Channel.PORTAL);
        }
        return Response.status(201).entity(json(society, r)).build();
    }

    @GET
    @Path("mine")
    @Operation(summary = "Your holding, your requests with their places in the queue, and any suspension")
    public Mine mine() {
        Society society = societies.forCaller(slug, Role.values());
        Member me = self(society);
        var h = ledger.current(society.id(), me.id());
        return new Mine(h.shares(), h.amountPaid().pence(), withdrawals.openShares(me.id()),
                withdrawals.activeSuspension(society, register.today()).map(LedgerJson.Suspension::of).orElse(null),
                withdrawals.ofMemberWithPositions(society, me).stream().map(LedgerJson.Request::of).toList());
    }

    @POST
    @Path("{id}/approval")
    @Transactional
    @Operation(summary = "Approve a request (director or secretary, never their own): it becomes a payout for the next payment run")
    public LedgerJson.Request approve(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, BOARD);
        return json(society, withdrawals.approve(society, id));
    }

    @POST
    @Path("{id}/deferral")
    @Transactional
    @Operation(summary = "Defer a request (director or secretary), with the reason: it keeps its place in the queue")
    public LedgerJson.Request defer(@PathParam("id") long id, Reason in) {
        Society society = societies.forCaller(slug, BOARD);
        return json(society, withdrawals.defer(society, id, in == null ? null : in.reason()));
    }

    @POST
    @Path("{id}/refusal")
    @Transactional
    @Operation(summary = "Refuse a request (director or secretary), with the reason")
    public LedgerJson.Request refuse(@PathParam("id") long id, Reason in) {
        Society society = societies.forCaller(slug, BOARD);
        return json(society, withdrawals.refuse(society, id, in == null ? null : in.reason()));
    }

    @POST
    @Path("{id}/cancellation")
    @Transactional
    @Operation(summary = "Cancel a waiting request: the member who made it, or the secretary")
    public LedgerJson.Request cancel(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        return json(society, withdrawals.cancel(society, id));
    }

    @GET
    @Path("suspensions")
    @Operation(summary = "The board's suspensions of withdrawals (officers)")
    public List<LedgerJson.Suspension> suspensions() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return withdrawals.suspensions(society).stream().map(LedgerJson.Suspension::of).toList();
    }

    @POST
    @Path("suspensions")
    @Transactional
    @Operation(summary = "Suspend withdrawals between two dates, with the reason (director or secretary)")
    public Response suspend(NewSuspension in) {
        Society society = societies.forCaller(slug, BOARD);
        if (in == null) {
            throw new InvalidInputException("reason", "Send the reason and the dates");
        }
        return Response.status(201).entity(LedgerJson.Suspension.of(withdrawals.suspend(society, in.reason(), in.from(), in.to()))).build();
    }

    private Member self(Society society) {
        return personalData.memberFor(society, caller.requireAccount()).filter(m -> m.memberNumber() != null)
                .orElseThrow(() -> new NoSuchResourceException("You are not a member of this society"));
    }

    private LedgerJson.Request json(Society society, WithdrawalRequest r) {
        Member m = register.byId(society, r.memberId());
        int position = withdrawals.queue(society).stream().filter(q -> q.request().id().equals(r.id())).mapToInt(Withdrawals.Queued::position)
                .findFirst().orElse(0);
        return LedgerJson.Request.of(new Withdrawals.Queued(r, m, position));
    }
}
