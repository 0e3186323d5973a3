package coop.cooperage.members.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.Nominations;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.shares.control.ShareLedger;
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
    ShareLedger ledger;

    @Inject
    Caller caller;

    @PathParam("society")
    String slug;

    @GET
    public Page mine() {
        Society society = societies.forCaller(slug, Role.values());
        Account account = caller.requireAccount();
        Member m = personalData.memberFor(society, account).orElse(null);
        var page = Page.of("members/mine").with("title", "My membership").with("society", society).with("member", m);
        if (m != null) {
            page.with("holding", ledger.holding(society.id(), m.id(), register.today())).with("nominations", nominations.of(m))
                    .with("local", society.areaOfBenefit().contains(m.postcode().value())).with("limit", Nominations.LIMIT);
        }
        return page;
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
