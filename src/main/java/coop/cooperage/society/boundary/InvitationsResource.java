package coop.cooperage.society.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.control.Invitations;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Inviting someone by email to take a role in a society. */
@Path("api/v1/societies/{society}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
public class InvitationsResource {

    public record InvitationRequest(String email, String name, Role role) {
    }

    @Inject
    Societies societies;

    @Inject
    Invitations invitations;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @Operation(summary = "Invite someone by email to take a role (secretary); the link works once, for 7 days")
    public Response invite(@PathParam("society") String slug, InvitationRequest input) {
        SocietiesResource.requireBody(input);
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var invitation = invitations.invite(society.id(), society.name(), input.email(), input.name(), input.role(),
                caller.requireAccount().id());
        return Response.status(202)
                .entity(new PeopleResource.PersonJson(invitation.email(), invitation.displayName(), invitation.role())).build();
    }
}
