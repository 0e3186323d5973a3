package coop.cooperage.members.boundary;

import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.ColumnMapping;
import coop.cooperage.members.control.ImportField;
import coop.cooperage.members.control.ImportProblem;
import coop.cooperage.members.control.ImportReport;
import coop.cooperage.members.control.RegisterImports;
import coop.cooperage.members.control.SpreadsheetFormatException;
import coop.cooperage.members.control.SpreadsheetTable;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Importing an existing register: the file (CSV or XLSX) is the request body; columns are
 * mapped with column.FIELD=Heading query parameters, or guessed from the headings.
 */
@Path("api/v1/societies/{society}/members/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class ImportsResource {

    public record Problem(int row, String column, String severity, String message) {
        static Problem of(ImportProblem p) {
            return new Problem(p.row(), p.column(), p.severity().name(), p.message());
        }
    }

    public record Report(boolean valid, int rows, Map<ImportField, String> mapping, List<Problem> problems, Integer imported,
            Long firstNumber, Long lastNumber) {
    }

    @Inject
    Societies societies;

    @Inject
    RegisterImports imports;

    @Inject
    Transactions tx;

    @Context
    UriInfo uri;

    @PathParam("society")
    String slug;

    @POST
    @Consumes({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Check (dryRun=true, the default) or import a register (secretary). Nothing is imported unless every row is valid; then all rows go in one transaction")
    public Response upload(byte[] file, @QueryParam("dryRun") Boolean dryRun, @QueryParam("fileName") String fileName) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        SpreadsheetTable table = read(file);
        ColumnMapping mapping = mapping(table);
        ImportReport report = imports.check(society, table, mapping);
        var problems = report.problems().stream().map(Problem::of).toList();
        if (dryRun == null || dryRun) {
            return Response.ok(new Report(report.isValid(), report.rowCount(), mapping.asMap(), problems, null, null, null)).build();
        }
        if (!report.isValid()) {
            return Response.status(400).entity(new Report(false, report.rowCount(), mapping.asMap(), problems, 0, null, null)).build();
        }
        var done = tx.call(() -> imports.importAll(society, table, mapping, fileName == null ? "upload" : fileName));
        return Response.ok(new Report(true, report.rowCount(), mapping.asMap(), problems, done.members(), done.firstNumber(),
                done.lastNumber())).build();
    }

    static SpreadsheetTable read(byte[] file) {
        if (file == null || file.length == 0) {
            throw new InvalidInputException("file", "Send the register as CSV or XLSX");
        }
        try {
            return SpreadsheetTable.read(file);
        } catch (SpreadsheetFormatException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
    }

    private ColumnMapping mapping(SpreadsheetTable table) {
        var given = new EnumMap<ImportField, String>(ImportField.class);
        uri.getQueryParameters().forEach((key, values) -> {
            if (key.startsWith("column.")) {
                try {
                    given.put(ImportField.valueOf(key.substring(7)), values.get(0));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(key, "There is no field called " + key.substring(7));
                }
            }
        });
        return given.isEmpty() ? ColumnMapping.suggest(table.headers()) : ColumnMapping.of(given);
    }
}
