package coop.cooperage.members.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.Holdings;
import coop.cooperage.members.control.Nominations;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** "My membership": a member's own entry, holding and nominations, and what the society holds about them. */
@Path("s/{society}/my-membership")
@Produces(MediaType.TEXT_HTML)
public class MyMembershipPages {

    @Inject
    Societies societies;

    @Inject
    PersonalData personalData;

    @Inject
    Register register;

    @Inject
    Nominations nominations;

    @Inject
    Holdings holdings;

    @Inject
    Caller caller;

    @Inject
    coop.cooperage.members.control.ContactChanges changes;

    @Inject
    coop.cooperage.platform.control.Transactions tx;

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Page mine() {
        Society society = societies.forCaller(slug, Role.values());
        return mine(society, caller.requireAccount());
    }

    private Page mine(Society society, Account account) {
        Member m = personalData.memberFor(society, account).orElse(null);
        var page = Page.of("members/mine").with("title", "My membership").with("society", society).with("member", m);
        if (m != null) {
            page.with("form", java.util.Map.of("address", m.address(), "postcode", m.postcode().value(),
                    "email", m.email() == null ? "" : m.email()));
            page.with("holding", holdings.of(society.id(), m.id(), register.today())).with("nominations", nominations.of(m))
                    .with("local", society.areaOfBenefit().contains(m.postcode().value())).with("limit", Nominations.LIMIT);
        }
        return page;
    }

    @jakarta.ws.rs.POST
    @Path("change")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public jakarta.ws.rs.core.Response requestChange(jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.values());
        Account account = caller.requireAccount();
        Member m = personalData.memberFor(society, account)
                .orElseThrow(() -> new coop.cooperage.platform.control.NoSuchResourceException("You are not a member of this society"));
        var in = new coop.cooperage.platform.boundary.web.FormInput(form);
        try {
            String sentTo = tx.call(() -> changes.request(society, m, in.text("address"), in.text("postcode"), in.text("email")));
            return coop.cooperage.platform.boundary.web.Flash.redirect(request, "/s/" + society.slug() + "/my-membership",
                    "We have emailed " + sentTo + " a link to confirm the change. Nothing changes until you follow it.");
        } catch (coop.cooperage.platform.control.InvalidInputException e) {
            return jakarta.ws.rs.core.Response.status(400).entity(mine(society, account).with("form", in.values())
                    .with("errors", e.byField())).build();
        }
    }

    @GET
    @Path("confirm")
    public jakarta.ws.rs.core.Response confirm(@jakarta.ws.rs.QueryParam("token") String token) {
        Society society = societies.forCaller(slug, Role.values());
        try {
            changes.confirm(society, token);
            return coop.cooperage.platform.boundary.web.Flash.redirect(request, "/s/" + society.slug() + "/my-membership",
                    "Your details have been changed");
        } catch (coop.cooperage.platform.control.InvalidInputException e) {
            return jakarta.ws.rs.core.Response.status(400).entity(Page.of("error").with("status", 400)
                    .with("title", "This link cannot be used").with("detail", e.getMessage())).build();
        }
    }

    @GET
    @Path("data")
    public Page data() {
        Society society = societies.forCaller(slug, Role.values());
        Account account = caller.requireAccount();
        Member m = personalData.memberFor(society, account).orElse(null);
        return Page.of("members/my-data").with("title", "Everything we hold about you").with("society", society)
                .with("sections", sections(personalData.subjectAccess(society, account, m)));
    }

    /** A heading and groups of (name, value) rows, so the page can show any section the export has. */
    public record Section(String title, java.util.List<java.util.List<java.util.Map.Entry<String, Object>>> groups) {
    }

    static java.util.List<Section> sections(java.util.Map<String, Object> data) {
        var out = new java.util.ArrayList<Section>();
        data.forEach((title, value) -> {
            var groups = new java.util.ArrayList<java.util.List<java.util.Map.Entry<String, Object>>>();
            if (value instanceof java.util.Map<?, ?> map) {
                groups.add(rows(map));
            } else if (value instanceof java.util.List<?> list) {
                list.forEach(item -> groups.add(item instanceof java.util.Map<?, ?> map ? rows(map)
                        : java.util.List.of(java.util.Map.entry("value", (Object) String.valueOf(item)))));
            } else {
                groups.add(java.util.List.of(java.util.Map.entry(title, (Object) String.valueOf(value))));
            }
            out.add(new Section(title, groups));
        });
        return out;
    }

    private static java.util.List<java.util.Map.Entry<String, Object>> rows(java.util.Map<?, ?> map) {
        var rows = new java.util.ArrayList<java.util.Map.Entry<String, Object>>();
        map.forEach((k, v) -> rows.add(java.util.Map.entry(String.valueOf(k), (Object) String.valueOf(v))));
        return rows;
    }
}
