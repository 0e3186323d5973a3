package coop.cooperage.members.boundary;

import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.Admissions;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Membership applications: anyone may apply; the secretary admits or rejects. */
@Path("api/v1/societies/{society}/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class ApplicationsResource {

    public record Applied(String reference) {
    }

    public record Admission(LocalDate admittedOn) {
    }

    public record Rejection(String reason) {
    }

    @Inject
    Societies societies;

    @Inject
    Register register;

    @Inject
    Admissions admissions;

    @PathParam("society")
    String slug;

    @POST
    @Transactional
    @Operation(summary = "Apply for membership (no sign-in needed); answers the application's reference")
    public Response apply(MemberJson input) {
        if (input == null) {
            throw new InvalidInputException("body", "Send the applicant's details");
        }
        Society society = societies.bySlug(slug).orElseThrow(() -> new NoSuchResourceException("No such society"));
        Member m = register.apply(society, input.details());
        return Response.status(201).entity(new Applied(m.applicationRef())).build();
    }

    @GET
    @Operation(summary = "Applications waiting for a decision (officers)")
    public List<MemberJson> waiting() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return register.applications(society).stream().map(m -> MemberJson.of(m, society.areaOfBenefit().contains(m.postcode().value())))
                .toList();
    }

    @POST
    @Path("{reference}/admission")
    @Transactional
    @Operation(summary = "Admit an applicant: the next member number, an email, and an invitation to sign in (secretary)")
    public MemberJson admit(@PathParam("reference") String reference, Admission input) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Member m = admissions.admit(society, register.byReference(society, reference).id(), input == null ? null : input.admittedOn());
        return MemberJson.of(m, society.areaOfBenefit().contains(m.postcode().value()));
    }

    @POST
    @Path("{reference}/rejection")
    @Transactional
    @Operation(summary = "Reject an application with a reason, emailed to the applicant (secretary)")
    public MemberJson reject(@PathParam("reference") String reference, Rejection input) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Member m = register.reject(society, register.byReference(society, reference).id(), input == null ? null : input.reason());
        return MemberJson.of(m, society.areaOfBenefit().contains(m.postcode().value()));
    }
}
