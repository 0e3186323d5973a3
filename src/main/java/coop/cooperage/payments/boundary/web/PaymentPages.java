package coop.cooperage.payments.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.money.Money;
import coop.cooperage.payments.control.HandPayment;
import coop.cooperage.payments.control.MoneyIn;
import coop.cooperage.payments.control.StatementColumns;
import coop.cooperage.payments.control.StatementFiles;
import coop.cooperage.payments.control.StatementFormatException;
import coop.cooperage.payments.entity.BankStatementLine;
import coop.cooperage.payments.entity.LineState;
import coop.cooperage.payments.entity.StatementFileFormat;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.FormInput;
import coop.cooperage.platform.boundary.web.MultipartForm;
import coop.cooperage.platform.boundary.web.Option;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.shares.entity.SharePayment;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The treasurer's money-in pages: the review (proposals to confirm, unmatched credits, partial and
 * over-payments), recording a payment by hand, importing a statement (with a column-mapping step
 * for other banks' CSV), a statement's lines, and an application's payments with reversal.
 * The treasurer and the secretary act; other officers see the review and the lists.
 */
@Path("s/{society}/payments")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class PaymentPages {

    private static final Role[] WRITERS = {Role.TREASURER, Role.SECRETARY};

    /** A CSV waiting in the session for its columns to be matched. */
    public record Upload(String fileName, byte[] content) implements Serializable {
    }

    /** A line as the review shows it, with the application proposed or confirmed for it. */
    public record LineView(BankStatementLine line, MoneyIn.ApplicationSummary application) {
        public String choice() {
            return line.id() + ":" + (application == null ? "" : application.id());
        }
    }

    @Inject
    Societies societies;

    @Inject
    MoneyIn moneyIn;

    @Inject
    Transactions tx;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    // ---- review ------------------------------------------------------------------------------

    @GET
    public Page review() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return reviewPage(society, Map.of(), Map.of());
    }

    private Page reviewPage(Society society, Map<String, String> errors, Map<String, String> form) {
        var proposed = views(society, moneyIn.lines(society, LineState.PROPOSED));
        var unmatched = views(society, moneyIn.lines(society, LineState.UNMATCHED));
        long exact = proposed.stream().filter(v -> MoneyIn.confirmableInBulk(v.line())).count();
        return Page.of("payments/review").with("title", "Money in").with("society", society).with("proposed", proposed)
                .with("unmatched", unmatched).with("exactCount", exact).with("discrepancies", moneyIn.discrepancies(society))
                .with("canWrite", canWrite(society)).with("errors", errors).with("form", form);
    }

    private List<LineView> views(Society society, List<BankStatementLine> lines) {
        Set<Long> ids = new HashSet<>();
        lines.forEach(l -> {
            if (l.applicationId() != null) {
                ids.add(l.applicationId());
            }
        });
        var apps = moneyIn.summaries(society, ids);
        return lines.stream().map(l -> new LineView(l, l.applicationId() == null ? null : apps.get(l.applicationId()))).toList();
    }

    @POST
    @Path("confirmations")
    public Response confirm(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, WRITERS);
        MoneyIn.Confirmed done;
        if ("exact".equals(form.getFirst("all"))) {
            done = tx.call(() -> moneyIn.confirmAllExact(society));
        } else {
            var chosen = new LinkedHashMap<Long, Long>();
            for (String v : form.getOrDefault("line", List.of())) {
                String[] p = v.split(":", -1);
                try {
                    chosen.put(Long.valueOf(p[0]), p.length > 1 && !p[1].isEmpty() ? Long.valueOf(p[1]) : null);
                } catch (NumberFormatException e) {
                    // a tampered value names no line: ignore it
                }
            }
            if (chosen.isEmpty()) {
                return Response.status(400).entity(reviewPage(society, Map.of("proposed", "Select the matches to confirm"), Map.of()))
                        .build();
            }
            done = tx.call(() -> moneyIn.confirm(society, chosen));
        }
        String message = done.confirmed() + (done.confirmed() == 1 ? " payment" : " payments") + " confirmed"
                + (done.skipped() > 0 ? "; " + done.skipped() + " no longer proposed, so left alone" : "");
        return Flash.redirect(request, "/s/" + society.slug() + "/payments", message);
    }

    @POST
    @Path("lines/{id}/match")
    public Response match(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, WRITERS);
        String reference = new FormInput(form).text("reference");
        try {
            var p = tx.call(() -> moneyIn.matchByHand(society, id, reference));
            return Flash.redirect(request, "/s/" + society.slug() + "/payments",
                    p.amount() + " recorded against " + reference.strip().toUpperCase());
        } catch (InvalidInputException e) {
            return Response.status(400).entity(reviewPage(society, Map.of("reference-" + id, e.errors().get(0).message()),
                    Map.of("reference-" + id, reference == null ? "" : reference))).build();
        }
    }

    @POST
    @Path("lines/{id}/ignore")
    public Response ignore(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, WRITERS);
        String reason = new FormInput(form).text("reason");
        try {
            tx.run(() -> moneyIn.ignore(society, id, reason));
            return Flash.redirect(request, "/s/" + society.slug() + "/payments", "The line has been set aside: " + reason);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(reviewPage(society, Map.of("reason-" + id, e.errors().get(0).message()),
                    Map.of("reason-" + id, reason == null ? "" : reason))).build();
        }
    }

    // ---- recording by hand -------------------------------------------------------------------

    @GET
    @Path("new")
    public Page recordForm() {
        Society society = societies.forCaller(slug, WRITERS);
        return recordPage(society, Map.of("method", "CHEQUE", "key", UUID.randomUUID().toString()), Map.of());
    }

    private Page recordPage(Society society, Map<String, String> form, Map<String, String> errors) {
        return Page.of("payments/record").with("title", "Record a payment").with("society", society).with("form", form)
                .with("errors", errors).with("methods", List.of(new Option("CHEQUE", "Cheque"), new Option("BANK_TRANSFER", "Bank transfer")));
    }

    @POST
    public Response record(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, WRITERS);
        var in = new FormInput(form);
        Money amount = null;
        String amountText = in.text("amount");
        if (amountText != null && !amountText.isEmpty()) {
            try {
                amount = Money.parse(amountText.replace("£", ""));
            } catch (IllegalArgumentException e) {
                in.errors().add("amount", "Enter the amount in pounds and pence, like 250.00");
            }
        }
        var date = in.date("receivedOn", "Enter the date the money was received as a real date");
        var method = in.choice("method", SharePayment.Method.class, "Choose cheque or bank transfer");
        var input = new HandPayment(in.text("reference"), amount, date, method, in.text("payer"), in.text("bankReference"));
        try {
            in.errors().merge(input.validate(moneyIn.today())).throwIfAny();
            var p = tx.call(() -> moneyIn.record(society, input, in.text("key")));
            var a = moneyIn.summaries(society, Set.of(p.applicationId())).get(p.applicationId());
            return Flash.redirect(request, "/s/" + society.slug() + "/payments/applications/" + a.reference(),
                    p.amount() + " recorded against " + a.reference() + " (" + a.investor() + ")");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(recordPage(society, in.values(), e.byField())).build();
        }
    }

    // ---- an application's payments -----------------------------------------------------------

    @GET
    @Path("applications/{reference}")
    public Page application(@PathParam("reference") String reference) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return applicationPage(society, reference, Map.of());
    }

    private Page applicationPage(Society society, String reference, Map<String, String> errors) {
        var a = moneyIn.application(society, reference);
        return Page.of("payments/application").with("title", "Payments for " + a.reference()).with("society", society)
                .with("app", moneyIn.summaries(society, Set.of(a.id())).get(a.id())).with("payments", moneyIn.payments(a))
                .with("reversed", moneyIn.reversed(a)).with("canWrite", canWrite(society)).with("errors", errors);
    }

    @POST
    @Path("{id}/reversal")
    public Response reverse(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, WRITERS);
        var payment = moneyIn.payment(society, id);
        String reference = moneyIn.summaries(society, Set.of(payment.applicationId())).get(payment.applicationId()).reference();
        String reason = new FormInput(form).text("reason");
        try {
            tx.run(() -> moneyIn.reverse(society, id, reason));
            return Flash.redirect(request, "/s/" + society.slug() + "/payments/applications/" + reference,
                    "Payment reversed by a correction of " + payment.amount().times(-1));
        } catch (InvalidInputException e) {
            return Response.status(e instanceof ConflictException ? 409 : 400)
                    .entity(applicationPage(society, reference, Map.of("reason-" + id, e.errors().get(0).message()))).build();
        }
    }

    // ---- statements --------------------------------------------------------------------------

    @GET
    @Path("statements")
    public Page statements() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return statementsPage(society, Map.of()).with("format", "AUTO");
    }

    private Page statementsPage(Society society, Map<String, String> errors) {
        var formats = new ArrayList<Option>();
        formats.add(new Option("AUTO", "Recognise it (OFX, Co-operative Bank text, Starling CSV)"));
        Stream.of(StatementFileFormat.values()).forEach(f -> formats.add(new Option(f.name(), f.label())));
        return Page.of("payments/statements").with("title", "Bank statements").with("society", society)
                .with("statements", moneyIn.statements(society)).with("formats", formats).with("canWrite", canWrite(society))
                .with("errors", errors);
    }

    @GET
    @Path("statements/{id}")
    public Page statement(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        var statement = moneyIn.statement(society, id);
        return Page.of("payments/statement").with("title", statement.fileName()).with("society", society).with("statement", statement)
                .with("lines", views(society, moneyIn.linesOf(society, id)));
    }

    @POST
    @Path("statements")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(byte[] body, @HeaderParam("Content-Type") String contentType) {
        Society society = societies.forCaller(slug, WRITERS);
        String chosen = "AUTO";
        try {
            var form = MultipartForm.parse(contentType, body);
            var file = form.part("file");
            var formatPart = form.part("format");
            chosen = formatPart == null ? "AUTO" : formatPart.text().strip();
            if (file == null || file.content().length == 0) {
                throw new InvalidInputException("file", "Choose the statement file you downloaded from the bank");
            }
            String fileName = file.fileName() == null || file.fileName().isBlank() ? "statement" : file.fileName();
            StatementFileFormat format = format(chosen, file.content());
            if (format == StatementFileFormat.CSV) {
                List<String> headers = header(file.content(), ',');
                request.getSession().setAttribute(key(), new Upload(fileName, file.content()));
                return Response.ok(mappingPage(society, fileName, headers, guess(headers), Map.of())).build();
            }
            var imported = tx.call(() -> moneyIn.importStatement(society, format, file.content(), fileName, null));
            return Flash.redirect(request, "/s/" + society.slug() + "/payments", importedMessage(imported));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(statementsPage(society, e.byField()).with("format", chosen)).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(statementsPage(society, Map.of("file", e.getMessage())).with("format", chosen))
                    .build();
        }
    }

    @POST
    @Path("statements/mapping")
    public Response importMapped(MultivaluedMap<String, String> form) {
        Society society = societies.forCaller(slug, WRITERS);
        Object stored = request.getSession().getAttribute(key());
        if (!(stored instanceof Upload upload)) {
            return Response.status(400).entity(statementsPage(society,
                    Map.of("file", "Upload the file again: the column matching page had expired")).with("format", "CSV")).build();
        }
        var in = new FormInput(form);
        var columns = new HashMap<String, String>();
        for (StatementColumns.Field f : StatementColumns.Field.values()) {
            columns.put(f.name(), in.text("column-" + f.name()));
        }
        String delimiter = in.text("delimiter");
        try {
            var mapping = StatementColumns.mapping(columns, in.text("datePattern"), delimiter);
            var imported = tx.call(() -> moneyIn.importStatement(society, StatementFileFormat.CSV, upload.content(), upload.fileName(),
                    mapping));
            request.getSession().removeAttribute(key());
            return Flash.redirect(request, "/s/" + society.slug() + "/payments", importedMessage(imported));
        } catch (InvalidInputException e) {
            List<String> headers;
            try {
                headers = header(upload.content(), delimiter == null || delimiter.isEmpty() ? ','
                        : delimiter.equalsIgnoreCase("tab") ? '\t' : delimiter.charAt(0));
            } catch (InvalidInputException again) {
                headers = header(upload.content(), ',');
            }
            var chosen = new HashMap<String, String>(columns);
            chosen.put("datePattern", in.text("datePattern"));
            chosen.put("delimiter", delimiter);
            return Response.status(400).entity(mappingPage(society, upload.fileName(), headers, chosen, e.byField())).build();
        }
    }

    private Page mappingPage(Society society, String fileName, List<String> headers, Map<String, String> chosen,
            Map<String, String> errors) {
        return Page.of("payments/mapping").with("title", "Match the statement's columns").with("society", society)
                .with("fileName", fileName).with("headers", headers).with("fields", StatementColumns.Field.values())
                .with("patterns", StatementColumns.DATE_PATTERNS).with("chosen", chosen).with("errors", errors);
    }

    /** Suggests a column for each field from common header words; the treasurer checks every one. */
    static Map<String, String> guess(List<String> headers) {
        var chosen = new HashMap<String, String>();
        for (String h : headers) {
            String l = h.toLowerCase();
            if (l.contains("date")) {
                chosen.putIfAbsent("date", h);
            } else if (l.contains("paid in") || l.equals("credit") || l.contains("money in") || l.contains("deposit")) {
                chosen.putIfAbsent("paidIn", h);
            } else if (l.contains("paid out") || l.equals("debit") || l.contains("money out") || l.contains("withdraw")) {
                chosen.putIfAbsent("paidOut", h);
            } else if (l.contains("amount") || l.equals("value")) {
                chosen.putIfAbsent("amount", h);
            } else if (l.contains("balance")) {
                chosen.putIfAbsent("balance", h);
            } else if (l.contains("reference") || l.equals("ref") || l.contains("memo")) {
                chosen.putIfAbsent("reference", h);
            } else if (l.contains("description") || l.contains("payee") || l.contains("details") || l.contains("name")
                    || l.contains("counter")) {
                chosen.putIfAbsent("description", h);
            } else if (l.equals("type") || l.contains("transaction type")) {
                chosen.putIfAbsent("type", h);
            }
        }
        if (chosen.containsKey("amount") && (chosen.containsKey("paidIn") || chosen.containsKey("paidOut"))) {
            chosen.remove("amount");
        }
        chosen.put("datePattern", "dd/MM/yyyy");
        chosen.put("delimiter", ",");
        return chosen;
    }

    private static StatementFileFormat format(String chosen, byte[] content) {
        if (chosen == null || chosen.isEmpty() || chosen.equals("AUTO")) {
            var recognised = StatementFiles.recognise(content);
            if (recognised.isPresent()) {
                return recognised.get();
            }
            if (looksLikeCsv(content)) {
                return StatementFileFormat.CSV;
            }
            throw new InvalidInputException("file", "This file is not in a format Cooperage recognises: choose its format, or "
                    + "download the statement from the bank as OFX or CSV");
        }
        return Stream.of(StatementFileFormat.values()).filter(f -> f.name().equals(chosen)).findFirst()
                .orElseThrow(() -> new InvalidInputException("format", "Choose the statement's format"));
    }

    private static boolean looksLikeCsv(byte[] content) {
        try {
            return StatementFiles.csvHeader(content, ',').size() >= 3;
        } catch (StatementFormatException e) {
            return false;
        }
    }

    private static List<String> header(byte[] content, char delimiter) {
        try {
            return StatementFiles.csvHeader(content, delimiter);
        } catch (StatementFormatException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
    }

    private static String importedMessage(MoneyIn.Imported imported) {
        var s = imported.statement();
        if (imported.alreadyImported()) {
            return s.fileName() + " was already imported; nothing was added";
        }
        return s.fileName() + " imported: " + s.linesAdded() + " new " + (s.linesAdded() == 1 ? "line" : "lines")
                + (s.linesAlreadyImported() > 0 ? ", " + s.linesAlreadyImported() + " already imported from an earlier statement" : "");
    }

    private boolean canWrite(Society society) {
        return caller.isPlatformAdmin() || caller.rolesIn(society.id()).stream().anyMatch(r -> r == Role.TREASURER || r == Role.SECRETARY);
    }

    private String key() {
        return "statement-upload:" + slug;
    }
}
