package coop.cooperage.society.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.boundary.JobJson;
import coop.cooperage.platform.control.AccessDeniedException;
import coop.cooperage.platform.control.Jobs;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.entity.Job;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Jobs of any kind (an allotment's approval...): their state, progress and outcome, for those allowed to see them. */
@Path("api/v1/societies/{society}/jobs/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class JobsResource {

    @Inject
    Societies societies;

    @Inject
    Jobs jobs;

    @Inject
    Caller caller;

    @PathParam("society")
    String slug;

    @PathParam("id")
    long id;

    @GET
    @Operation(summary = "A job's state (QUEUED, RUNNING, SUCCEEDED, FAILED), progress (done of total), message and result links."
            + " Poll it until the state is SUCCEEDED or FAILED")
    public Response get() {
        Society society = societies.forCaller(slug, Role.values());
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(JobJson.of(visible(society, jobs, caller, id))).cacheControl(noStore).build();
    }

    /** The job, if the caller may see it: platform administrators, and those in the society with a role the job names. */
    public static Job visible(Society society, Jobs jobs, Caller caller, long id) {
        Job job = jobs.find(society.id(), id).orElseThrow(() -> new NoSuchResourceException("No such job"));
        var roles = caller.rolesIn(society.id()).stream().map(Role::name).collect(Collectors.toSet());
        if (!caller.isPlatformAdmin() && !job.visibleTo(roles)) {
            throw new AccessDeniedException("Your role in this society does not allow you to see this job");
        }
        return job;
    }
}
