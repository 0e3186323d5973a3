package coop.cooperage.society.boundary;

import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.boundary.JobJson;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.control.SocietyJobs;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Jobs of any kind (an allotment's approval...): their state, progress and outcome, for those allowed to see them. */
@Path("api/v1/societies/{society}/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class JobsResource {

    @Inject
    Societies societies;

    @Inject
    SocietyJobs jobs;

    @PathParam("society")
    String slug;

    @GET
    @Operation(summary = "The society's latest jobs (at most " + SocietyJobs.LISTED + "), newest first, that the caller may see")
    public Response list() {
        Society society = societies.forCaller(slug, Role.values());
        return Response.ok(jobs.visible(society).stream().map(JobJson::of).toList()).cacheControl(noStore()).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A job's state (QUEUED, RUNNING, SUCCEEDED, FAILED), progress (done of total), message and result links."
            + " Poll it until the state is SUCCEEDED or FAILED")
    public Response get(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        return Response.ok(JobJson.of(jobs.visible(society, id))).cacheControl(noStore()).build();
    }

    private static CacheControl noStore() {
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }
}
