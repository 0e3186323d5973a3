package coop.cooperage.members.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.Admissions;
import coop.cooperage.members.control.Holdings;
import coop.cooperage.members.control.Nominations;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.control.RegisterQuery;
import coop.cooperage.members.entity.CeasingReason;
import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberDetails;
import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Option;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The secretary's register pages: search, record, view, change, cease, applications, nominations. */
@Path("s/{society}")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class MemberPages {

    private static final int PAGE_SIZE = 50;

    @Inject
    Societies societies;

    @Inject
    Register register;

    @Inject
    Admissions admissions;

    @Inject
    Nominations nominations;

    @Inject
    Holdings holdings;

    @Inject
    Transactions tx;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    @Path("members")
    public Response register(@QueryParam("q") String q, @QueryParam("state") String state, @QueryParam("local") String local,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("sort") @DefaultValue("NUMBER") String sort,
            @QueryParam("desc") boolean desc, @QueryParam("page") @DefaultValue("0") int page) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        var form = new HashMap<String, String>();
        form.put("q", q);
        form.put("state", state);
        form.put("local", local);
        form.put("from", from);
        form.put("to", to);
        form.put("sort", sort);
        var view = Page.of("members/register").with("title", "Register of members").with("society", society).with("form", form)
                .with("desc", desc).with("page", Math.max(0, page)).with("pageSize", PAGE_SIZE)
                .with("applications", register.applications(society).size()).with("editable", isSecretary(society))
                .with("states", List.of(new Option("", "Members and former members"), new Option("MEMBER", "Members"),
                        new Option("CEASED", "Former members")))
                .with("localities", List.of(new Option("", "Anywhere"), new Option("true", "In the area of benefit"),
                        new Option("false", "Outside the area of benefit")))
                .with("sorts", List.of(new Option("NUMBER", "Member number"), new Option("NAME", "Name"), new Option("JOINED", "Date joined")));
        var errors = new coop.cooperage.platform.control.FieldErrors();
        LocalDate fromDate = errors.isoDate("from", from);
        LocalDate toDate = errors.isoDate("to", to);
        MemberState st = "MEMBER".equals(state) ? MemberState.MEMBER : "CEASED".equals(state) ? MemberState.CEASED : null;
        Boolean loc = "true".equals(local) ? Boolean.TRUE : "false".equals(local) ? Boolean.FALSE : null;
        RegisterQuery.Sort s = Arrays.stream(RegisterQuery.Sort.values()).filter(x -> x.name().equals(sort)).findFirst()
                .orElse(RegisterQuery.Sort.NUMBER);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(view.with("members", List.of()).with("total", 0L).with("errors", errors.byField())).build();
        }
        var found = register.search(society, new RegisterQuery(q, st, loc, fromDate, toDate, s, desc, page, PAGE_SIZE));
        var area = society.areaOfBenefit();
        var local_ = new HashMap<Long, Boolean>();
        found.members().forEach(m -> local_.put(m.id(), area.contains(m.postcode().value())));
        return Response.ok(view.with("members", found.members()).with("total", found.total()).with("local", local_)).build();
    }

    @GET
    @Path("members/new")
    public Page recordForm() {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return memberForm(society, Map.of("kind", "INDIVIDUAL"), Map.of());
    }

    @POST
    @Path("members")
    public Response record(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        MemberDetails details = details(in);
        LocalDate joined = in.date("joinedOn", "Enter the date joined as a real date");
        try {
            in.errors().merge(details.validate(joined == null ? register.today() : joined, society.rules().minimumAge())).throwIfAny();
            Member m = tx.call(() -> register.record(society, details, joined));
            return Flash.redirect(request, "/s/" + society.slug() + "/members/" + m.memberNumber(),
                    m.name() + " is member number " + m.memberNumber());
        } catch (InvalidInputException e) {
            return Response.status(400).entity(memberForm(society, in.values(), e.byField())).build();
        }
    }

    @GET
    @Path("members/{number}")
    public Page member(@PathParam("number") long number) {
        Society society = societies.forMemberRecord(slug);
        return memberPage(society, register.byNumber(society, number), Map.of(), Map.of());
    }

    @POST
    @Path("members/{number}/contact")
    public Response changeContact(@PathParam("number") long number, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        MemberDetails details = details(in);
        try {
            tx.run(() -> register.changeContact(society, number, details, caller.requireAccount().email()));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(memberPage(society, register.byNumber(society, number), in.values(), e.byField())).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/members/" + number, "The member's details have been changed");
    }

    @POST
    @Path("members/{number}/cessation")
    public Response cease(@PathParam("number") long number, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        LocalDate on = in.date("ceasedOn", "Enter the date membership ended as a real date");
        CeasingReason reason = in.choice("reason", CeasingReason.class, "Choose why membership ended");
        try {
            in.errors().throwIfAny();
            tx.run(() -> register.cease(society, number, on, reason));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(memberPage(society, register.byNumber(society, number), in.values(), e.byField())).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/members/" + number, "The membership has ended");
    }

    @POST
    @Path("members/{number}/nominations")
    public Response nominate(@PathParam("number") long number, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        var percent = in.decimal("sharePercent", "Enter the share of the holding to pass, like 100");
        LocalDate madeOn = in.date("madeOn", "Enter the date the nomination was made as a real date");
        try {
            in.errors().throwIfAny();
            tx.run(() -> nominations.record(society, number, new Nominations.Request(in.text("nomineeName"), in.text("nomineeAddress"),
                    in.text("relationship"), percent, in.flag("officerOrEmployee"), madeOn)));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(memberPage(society, register.byNumber(society, number), in.values(), e.byField())).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/members/" + number, "The nomination has been recorded");
    }

    @POST
    @Path("nominations/{id}/revocation")
    public Response revoke(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var n = tx.call(() -> nominations.revoke(society, id, register.today()));
        var member = register.byId(society, n.memberId());
        return Flash.redirect(request, "/s/" + society.slug() + "/members/" + member.memberNumber(), "The nomination has been revoked");
    }

    /** The book of nominations (s.37): every nomination of every member, revoked ones included. */
    @GET
    @Path("nominations")
    public Page nominationsBook() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        var book = nominations.book(society);
        var members = new HashMap<Long, Member>();
        book.forEach(n -> members.computeIfAbsent(n.memberId(), id -> register.byId(society, id)));
        return Page.of("members/nominations").with("title", "Book of nominations").with("society", society).with("book", book)
                .with("members", members).with("limit", Nominations.LIMIT);
    }

    @GET
    @Path("applications")
    public Page applications() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return applicationsPage(society, Map.of());
    }

    @POST
    @Path("applications/{id}/admission")
    public Response admit(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        try {
            Member m = tx.call(() -> admissions.admit(society, id, null));
            return Flash.redirect(request, "/s/" + society.slug() + "/applications",
                    m.name() + " is now member number " + m.memberNumber() + ". We have emailed them.");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(applicationsPage(society, Map.of("application-" + id, e.getMessage()))).build();
        }
    }

    @POST
    @Path("applications/{id}/rejection")
    public Response reject(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        try {
            Member m = tx.call(() -> register.reject(society, id, form.getFirst("reason")));
            return Flash.redirect(request, "/s/" + society.slug() + "/applications", "The application from " + m.name() + " has been rejected");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(applicationsPage(society, Map.of("reason-" + id, e.getMessage()))).build();
        }
    }

    private Page applicationsPage(Society society, Map<String, String> errors) {
        return Page.of("members/applications").with("title", "Applications").with("society", society)
                .with("applications", register.applications(society)).with("errors", errors).with("editable", isSecretary(society));
    }

    private Page memberForm(Society society, Map<String, String> form, Map<String, String> errors) {
        return Page.of("members/new").with("title", "Record a member").with("society", society).with("form", form).with("errors", errors)
                .with("purposes", EmailPurpose.values());
    }

    private Page memberPage(Society society, Member m, Map<String, String> form, Map<String, String> errors) {
        var values = new HashMap<String, String>(form);
        if (form.isEmpty()) {
            values.put("name", m.name());
            values.put("representative", m.representative());
            values.put("address", m.address());
            values.put("postcode", m.postcode().value());
            values.put("email", m.email());
            m.emailPurposes().forEach(p -> values.put("purpose-" + p.name(), "true"));
        }
        var today = register.today();
        return Page.of("members/member").with("title", m.name()).with("society", society).with("member", m)
                .with("local", society.areaOfBenefit().contains(m.postcode().value()))
                .with("holding", holdings.of(society.id(), m.id(), today)).with("statement", holdings.statement(society.id(), m.id()))
                .with("history", register.history(m)).with("nominations", nominations.of(m)).with("today", today)
                .with("limit", Nominations.LIMIT).with("form", values).with("errors", errors).with("editable", isSecretary(society))
                .with("purposes", EmailPurpose.values())
                .with("reasons", Arrays.stream(CeasingReason.values()).map(r -> new Option(r.name(), r.label())).toList());
    }

    /** Member details as posted by the record, change and application forms. */
    static MemberDetails details(FormInput in) {
        MemberKind kind = in.text("kind") == null ? MemberKind.INDIVIDUAL : in.choice("kind", MemberKind.class, "Choose individual or organisation");
        LocalDate dob = null;
        if (kind == MemberKind.INDIVIDUAL && in.text("dateOfBirth-year") != null) {
            dob = in.date("dateOfBirth", "Enter the date of birth as a real date");
        }
        var purposes = EnumSet.noneOf(EmailPurpose.class);
        for (EmailPurpose p : EmailPurpose.values()) {
            if (in.flag("purpose-" + p.name())) {
                purposes.add(p);
            }
        }
        return new MemberDetails(kind, in.text("name"), in.text("representative"), in.text("address"), in.text("postcode"),
                in.text("email"), purposes, dob, in.flag("registeredSociety"));
    }

    private boolean isSecretary(Society society) {
        return caller.isPlatformAdmin() || caller.rolesIn(society.id()).contains(Role.SECRETARY);
    }


}
