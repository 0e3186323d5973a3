package coop.cooperage.society.boundary;

import coop.cooperage.identity.control.Accounts;
import coop.cooperage.identity.control.ApiTokens;
import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.control.Invitations;
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

/** Who has access to a society: people and their roles, invitations, and API tokens. */
@Path("api/v1/societies/{society}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
public class AccessResource {

    public record TokenRequest(String name) {
    }

    public record TokenJson(long id, String name, String prefix, LocalDateTime createdAt, LocalDateTime lastUsedAt,
            LocalDateTime revokedAt, String secret) {
        static TokenJson of(ApiToken t, String secret) {
            return new TokenJson(t.id(), t.name(), t.prefix(), t.createdAt(), t.lastUsedAt(), t.revokedAt(), secret);
        }
    }

    public record InvitationRequest(String email, String name, Role role) {
    }

    public record PersonJson(String email, String name, Role role) {
    }

    @Inject
    Societies societies;

    @Inject
    ApiTokens tokens;

    @Inject
    Invitations invitations;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @PathParam("society")
    String slug;

    @GET
    @Path("people")
    @Operation(summary = "Accounts with a role in the society (officers)")
    public List<PersonJson> people() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return accounts.rolesOfSociety(society.id()).stream()
                .map(r -> accounts.byId(r.accountId()).map(a -> new PersonJson(a.email(), a.displayName(), r.role())).orElseThrow())
                .toList();
    }

    @POST
    @Path("invitations")
    @Transactional
    @Operation(summary = "Invite someone by email to take a role (secretary)")
    public Response invite(InvitationRequest input) {
        SocietiesResource.requireBody(input);
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var invitation = invitations.invite(society.id(), society.name(), input.email(), input.name(), input.role(),
                caller.requireAccount().id());
        return Response.status(202).entity(new PersonJson(invitation.email(), invitation.displayName(), invitation.role())).build();
    }

    @GET
    @Path("tokens")
    @Operation(summary = "API tokens of the society (secretary); secrets are never shown again")
    public List<TokenJson> tokens() {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return tokens.ofSociety(society.id()).stream().map(t -> TokenJson.of(t, null)).toList();
    }

    @POST
    @Path("tokens")
    @Transactional
    @Operation(summary = "Create an API token acting as you in this society (secretary); the secret is in this response only")
    public Response createToken(TokenRequest input) {
        SocietiesResource.requireBody(input);
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var issued = tokens.create(society.id(), caller.requireAccount().id(), input.name());
        return Response.status(201).entity(TokenJson.of(issued.token(), issued.secret())).build();
    }

    @DELETE
    @Path("tokens/{id}")
    @Transactional
    @Operation(summary = "Revoke an API token (secretary)")
    public Response revoke(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        tokens.revoke(society.id(), id);
        return Response.noContent().build();
    }
}
