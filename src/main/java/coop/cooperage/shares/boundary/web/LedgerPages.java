package coop.cooperage.shares.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.Nominations;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Option;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.shares.control.Adjustments;
import coop.cooperage.shares.control.Deaths;
import coop.cooperage.shares.control.ShareLedger;
import coop.cooperage.shares.control.Statements;
import coop.cooperage.shares.control.Transfers;
import coop.cooperage.shares.entity.ShareEntryKind;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The share ledger for officers: capital, a member's statement, and the secretary's entries, deaths and transfers. */
@Path("s/{society}/ledger")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class LedgerPages {

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
    Nominations nominations;

    @Inject
    Caller caller;

    @Inject
    Transactions tx;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Response overview(@QueryParam("member") String member) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        if (member != null && member.trim().matches("\\d{1,15}")) {
            return Response.seeOther(URI.create(request.getContextPath() + "/s/" + society.slug() + "/ledger/members/" + member.trim())).build();
        }
        return Response.ok(overviewPage(society, Map.of(), Map.of())).build();
    }

    @POST
    @Path("settings")
    public Response settings(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        boolean allowed = new FormInput(form).flag("transfersAllowed");
        tx.run(() -> transfers.allow(society, allowed));
        return Flash.redirect(request, "/s/" + society.slug() + "/ledger",
                allowed ? "Transfers between living members are allowed, with the board's consent" : "Transfers between living members are not allowed");
    }

    @POST
    @Path("transfers")
    public Response transfer(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        Long from = in.whole("fromMemberNumber", "Enter the number of the member transferring the shares");
        Long to = in.whole("toMemberNumber", "Enter the number of the member receiving the shares");
        Long shares = in.whole("shares", "Enter how many shares to transfer");
        LocalDate consentedOn = in.date("consentedOn", "Enter the date the board consented as a real date");
        try {
            in.errors().throwIfAny();
            tx.run(() -> transfers.transfer(society, new Transfers.Input(from, to, shares, in.text("boardConsent"), consentedOn)));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(overviewPage(society, in.values(), e.byField())).build();
        }
        boolean ended = register.byNumber(society, from).state() != coop.cooperage.members.entity.MemberState.MEMBER;
        return Flash.redirect(request, "/s/" + society.slug() + "/ledger", shares + " shares transferred from member " + from + " to member " + to
                + (ended ? ". Member " + from + " holds no shares now, so their membership has ended" : ""));
    }

    @POST
    @Path("write-downs")
    public Response writeDown(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        var percent = in.decimal("percent", "Enter the percentage to write down, like 10");
        LocalDate on = in.date("on", "Enter the date of the write-down as a real date");
        try {
            in.errors().throwIfAny();
            var total = tx.call(() -> adjustments.writeDownAll(society, percent, on, in.text("reason")));
            return Flash.redirect(request, "/s/" + society.slug() + "/ledger", "Share capital written down by " + total);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(overviewPage(society, in.values(), e.byField())).build();
        }
    }

    @GET
    @Path("members/{number}")
    public Page member(@PathParam("number") long number) {
        Society society = societies.forMemberRecord(slug);
        return memberPage(society, register.byNumber(society, number), Map.of(), Map.of());
    }

    @POST
    @Path("members/{number}/entries")
    public Response entry(@PathParam("number") long number, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        ShareEntryKind kind = in.choice("kind", ShareEntryKind.class, "Choose a write-down or a correction");
        Long shares = in.text("shares") == null || in.text("shares").isEmpty() ? Long.valueOf(0) : in.whole("shares", "Enter a whole number of shares, like -10 or 25");
        Long pence = in.text("amountPence") == null || in.text("amountPence").isEmpty() ? Long.valueOf(0)
                : in.whole("amountPence", "Enter the amount in pence, like -2500");
        LocalDate on = in.date("on", "Enter the date of the entry as a real date");
        try {
            in.errors().throwIfAny();
            tx.run(() -> adjustments.record(society, number, new Adjustments.Input(kind, shares, pence, on, in.text("reason"))));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(memberPage(society, register.byNumber(society, number), in.values(), e.byField())).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/ledger/members/" + number, "The entry is in the ledger");
    }

    /** The nomination id in a form key like {@code nominee-12}; a tampered key is bad input (400), not a server error. */
    static Long nominationId(String key) {
        try {
            long id = Long.parseLong(key.substring("nominee-".length()));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new InvalidInputException("nomineeMembers", "The form names a nomination that does not exist: reload the page and try again");
    }

    @POST
    @Path("members/{number}/death")
    public Response death(@PathParam("number") long number, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        LocalDate diedOn = in.date("diedOn", "Enter the date of death as a real date");
        var toMembers = new HashMap<Long, Long>();
        form.keySet().stream().filter(k -> k.startsWith("nominee-")).forEach(k -> {
            String v = in.text(k);
            if (v != null && !v.isEmpty()) {
                Long n = in.whole(k, "Enter the nominee's member number, or leave it blank to pay them");
                if (n != null) {
                    try {
                        toMembers.put(nominationId(k), n);
                    } catch (InvalidInputException e) {
                        e.errors().forEach(f -> in.errors().add(f.field(), f.message()));
                    }
                }
            }
        });
        try {
            in.errors().throwIfAny();
            var outcome = tx.call(() -> deaths.record(society, number, new Deaths.Input(diedOn, in.text("evidence"), in.text("representatives"), toMembers)));
            return Flash.redirect(request, "/s/" + society.slug() + "/ledger/members/" + number,
                    "The death is recorded and the membership has ended. " + String.join("; ", outcome.dispositions()));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(memberPage(society, register.byNumber(society, number), in.values(), e.byField())).build();
        }
    }

    private Page overviewPage(Society society, Map<String, String> form, Map<String, String> errors) {
        LocalDate today = register.today();
        return Page.of("shares/ledger").with("title", "Share ledger").with("society", society).with("capital", ledger.capital(society.id(), today))
                .with("held", ledger.capitalHeld(society.id())).with("today", today).with("transfersAllowed", transfers.allowed(society))
                .with("secretary", isSecretary(society)).with("form", form).with("errors", errors);
    }

    private Page memberPage(Society society, Member m, Map<String, String> form, Map<String, String> errors) {
        var statement = statements.of(society, m);
        var today = register.today();
        return Page.of("shares/statement").with("title", "Share statement: " + m.name()).with("society", society).with("member", m)
                .with("statement", statement).with("nominations", nominations.of(m).stream().filter(n -> n.isActiveOn(today)).toList())
                .with("death", deaths.of(m).orElse(null)).with("limit", Nominations.LIMIT)
                .with("kinds", List.of(new Option("CORRECTION", "Correction"), new Option("WRITE_DOWN", "Write-down")))
                .with("secretary", isSecretary(society)).with("form", form).with("errors", errors);
    }

    private boolean isSecretary(Society society) {
        return caller.isPlatformAdmin() || caller.rolesIn(society.id()).contains(Role.SECRETARY);
    }
}
