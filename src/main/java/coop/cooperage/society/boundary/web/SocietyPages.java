package coop.cooperage.society.boundary.web;

import coop.cooperage.identity.control.Accounts;
import coop.cooperage.identity.control.ApiTokens;
import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.control.Invitations;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Option;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.society.control.Officers;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Office;
import coop.cooperage.society.entity.RuleChangeMajority;
import coop.cooperage.society.entity.Society;
import coop.cooperage.society.entity.SocietyRules;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/** A society's own pages: dashboard, rules, officers, people and API tokens. */
@Path("s/{society}")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class SocietyPages {

    @Inject
    Societies societies;

    @Inject
    Transactions tx;

    @Inject
    Officers officers;

    @Inject
    Accounts accounts;

    @Inject
    Invitations invitations;

    @Inject
    ApiTokens tokens;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Page dashboard() {
        Society society = societies.forCaller(slug, Role.values());
        var today = LocalDate.now(clock.withZone(Clocks.UK));
        return Page.of("society/dashboard").with("title", "Dashboard").with("society", society)
                .with("currentOfficers", officers.register(society).stream().filter(o -> o.isCurrentOn(today)).toList())
                .with("yearEnd", society.yearEndFor(today))
                .with("filingDeadline", society.yearEndFor(today).minusYears(1).plusMonths(7));
    }

    @GET
    @Path("settings")
    public Page settings() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return settingsPage(society, null, Map.of());
    }

    @POST
    @Path("settings")
    public Response changeSettings(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        String whole = "Enter a whole number";
        var rules = new SocietyRules(
                pence(in, "nominalShare"),
                orZero(in.whole("minimumHoldingShares", whole)),
                orZero(in.whole("maximumHoldingShares", whole)),
                pence(in, "statutoryCap"),
                orZero(in.integer("minimumAge", whole)),
                orZero(in.integer("withdrawalNoticeDays", whole)),
                in.decimal("withdrawalAnnualCapPercent", "Enter a percentage, like 10"),
                orZero(in.integer("meetingNoticeClearDays", whole)),
                orZero(in.integer("quorumMembers", whole)),
                in.decimal("quorumPercent", "Enter a percentage, like 10"),
                in.flag("quorumCountsProxies"),
                in.choice("ruleChangeMajority", RuleChangeMajority.class, "Choose the majority a rule change needs"),
                in.flag("proxiesAllowed"),
                orZero(in.integer("proxyMaxPerHolder", whole)),
                orZero(in.integer("proxyDeadlineHours", whole)),
                orZero(in.integer("retentionYears", whole)),
                orZero(in.integer("boardQuorum", whole)),
                orZero(in.integer("meetingReminderDays", whole)));
        try {
            // every problem at once: what could not be read as typed, then what breaks the rules
            in.errors().merge(formFields(rules.validate(society.jurisdiction()))).throwIfAny();
            tx.run(() -> societies.updateRules(society, rules));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(settingsPage(society, in.values(), e.byField())).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/settings", "The society's rules have been saved");
    }

    private Page settingsPage(Society society, Map<String, String> submitted, Map<String, String> errors) {
        var r = society.rules();
        Map<String, String> form = submitted != null ? submitted : Map.ofEntries(
                Map.entry("nominalShare", r.nominalShareValue().pounds().toPlainString()),
                Map.entry("minimumHoldingShares", String.valueOf(r.minimumHoldingShares())),
                Map.entry("maximumHoldingShares", String.valueOf(r.maximumHoldingShares())),
                Map.entry("statutoryCap", r.statutoryCap().pounds().toPlainString()),
                Map.entry("minimumAge", String.valueOf(r.minimumAge())),
                Map.entry("withdrawalNoticeDays", String.valueOf(r.withdrawalNoticeDays())),
                Map.entry("withdrawalAnnualCapPercent", r.withdrawalAnnualCapPercent().stripTrailingZeros().toPlainString()),
                Map.entry("meetingNoticeClearDays", String.valueOf(r.meetingNoticeClearDays())),
                Map.entry("quorumMembers", String.valueOf(r.quorumMembers())),
                Map.entry("quorumPercent", r.quorumPercent().stripTrailingZeros().toPlainString()),
                Map.entry("quorumCountsProxies", String.valueOf(r.quorumCountsProxies())),
                Map.entry("ruleChangeMajority", r.ruleChangeMajority().name()),
                Map.entry("proxiesAllowed", String.valueOf(r.proxiesAllowed())),
                Map.entry("proxyMaxPerHolder", String.valueOf(r.proxyMaxPerHolder())),
                Map.entry("proxyDeadlineHours", String.valueOf(r.proxyDeadlineHours())),
                Map.entry("retentionYears", String.valueOf(r.retentionYears())),
                Map.entry("boardQuorum", String.valueOf(r.boardQuorum())),
                Map.entry("meetingReminderDays", String.valueOf(r.meetingReminderDays())));
        return Page.of("society/settings").with("title", "Settings").with("society", society).with("form", form)
                .with("errors", errors).with("editable", caller.isPlatformAdmin() || caller.rolesIn(society.id()).contains(Role.SECRETARY))
                .with("majorities", Arrays.stream(RuleChangeMajority.values()).map(m -> new Option(m.name(), m.label())).toList());
    }

    @GET
    @Path("officers")
    public Page officersPage() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return officersPage(society, Map.of(), Map.of());
    }

    private Page officersPage(Society society, Map<String, String> form, Map<String, String> errors) {
        var today = LocalDate.now(clock.withZone(Clocks.UK));
        return Page.of("society/officers").with("title", "Register of officers").with("society", society)
                .with("officers", officers.register(society)).with("today", today).with("form", form).with("errors", errors)
                .with("offices", Arrays.stream(Office.values()).map(o -> new Option(o.name(), o.label())).toList())
                .with("editable", caller.isPlatformAdmin() || caller.rolesIn(society.id()).contains(Role.SECRETARY));
    }

    @POST
    @Path("officers")
    public Response appoint(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        Office office = in.choice("office", Office.class, "Choose the office");
        LocalDate on = in.date("appointedOn", "Enter the date of appointment as a real date");
        try {
            in.errors().throwIfAny();
            tx.run(() -> officers.appoint(society, office, in.text("personName"), on));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(officersPage(society, in.values(), e.byField())).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/officers", in.text("personName") + " has been added to the register");
    }

    @POST
    @Path("officers/{id}/end")
    public Response end(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        LocalDate on = in.date("endedOn", "Enter the date the appointment ended as a real date");
        try {
            in.errors().throwIfAny();
            tx.run(() -> officers.end(society, id, on));
        } catch (InvalidInputException e) {
            var errors = Map.of("endedOn-" + id, e.getMessage());
            return Response.status(400).entity(officersPage(society, in.values(), errors)).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/officers", "The appointment has been ended");
    }

    @GET
    @Path("people")
    public Page people() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return peoplePage(society, Map.of(), Map.of());
    }

    private Page peoplePage(Society society, Map<String, String> form, Map<String, String> errors) {
        var people = accounts.rolesOfSociety(society.id()).stream()
                .map(r -> Map.of("account", accounts.byId(r.accountId()).orElseThrow(), "role", r.role())).toList();
        return Page.of("society/people").with("title", "People").with("society", society).with("people", people)
                .with("form", form).with("errors", errors)
                .with("roleOptions", Arrays.stream(Role.values()).map(r -> new Option(r.name(), r.label())).toList())
                .with("editable", caller.isPlatformAdmin() || caller.rolesIn(society.id()).contains(Role.SECRETARY));
    }

    @POST
    @Path("invitations")
    public Response invite(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        Role role = in.choice("role", Role.class, "Choose a role");
        try {
            in.errors().throwIfAny();
            long inviter = caller.requireAccount().id();
            tx.run(() -> invitations.invite(society.id(), society.name(), in.text("email"), in.text("displayName"), role, inviter));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(peoplePage(society, in.values(), e.byField())).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/people", "An invitation has been emailed to " + in.text("email"));
    }

    @GET
    @Path("tokens")
    public Page tokensPage() {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return tokensPage(society, null, Map.of(), Map.of());
    }

    private Page tokensPage(Society society, String secret, Map<String, String> form, Map<String, String> errors) {
        return Page.of("society/tokens").with("title", "API tokens").with("society", society)
                .with("tokens", tokens.ofSociety(society.id())).with("secret", secret).with("form", form).with("errors", errors);
    }

    /** The secret is shown on this response only: it is not stored, so it is not redirected to. */
    @POST
    @Path("tokens")
    public Response createToken(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        try {
            long account = caller.requireAccount().id();
            var issued = tx.call(() -> tokens.create(society.id(), account, in.text("name")));
            return Response.ok(tokensPage(society, issued.secret(), Map.of(), Map.of())).build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(tokensPage(society, null, in.values(), e.byField())).build();
        }
    }

    @POST
    @Path("tokens/{id}/revoke")
    @Transactional
    public Response revoke(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        tokens.revoke(society.id(), id);
        return Flash.redirect(request, "/s/" + society.slug() + "/tokens", "The token has been revoked");
    }

    /** The form asks for pounds where the rules hold pence: errors are shown against the form's fields. */
    private static coop.cooperage.platform.control.FieldErrors formFields(coop.cooperage.platform.control.FieldErrors ruleErrors) {
        var renamed = new coop.cooperage.platform.control.FieldErrors();
        ruleErrors.list().forEach(error -> renamed.add(error.field().replace("Pence", ""), error.message()));
        return renamed;
    }

    static long pence(FormInput in, String field) {
        String text = in.text(field);
        try {
            return coop.cooperage.money.Money.parse(text).pence();
        } catch (IllegalArgumentException | ArithmeticException e) {
            in.errors().add(field, "Enter an amount in pounds, like 1 or 1.00");
            return 0;
        }
    }

    static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

}
