package coop.cooperage.identity.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.identity.entity.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the API thinks you are. */
@Path("api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class MeResource {

    public record Me(String email, String displayName, boolean platformAdmin, Map<Long, Set<Role>> rolesBySocietyId) {
    }

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The account behind this request and its roles per society id")
    public Me me() {
        Account a = caller.requireAccount();
        var roles = caller.tokenSociety() == null ? caller.rolesBySociety()
                : Map.of(caller.tokenSociety(), caller.rolesIn(caller.tokenSociety()));
        return new Me(a.email(), a.displayName(), caller.isPlatformAdmin(), roles);
    }
}
