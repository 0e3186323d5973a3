package coop.cooperage.society.boundary;

import coop.cooperage.identity.control.ApiTokens;
import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.ApiToken;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API tokens of a society, which its secretary creates and revokes. */
@Path("api/v1/societies/{society}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
public class TokensResource {

    public record TokenRequest(String name) {
    }

    public record TokenJson(long id, String name, String prefix, LocalDateTime createdAt, LocalDateTime lastUsedAt,
            LocalDateTime revokedAt, String secret) {
        static TokenJson of(ApiToken t, String secret) {
            return new TokenJson(t.id(), t.name(), t.prefix(), t.createdAt(), t.lastUsedAt(), t.revokedAt(), secret);
        }
    }

    @Inject
    Societies societies;

    @Inject
    ApiTokens tokens;

    @Inject
    Caller caller;

    @PathParam("society")
    String slug;

    @GET
    @Operation(summary = "API tokens of the society (secretary); secrets are never shown again")
    public List<TokenJson> list() {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return tokens.ofSociety(society.id()).stream().map(t -> TokenJson.of(t, null)).toList();
    }

    @POST
    @Transactional
    @Operation(summary = "Create an API token acting as you in this society (secretary); the secret is in this response only")
    public Response create(TokenRequest input) {
        SocietiesResource.requireBody(input);
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var issued = tokens.create(society.id(), caller.requireAccount().id(), input.name());
        return Response.status(201).entity(TokenJson.of(issued.token(), issued.secret())).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revoke an API token (secretary)")
    public Response revoke(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        tokens.revoke(society.id(), id);
        return Response.noContent().build();
    }
}
