package coop.cooperage.members.boundary;

import coop.cooperage.members.control.RegisterDocuments;
import coop.cooperage.members.control.RegisterEntries;
import coop.cooperage.members.control.RegisterHeader;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The statutory register of members as at a date, as PDF, CSV or XLSX. Streamed: the entries
 * are read in batches while the document is written, so a large register stays in bounded memory.
 */
@Path("api/v1/societies/{society}/members/register.{format: pdf|csv|xlsx}")
@Tag(name = "Members")
public class RegisterDownloadsResource {

    @Inject
    Societies societies;

    @Inject
    RegisterEntries entries;

    @Inject
    RegisterDocuments documents;

    @Inject
    Clock clock;

    @PathParam("society")
    String slug;

    @QueryParam("asAt")
    String asAt;

    @GET
    @Produces({RegisterDocuments.PDF_CONTENT_TYPE, RegisterDocuments.CSV_CONTENT_TYPE, RegisterDocuments.XLSX_CONTENT_TYPE})
    @Operation(summary = "The register of members as at a date (asAt=YYYY-MM-DD, default today): register.pdf, register.csv or register.xlsx")
    public Response download(@PathParam("format") String format) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        LocalDate date = date();
        // entries are read in batches while the document streams out, after this method returns
        StreamingOutput body = switch (format) {
            case "pdf" -> out -> documents.pdf(RegisterHeader.of(society, date, clock), entries.asAt(society, date), out);
            case "csv" -> out -> documents.csv(entries.asAt(society, date), out);
            default -> out -> documents.xlsx(entries.asAt(society, date), out);
        };
        String type = switch (format) {
            case "pdf" -> RegisterDocuments.PDF_CONTENT_TYPE;
            case "csv" -> RegisterDocuments.CSV_CONTENT_TYPE;
            default -> RegisterDocuments.XLSX_CONTENT_TYPE;
        };
        return Response.ok(body, type).header("Content-Disposition",
                "attachment; filename=\"" + society.slug() + "-register-of-members-" + date + "." + format + "\"").build();
    }

    private LocalDate date() {
        LocalDate given = FieldErrors.requireIsoDate("asAt", asAt);
        return given != null ? given : LocalDate.now(clock.withZone(Clocks.UK));
    }
}
