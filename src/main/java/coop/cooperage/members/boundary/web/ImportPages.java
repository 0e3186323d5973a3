package coop.cooperage.members.boundary.web;

import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.ColumnMapping;
import coop.cooperage.members.control.ImportField;
import coop.cooperage.members.control.ImportReport;
import coop.cooperage.members.control.RegisterImports;
import coop.cooperage.members.control.SpreadsheetFormatException;
import coop.cooperage.members.control.SpreadsheetTable;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.MultipartForm;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.EnumMap;
import java.util.Map;

/**
 * Importing an existing register in three steps: upload the file, map its columns, see every
 * problem (dry run), then import it all at once. The uploaded file waits in the session.
 */
@Path("s/{society}/members/import")
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    public record Upload(String fileName, byte[] content) implements java.io.Serializable {
    }

    @Inject
    Societies societies;

    @Inject
    RegisterImports imports;

    @Inject
    Transactions tx;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    public Page uploadForm() {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return Page.of("members/import-upload").with("title", "Import a register").with("society", society);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(byte[] body, @HeaderParam("Content-Type") String contentType) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        try {
            var form = MultipartForm.parse(contentType, body);
            var file = form.part("file");
            if (file == null || file.content().length == 0) {
                throw new InvalidInputException("file", "Choose a CSV or Excel (XLSX) file");
            }
            SpreadsheetTable table = read(file.content());
            var upload = new Upload(file.fileName() == null ? "upload" : file.fileName(), file.content());
            request.getSession().setAttribute(key(), upload);
            return Response.ok(mappingPage(society, table, ColumnMapping.suggest(table.headers()), Map.of())).build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Page.of("members/import-upload").with("title", "Import a register")
                    .with("society", society).with("errors", e.byField())).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Page.of("members/import-upload").with("title", "Import a register")
                    .with("society", society).with("errors", Map.of("file", e.getMessage()))).build();
        }
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Upload upload = upload();
        SpreadsheetTable table = read(upload.content());
        ColumnMapping mapping = mapping(form);
        ImportReport report = imports.check(society, table, mapping);
        return Response.status(report.isValid() ? 200 : 400).entity(reportPage(society, upload, table, mapping, report)).build();
    }

    @POST
    @Path("run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Upload upload = upload();
        SpreadsheetTable table = read(upload.content());
        ColumnMapping mapping = mapping(form);
        try {
            var done = tx.call(() -> imports.importAll(society, table, mapping, upload.fileName()));
            request.getSession().removeAttribute(key());
            return Flash.redirect(request, "/s/" + society.slug() + "/members",
                    done.members() + " members imported from " + upload.fileName() + ", with their opening share balances");
        } catch (InvalidInputException e) {
            ImportReport report = imports.check(society, table, mapping);
            return Response.status(400).entity(reportPage(society, upload, table, mapping, report)).build();
        }
    }

    private Page mappingPage(Society society, SpreadsheetTable table, ColumnMapping mapping, Map<String, String> errors) {
        return Page.of("members/import-mapping").with("title", "Match the columns").with("society", society)
                .with("fields", ImportField.values()).with("headers", table.headers()).with("mapping", mapping.asMap())
                .with("rows", table.rows().size()).with("errors", errors);
    }

    private Page reportPage(Society society, Upload upload, SpreadsheetTable table, ColumnMapping mapping, ImportReport report) {
        var page = Page.of("members/import-report").with("title", report.isValid() ? "Ready to import" : "Problems in the file")
                .with("society", society).with("fileName", upload.fileName()).with("report", report).with("mapping", mapping.asMap())
                .with("fields", ImportField.values()).with("headers", table.headers()).with("valid", report.isValid())
                .with("errorList", report.errors()).with("warningList", report.warnings());
        if (report.isValid()) {
            page.with("memberCount", report.members().size()).with("totalShares", report.totalShares())
                    .with("totalPaid", report.totalPaid());
        }
        return page;
    }

    private Upload upload() {
        Object upload = request.getSession().getAttribute(key());
        if (!(upload instanceof Upload u)) {
            throw new InvalidInputException("file", "Upload the file again: this page has expired");
        }
        return u;
    }

    private static SpreadsheetTable read(byte[] content) {
        try {
            return SpreadsheetTable.read(content);
        } catch (SpreadsheetFormatException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
    }

    private static ColumnMapping mapping(MultivaluedMap<String, String> form) {
        var given = new EnumMap<ImportField, String>(ImportField.class);
        for (ImportField f : ImportField.values()) {
            String header = form.getFirst("column-" + f.name());
            if (header != null && !header.isBlank()) {
                given.put(f, header);
            }
        }
        return ColumnMapping.of(given);
    }

    private String key() {
        return "import:" + slug;
    }
}
