package coop.cooperage.shares.boundary;

import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.shares.control.Allotments;
import coop.cooperage.shares.control.ShareReports;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The share reports for officers: an offer's summary, and the share capital as at a date. */
@Path("api/v1/societies/{society}/share-reports")
@Tag(name = "Allotments")
public class ShareReportsResource {

    static final String CSV = "text/csv; charset=UTF-8";

    public record DistrictJson(String district, boolean local, long applications, long sharesRequested, long paidPence,
            long sharesAllotted) {
    }

    public record SummaryJson(String offer, String title, String state, long applications, long sharesRequested, long paidPence,
            long sharesAllotted, long localApplications, long localPaidPence, long otherApplications, long otherPaidPence,
            List<DistrictJson> districts) {
    }

    public record CapitalJson(LocalDate asAt, long members, long shares, long amountPence) {
    }

    @Inject
    Societies societies;

    @Inject
    Allotments allotments;

    @Inject
    ShareReports reports;

    @PathParam("society")
    String slug;

    @GET
    @Path("offers/{offer}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An offer's applications and money raised: in total, local and not, by postcode district")
    public SummaryJson summary(@PathParam("offer") String offer) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        var s = reports.summary(society, allotments.offer(society, offer));
        return new SummaryJson(s.offer().slug(), s.offer().title(), s.offer().state().name(), s.applications(), s.sharesRequested(),
                s.paid().pence(), s.sharesAllotted(), s.localApplications(), s.localPaid().pence(), s.otherApplications(),
                s.otherPaid().pence(), s.districts().stream().map(d -> new DistrictJson(d.district(), d.local(), d.applications(),
                        d.sharesRequested(), d.paid().pence(), d.sharesAllotted())).toList());
    }

    @GET
    @Path("offers/{offer}/summary.{format: pdf|csv}")
    @Produces({"application/pdf", CSV})
    @Operation(summary = "The offer summary as PDF or CSV")
    public Response summaryDocument(@PathParam("offer") String offer, @PathParam("format") String format) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        var s = reports.summary(society, allotments.offer(society, offer));
        StreamingOutput body = "pdf".equals(format) ? out -> reports.summaryPdf(society, s, out) : out -> reports.summaryCsv(s, out);
        return Response.ok(body, "pdf".equals(format) ? "application/pdf" : CSV).header("Content-Disposition",
                "attachment; filename=\"" + society.slug() + "-" + offer + "-summary." + format + "\"").build();
    }

    @GET
    @Path("capital")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The share capital as at a date (asAt=YYYY-MM-DD, default today): members holding shares and totals")
    public CapitalJson capital(@QueryParam("asAt") String asAt) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        var t = reports.capitalTotals(society, date(asAt));
        return new CapitalJson(t.asAt(), t.members(), t.shares(), t.amount().pence());
    }

    @GET
    @Path("capital.{format: pdf|csv}")
    @Produces({"application/pdf", CSV})
    @Operation(summary = "The share capital as at a date, member by member, as PDF or CSV (streamed)")
    public Response capitalDocument(@PathParam("format") String format, @QueryParam("asAt") String asAt) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        LocalDate date = date(asAt);
        // holdings are read in batches while the document streams out
        StreamingOutput body = "pdf".equals(format) ? out -> reports.capitalPdf(society, date, out)
                : out -> reports.capitalCsv(society, date, out);
        return Response.ok(body, "pdf".equals(format) ? "application/pdf" : CSV).header("Content-Disposition",
                "attachment; filename=\"" + society.slug() + "-share-capital-" + date + "." + format + "\"").build();
    }

    private LocalDate date(String asAt) {
        LocalDate given = FieldErrors.requireIsoDate("asAt", asAt);
        return given != null ? given : reports.today();
    }
}
