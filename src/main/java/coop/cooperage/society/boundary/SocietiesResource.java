package coop.cooperage.society.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Societies and their rules. */
@Path("api/v1/societies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Societies")
public class SocietiesResource {

    @Inject
    Societies societies;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The societies you have a role in (all of them for a platform administrator)")
    public List<SocietyJson> list() {
        caller.requireAccount();
        return societies.visibleToCaller().stream().map(SocietyJson::of).toList();
    }

    @POST
    @Transactional
    @Operation(summary = "Create a society (platform administrator); rules default to the usual values")
    public Response create(SocietyJson input) {
        caller.requirePlatformAdmin();
        requireBody(input);
        Society created = societies.create(input.details(), null);
        return Response.created(UriBuilder.fromPath("/api/v1/societies/{s}").build(created.slug()))
                .entity(SocietyJson.of(created)).build();
    }

    @GET
    @Path("{society}")
    @Operation(summary = "One society, with its rules")
    public SocietyJson get(@PathParam("society") String slug) {
        return SocietyJson.of(societies.forCaller(slug, Role.values()));
    }

    @PUT
    @Path("{society}")
    @Transactional
    @Operation(summary = "Change a society's registration details (platform administrator or secretary)")
    public SocietyJson update(@PathParam("society") String slug, SocietyJson input) {
        requireBody(input);
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return SocietyJson.of(societies.updateDetails(society, input.details()));
    }

    @GET
    @Path("{society}/settings")
    @Operation(summary = "The society's rules as settings")
    public Map<String, Object> settings(@PathParam("society") String slug) {
        return societies.forCaller(slug, Societies.OFFICERS).rules().asMap();
    }

    @PATCH
    @Path("{society}/settings")
    @Transactional
    @Operation(summary = "Change some of the society's rules (secretary); fields left out keep their values")
    public Map<String, Object> changeSettings(@PathParam("society") String slug, RulesJson input) {
        requireBody(input);
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return societies.updateRules(society, input.mergedInto(society.rules())).rules().asMap();
    }

    static void requireBody(Object input) {
        if (input == null) {
            throw new InvalidInputException("body", "Send a JSON body");
        }
    }
}
