package coop.cooperage.shares.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.shares.control.Adjustments;
import coop.cooperage.shares.control.Deaths;
import coop.cooperage.shares.control.ShareLedger;
import coop.cooperage.shares.control.Statements;
import coop.cooperage.shares.control.Transfers;
import coop.cooperage.shares.entity.ShareEntryKind;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The share ledger: capital, statements, the secretary's write-downs and corrections, deaths and transfers. */
@Path("api/v1/societies/{society}/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Share ledger")
public class LedgerResource {

    public record Summary(LocalDate asAt, long capitalShares, long capitalPence, long heldShares, long heldPence, boolean transfersAllowed) {
    }

    public record NewEntry(ShareEntryKind kind, Long shares, Long amountPence, LocalDate on, String reason) {
    }

    public record Death(LocalDate diedOn, String evidence, String representatives, Map<String, Long> nomineeMembers) {
    }

    public record DeathRecorded(long id, List<String> dispositions) {
    }

    public record NewTransfer(Long fromMemberNumber, Long toMemberNumber, Long shares, String boardConsent, LocalDate consentedOn) {
    }

    public record Settings(Boolean transfersAllowed) {
    }

    public record WriteDown(java.math.BigDecimal percent, LocalDate on, String reason) {
    }

    public record WrittenDown(long totalPence) {
    }

    @Inject
    Societies societies;

    @Inject
    Register register;

    @Inject
    ShareLedger ledger;

    @Inject
    Statements statements;

    @Inject
    Adjustments adjustments;

    @Inject
    Deaths deaths;

    @Inject
    Transfers transfers;

    @Inject
    PersonalData personalData;

    @Inject
    Caller caller;

    @PathParam("society")
    String slug;

    @GET
    @Operation(summary = "Share capital as at a date (asAt, default today): the sum of every entry; with the sum of the holdings now (officers)")
    public Summary summary(@QueryParam("asAt") String asAtText) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        LocalDate asAt = asAtText == null || asAtText.isBlank() ? register.today() : FieldErrors.requireIsoDate("asAt", asAtText);
        var capital = ledger.capital(society.id(), asAt);
        var held = ledger.capitalHeld(society.id());
        return new Summary(asAt, capital.shares(), capital.amountPaid().pence(), held.shares(), held.amountPaid().pence(),
                transfers.allowed(society));
    }

    @PUT
    @Path("settings")
    @Transactional
    @Operation(summary = "Whether the rules allow transfers between living members (secretary; off by default)")
    public Settings settings(Settings in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        if (in == null || in.transfersAllowed() == null) {
            throw new InvalidInputException("transfersAllowed", "Say whether transfers are allowed: true or false");
        }
        transfers.allow(society, in.transfersAllowed());
        return in;
    }

    @GET
    @Path("members/{number}/statement")
    @Operation(summary = "A member's statement: every entry with the running balance (officers)")
    public LedgerJson.Statement statement(@PathParam("number") long number) {
        Society society = societies.forMemberRecord(slug);
        return LedgerJson.Statement.of(statements.of(society, register.byNumber(society, number)));
    }

    @GET
    @Path("members/{number}/statement.{format: pdf|csv}")
    @Produces({Statements.PDF, Statements.CSV})
    @Operation(summary = "A member's statement as PDF or CSV (officers)")
    public Response statementFile(@PathParam("number") long number, @PathParam("format") String format) {
        Society society = societies.forMemberRecord(slug);
        return file(society, register.byNumber(society, number), format);
    }

    @GET
    @Path("mine/statement")
    @Operation(summary = "Your own statement")
    public LedgerJson.Statement myStatement() {
        Society society = societies.forCaller(slug, Role.values());
        return LedgerJson.Statement.of(statements.of(society, self(society)));
    }

    @GET
    @Path("mine/statement.{format: pdf|csv}")
    @Produces({Statements.PDF, Statements.CSV})
    @Operation(summary = "Your own statement as PDF or CSV")
    public Response myStatementFile(@PathParam("format") String format) {
        Society society = societies.forCaller(slug, Role.values());
        return file(society, self(society), format);
    }

    @POST
    @Path("members/{number}/entries")
    @Transactional
    @Operation(summary = "A write-down (WRITE_DOWN: a negative amountPence, no shares) or a correction (CORRECTION: shares and/or amountPence, up or down), with the reason (secretary)")
    public Response entry(@PathParam("number") long number, NewEntry in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        if (in == null) {
            throw new InvalidInputException("kind", "Send the entry");
        }
        adjustments.record(society, number, new Adjustments.Input(in.kind(), in.shares(), in.amountPence(),
                in.on() == null ? register.today() : in.on(), in.reason()));
        return Response.status(201).entity(LedgerJson.Statement.of(statements.of(society, register.byNumber(society, number)))).build();
    }

    @POST
    @Path("write-downs")
    @Transactional
    @Operation(summary = "Write the society's share capital down by a percentage: every holding loses that share of its value (secretary)")
    public Response writeDown(WriteDown in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        if (in == null) {
            throw new InvalidInputException("percent", "Send the percentage, date and reason");
        }
        var total = adjustments.writeDownAll(society, in.percent(), in.on() == null ? register.today() : in.on(), in.reason());
        return Response.status(201).entity(new WrittenDown(total.pence())).build();
    }

    @POST
    @Path("members/{number}/death")
    @Transactional
    @Operation(summary = "Record a member's death (secretary): date, evidence seen, personal representatives, and which nominees who are members take shares (nomination id to member number)")
    public Response death(@PathParam("number") long number, Death in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        if (in == null) {
            throw new InvalidInputException("diedOn", "Send the date of death and the evidence seen");
        }
        var toMembers = new java.util.HashMap<Long, Long>();
        if (in.nomineeMembers() != null) {
            in.nomineeMembers().forEach((k, v) -> {
                try {
                    toMembers.put(Long.valueOf(k.trim()), v);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("nomineeMembers", "Key nominee members by nomination id: " + k + " is not one");
                }
            });
        }
        var outcome = deaths.record(society, number, new Deaths.Input(in.diedOn(), in.evidence(), in.representatives(), toMembers));
        return Response.status(201).entity(new DeathRecorded(outcome.death().id(), outcome.dispositions())).build();
    }

    @POST
    @Path("transfers")
    @Transactional
    @Operation(summary = "Transfer shares between living members, where the rules allow, with the board's consent (secretary)")
    public Response transfer(NewTransfer in) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        if (in == null) {
            throw new InvalidInputException("shares", "Send the transfer");
        }
        var t = transfers.transfer(society, new Transfers.Input(in.fromMemberNumber(), in.toMemberNumber(), in.shares(), in.boardConsent(),
                in.consentedOn()));
        boolean ended = register.byNumber(society, in.fromMemberNumber()).state() != coop.cooperage.members.entity.MemberState.MEMBER;
        return Response.status(201).entity(Map.of("id", t.id(), "shares", t.shares(), "amountPence", t.amountPence(),
                "transferorMembershipEnded", ended)).build();
    }

    private Member self(Society society) {
        return personalData.memberFor(society, caller.requireAccount()).filter(m -> m.memberNumber() != null)
                .orElseThrow(() -> new NoSuchResourceException("You are not a member of this society"));
    }

    private Response file(Society society, Member m, String format) {
        var s = statements.of(society, m);
        String name = "share-statement-" + society.slug() + "-" + m.memberNumber();
        if ("pdf".equals(format)) {
            return Response.ok(statements.pdf(society, s), Statements.PDF).header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"")
                    .build();
        }
        return Response.ok(Statements.csv(s), Statements.CSV).header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }
}
