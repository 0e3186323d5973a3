package coop.cooperage.society.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Option;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Outbox;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Jurisdiction;
import coop.cooperage.society.entity.Society;
import coop.cooperage.society.entity.SocietyDetails;
import coop.cooperage.society.entity.SocietyType;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Creating and editing societies (platform administrator; a society's secretary may edit its
 * details), and reading the mail outbox.
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AdminPages {

    @Inject
    Societies societies;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @GET
    @Path("admin/societies")
    public Page list() {
        caller.requirePlatformAdmin();
        return Page.of("admin/societies").with("title", "All societies").with("societies", societies.visibleToCaller());
    }

    @GET
    @Path("admin/societies/new")
    public Page newForm() {
        caller.requirePlatformAdmin();
        return form(null, Map.of("brandColour", "#1d70b8", "yearEndMonth", "3", "yearEndDay", "31",
                "type", SocietyType.COMMUNITY_BENEFIT.name(), "jurisdiction", Jurisdiction.GREAT_BRITAIN.name()), Map.of());
    }

    @POST
    @Path("admin/societies")
    @Transactional(dontRollbackOn = InvalidInputException.class)
    public Response create(MultivaluedMap<String, String> form) {
        caller.requirePlatformAdmin();
        var in = new FormInput(form);
        try {
            Society created = societies.create(details(in), null);
            return Flash.redirect(request, "/s/" + created.slug() + "/settings",
                    created.name() + " has been created with the usual rules. Check them below.");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(form(null, in.values(), e.byField())).build();
        }
    }

    @GET
    @Path("s/{society}/details")
    public Page editForm(@PathParam("society") String slug) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var d = society.details();
        var values = new HashMap<String, String>();
        d.asMap().forEach((k, v) -> values.put(k, v == null ? "" : v.toString()));
        values.put("areaOfBenefit", society.areaOfBenefit().toString());
        return form(society, values, Map.of());
    }

    @POST
    @Path("s/{society}/details")
    @Transactional(dontRollbackOn = InvalidInputException.class)
    public Response update(@PathParam("society") String slug, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        try {
            societies.updateDetails(society, details(in));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(form(society, in.values(), e.byField())).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/settings", "The society's details have been saved");
    }

    @GET
    @Path("admin/mail")
    public Page mail() {
        caller.requirePlatformAdmin();
        return Page.of("admin/mail").with("title", "Mail outbox").with("mails", outbox.recent(100));
    }

    private static SocietyDetails details(FormInput in) {
        SocietyType type = in.choice("type", SocietyType.class, "Choose the type of society");
        Jurisdiction jurisdiction = in.choice("jurisdiction", Jurisdiction.class, "Choose where the society is registered");
        Integer month = in.integer("yearEndMonth", "Enter the month the financial year ends, 1 to 12");
        Integer day = in.integer("yearEndDay", "Enter the day the financial year ends");
        var details = new SocietyDetails(in.text("slug"), in.text("name"), in.text("fcaNumber"), type, jurisdiction,
                in.text("registeredOffice"), in.text("areaOfBenefit"), month, day, in.text("brandColour"));
        // a field unreadable as typed gets the reading error, not a second one from validation
        in.errors().merge(details.normalised().validate()).throwIfAny();
        return details;
    }

    private Page form(Society society, Map<String, String> values, Map<String, String> errors) {
        return Page.of("admin/society-form").with("title", society == null ? "Create a society" : "Society details")
                .with("society", society).with("form", values).with("errors", errors)
                .with("types", Arrays.stream(SocietyType.values()).map(t -> new Option(t.name(), t.label())).toList())
                .with("jurisdictions", Arrays.stream(Jurisdiction.values()).map(j -> new Option(j.name(), j.label())).toList());
    }
}
