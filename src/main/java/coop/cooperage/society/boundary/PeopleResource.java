package coop.cooperage.society.boundary;

import coop.cooperage.identity.control.Accounts;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accounts with a role in a society. */
@Path("api/v1/societies/{society}/people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
public class PeopleResource {

    public record PersonJson(String email, String name, Role role) {
    }

    @Inject
    Societies societies;

    @Inject
    Accounts accounts;

    @GET
    @Operation(summary = "Accounts with a role in the society, one row per role (officers)")
    public List<PersonJson> people(@PathParam("society") String slug) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return accounts.rolesOfSociety(society.id()).stream()
                .map(r -> accounts.byId(r.accountId()).map(a -> new PersonJson(a.email(), a.displayName(), r.role())).orElseThrow())
                .toList();
    }
}
