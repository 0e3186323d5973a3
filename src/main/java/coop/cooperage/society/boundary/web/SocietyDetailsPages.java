package coop.cooperage.society.boundary.web;

import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
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
import java.util.HashMap;
import java.util.Map;

/** Editing a society's registration details: its secretary or the platform administrator. */
@Path("s/{society}/details")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class SocietyDetailsPages {

    @Inject
    Societies societies;

    @Inject
    Transactions tx;

    @Context
    HttpServletRequest request;

    @GET
        public Page editForm(@PathParam("society") String slug) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var d = society.details();
        var values = new HashMap<String, String>();
        d.asMap().forEach((k, v) -> values.put(k, v == null ? "" : v.toString()));
        values.put("areaOfBenefit", society.areaOfBenefit().toString());
        return SocietyForm.page(society, values, Map.of());
    }

    @POST
    public Response update(@PathParam("society") String slug, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var in = new FormInput(form);
        try {
            tx.run(() -> societies.updateDetails(society, SocietyForm.details(in)));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(SocietyForm.page(society, in.values(), e.byField())).build();
        }
        return Flash.redirect(request, "/s/" + society.slug() + "/settings", "The society's details have been saved");
    }
}
