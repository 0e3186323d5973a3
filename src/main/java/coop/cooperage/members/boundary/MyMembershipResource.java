package coop.cooperage.members.boundary;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.control.RegisterDocuments;
import coop.cooperage.members.control.RegisterEntries;
import coop.cooperage.members.control.RegisterHeader;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A member's own record, and everything the society holds about them. */
@Path("api/v1/societies/{society}/my-membership")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My membership")
public class MyMembershipResource {

    @Inject
    Societies societies;

    @Inject
    PersonalData personalData;

    @Inject
    Caller caller;

    @Inject
    RegisterEntries entries;

    @Inject
    RegisterDocuments documents;

    @Inject
    java.time.Clock clock;

    @PathParam("society")
    String slug;

    @GET
    @Operation(summary = "Your entry in the register of members")
    public MemberJson mine() {
        Society society = societies.forCaller(slug, Role.values());
        Member m = personalData.memberFor(society, caller.requireAccount())
                .orElseThrow(() -> new NoSuchResourceException("You are not a member of this society"));
        return MemberJson.of(m, society.areaOfBenefit().contains(m.postcode().value()));
    }

    @GET
    @Path("register-entry.pdf")
    @Produces(RegisterDocuments.PDF_CONTENT_TYPE)
    @Operation(summary = "Your entry in the register of members, as a PDF")
    public Response registerEntry() {
        Society society = societies.forCaller(slug, Role.values());
        Member m = personalData.memberFor(society, caller.requireAccount())
                .filter(x -> x.memberNumber() != null)
                .orElseThrow(() -> new NoSuchResourceException("You are not on the register of this society"));
        var today = java.time.LocalDate.now(clock.withZone(coop.cooperage.platform.control.Clocks.UK));
        var entry = entries.of(society, m, today);
        jakarta.ws.rs.core.StreamingOutput body = out -> documents.pdf(RegisterHeader.of(society, today, clock),
                java.util.List.of(entry).iterator(), out);
        return Response.ok(body, RegisterDocuments.PDF_CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"my-register-entry-" + society.slug() + ".pdf\"").build();
    }

    @GET
    @Path("subject-access")
    @Operation(summary = "Everything the society holds about you (UK GDPR subject access), as JSON")
    public Response subjectAccess() {
        Society society = societies.forCaller(slug, Role.values());
        Account account = caller.requireAccount();
        Member m = personalData.memberFor(society, account).orElse(null);
        Map<String, Object> data = personalData.subjectAccess(society, account, m);
        return Response.ok(data).header("Content-Disposition", "attachment; filename=\"my-data-" + society.slug() + ".json\"").build();
    }
}
