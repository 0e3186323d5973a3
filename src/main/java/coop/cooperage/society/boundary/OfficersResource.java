package coop.cooperage.society.boundary;

import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.society.control.Officers;
import coop.cooperage.society.control.OfficersReport;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The register of officers. */
@Path("api/v1/societies/{society}/officers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Officers")
public class OfficersResource {

    public record Appointment(coop.cooperage.society.entity.Office office, String name, LocalDate appointedOn) {
    }

    public record Ending(LocalDate endedOn) {
    }

    @Inject
    Societies societies;

    @Inject
    Officers officers;

    @Inject
    OfficersReport report;

    @Inject
    Clock clock;

    @PathParam("society")
    String slug;

    @GET
    @Operation(summary = "Every appointment, current and former")
    public List<OfficerJson> list() {
        return officers.register(societies.forCaller(slug, Societies.OFFICERS)).stream().map(OfficerJson::of).toList();
    }

    @POST
    @Transactional
    @Operation(summary = "Record an appointment (secretary)")
    public Response appoint(Appointment input) {
        SocietiesResource.requireBody(input);
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var created = officers.appoint(society, input.office(), input.name(), input.appointedOn());
        return Response.status(201).entity(OfficerJson.of(created)).build();
    }

    @POST
    @Path("{id}/end")
    @Transactional
    @Operation(summary = "Record the end of an appointment (secretary)")
    public OfficerJson end(@PathParam("id") long id, Ending input) {
        SocietiesResource.requireBody(input);
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return OfficerJson.of(officers.end(society, id, input.endedOn()));
    }

    @GET
    @Path("register.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The register of officers as a PDF, as at a date (default today)")
    public Response pdf(@QueryParam("asAt") String asAt) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        LocalDate given = coop.cooperage.platform.control.FieldErrors.requireIsoDate("asAt", asAt);
        LocalDate date = given != null ? given : LocalDate.now(clock.withZone(Clocks.UK));
        return Response.ok(report.pdf(society, date), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + society.slug() + "-officers-" + date + ".pdf\"")
                .build();
    }

}
