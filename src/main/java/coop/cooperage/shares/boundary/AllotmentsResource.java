package coop.cooperage.shares.boundary;

import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.boundary.JobJson;
import coop.cooperage.shares.control.Allotments;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Allotment of a closed offer: the proposal for officers, approval by a director or the secretary. */
@Path("api/v1/societies/{society}/allotments/{offer}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Allotments")
public class AllotmentsResource {

    /** The board's decision: its date. */
    public record Approval(LocalDate decidedOn) {
    }

    @Inject
    Societies societies;

    @Inject
    Allotments allotments;

    @PathParam("society")
    String slug;

    @PathParam("offer")
    String offer;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The allotment proposal for a closed offer (409 while it is open), or the allotment as made once approved")
    public AllotmentJson view() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return AllotmentJson.of(allotments.view(society, offer));
    }

    @POST
    @Transactional
    @Operation(summary = "Approve the allotment as now proposed, as the board's decision of decidedOn: admits applicants, writes the"
            + " ledger, issues certificates, emails investors and owes the refunds, all in one transaction, as a job. Answers 202"
            + " Accepted at once with the job (its Location is polled until SUCCEEDED or FAILED). A director or the secretary;"
            + " 409 if already allotted or already being approved")
    public Response approve(Approval approval) {
        Society society = societies.forCaller(slug, Role.DIRECTOR, Role.SECRETARY);
        var job = allotments.queueApproval(society, offer, approval == null ? null : approval.decidedOn());
        return Response.accepted(JobJson.of(job)).location(uri.getBaseUriBuilder().path(JobJson.location(society.slug(), job.id())).build())
                .build();
    }
}
