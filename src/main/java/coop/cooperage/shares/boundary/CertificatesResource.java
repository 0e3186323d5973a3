package coop.cooperage.shares.boundary;

import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.entity.Member;
import coop.cooperage.shares.control.ShareCertificates;
import coop.cooperage.shares.entity.ShareCertificate;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Share certificates: a member downloads their own, officers any. */
@Path("api/v1/societies/{society}/certificates")
@Tag(name = "Allotments")
public class CertificatesResource {

    public record CertificateJson(long number, Long memberNumber, String name, long shares, long amountPence, LocalDate issuedOn) {
    }

    @Inject
    Societies societies;

    @Inject
    ShareCertificates certificates;

    @PathParam("society")
    String slug;

    @GET
    @Path("mine")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's own share certificates in this society")
    public List<CertificateJson> mine() {
        Society society = societies.forCaller(slug, Role.values());
        var mine = certificates.ofCaller(society);
        return mine.certificates().stream().map(c -> json(c, mine.member())).toList();
    }

    @GET
    @Path("{number: [0-9]{1,18}}.pdf")
    @Produces("application/pdf")
    @Operation(summary = "One share certificate as a PDF: its member or an officer; anyone else 404")
    public Response pdf(@PathParam("number") long number) {
        Society society = societies.forCaller(slug, Role.values());
        ShareCertificate c = certificates.forCaller(society, number);
        return Response.ok(certificates.pdf(society, c), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + society.slug() + "-share-certificate-" + number + ".pdf\"")
                .build();
    }

    static CertificateJson json(ShareCertificate c, Member m) {
        return new CertificateJson(c.number(), m.memberNumber(), m.name(), c.shares(), c.amount().pence(), c.issuedOn());
    }
}
