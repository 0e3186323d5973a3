package coop.cooperage.payments.boundary;

import coop.cooperage.identity.entity.Role;
import coop.cooperage.money.Money;
import coop.cooperage.payments.control.HandPayment;
import coop.cooperage.payments.control.MoneyIn;
import coop.cooperage.payments.control.StatementColumns;
import coop.cooperage.payments.control.StatementFiles;
import coop.cooperage.payments.entity.BankStatement;
import coop.cooperage.payments.entity.BankStatementLine;
import coop.cooperage.payments.entity.LineState;
import coop.cooperage.payments.entity.StatementFileFormat;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.shares.entity.SharePayment;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Money in against share applications: payments recorded by hand, bank statements imported and
 * reviewed, proposals confirmed, lines matched by hand or ignored, payments reversed. The
 * treasurer and the secretary change things; every officer reads.
 */
@Path("api/v1/societies/{society}/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class PaymentsResource {

    /** Who may record and decide money in. */
    static final Role[] WRITERS = {Role.TREASURER, Role.SECRETARY};

    public record NewPayment(String reference, String amount, LocalDate receivedOn, SharePayment.Method method, String payer,
            String bankReference) {
    }

    public record PaymentJson(long id, String application, long amountPence, LocalDate receivedOn, String method, String payer,
            String bankReference, Long statementLineId, LocalDateTime recordedAt, boolean reversed) {
        static PaymentJson of(SharePayment p, String reference, boolean reversed) {
            return new PaymentJson(p.id(), reference, p.amount().pence(), p.receivedOn(), p.method().name(), p.payer(),
                    p.bankReference(), p.statementLineId(), p.recordedAt(), reversed);
        }
    }

    public record ApplicationPayments(String reference, String investor, String state, long duePence, long paidPence,
            List<PaymentJson> payments) {
    }

    public record StatementJson(long id, String format, String fileName, String bankId, String accountId, LocalDate firstDate,
            LocalDate lastDate, int linesInFile, int creditsInFile, int linesAdded, int linesAlreadyImported,
            LocalDateTime importedAt, Boolean alreadyImported) {
        static StatementJson of(BankStatement s, Boolean again) {
            // masked when stored; masked again here so a row kept before V8_5 could never show in clear
            return new StatementJson(s.id(), s.format().name(), s.fileName(), BankStatement.masked(s.bankId()),
                    BankStatement.masked(s.accountId()), s.firstDate(), s.lastDate(),
                    s.linesInFile(), s.creditsInFile(), s.linesAdded(), s.linesAlreadyImported(), s.importedAt(), again);
        }
    }

    public record LineJson(long id, long statementId, int lineNo, LocalDate postedOn, long amountPence, String description,
            String reference, String type, String state, String application, String basis, String kind, Long applicationDuePence,
            Long applicationPaidPence, List<String> candidates, Long paymentId, String ignoredReason) {
    }

    public record DiscrepancyJson(String reference, String investor, String state, long duePence, long paidPence,
            long differencePence, String kind) {
    }

    public record Review(List<LineJson> proposed, List<LineJson> unmatched, List<DiscrepancyJson> partialAndOverpaid) {
    }

    public record Confirmation(List<Long> lines, Boolean allExact) {
    }

    public record ConfirmedJson(int confirmed, int skipped) {
    }

    public record Match(String reference) {
    }

    public record Reason(String reason) {
    }

    @Inject
    Societies societies;

    @Inject
    MoneyIn moneyIn;

    @Inject
    coop.cooperage.platform.control.Transactions tx;

    @Context
    UriInfo uri;

    @PathParam("society")
    String slug;

    @POST
    @Transactional
    @Operation(summary = "Record a payment by hand (treasurer, secretary): reference, amount (pounds, like \"250.00\"), receivedOn, "
            + "method CHEQUE or BANK_TRANSFER, payer, bankReference. An Idempotency-Key header makes a retry return the first payment")
    public Response record(NewPayment input, @HeaderParam("Idempotency-Key") String key) {
        Society society = societies.forCaller(slug, WRITERS);
        if (input == null) {
            throw new InvalidInputException("payment", "Send the payment's details");
        }
        Money amount = null;
        if (input.amount() != null && !input.amount().isBlank()) {
            try {
                amount = Money.parse(input.amount().strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("amount", "Enter the amount in pounds and pence, like 250.00");
            }
        }
        SharePayment p = moneyIn.record(society, new HandPayment(input.reference(), amount, input.receivedOn(), input.method(),
                input.payer(), input.bankReference()), key);
        var a = moneyIn.application(society, input.reference());
        return Response.status(201).entity(PaymentJson.of(p, a.reference(), false)).build();
    }

    @GET
    @Path("applications/{reference}")
    @Operation(summary = "What an application is due and has been paid, with every payment and correction")
    public ApplicationPayments application(@PathParam("reference") String reference) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        var a = moneyIn.application(society, reference);
        var summary = moneyIn.summaries(society, Set.of(a.id())).get(a.id());
        Set<Long> reversed = moneyIn.reversed(a);
        return new ApplicationPayments(a.reference(), summary.investor(), a.state().name(), a.amount().pence(), summary.paid().pence(),
                moneyIn.payments(a).stream().map(p -> PaymentJson.of(p, a.reference(), reversed.contains(p.id()))).toList());
    }

    @POST
    @Path("{id}/reversal")
    @Transactional
    @Operation(summary = "Reverse a payment recorded by mistake with a negative CORRECTION row (treasurer, secretary); "
            + "a statement line it came from becomes unmatched again")
    public Response reverse(@PathParam("id") long id, Reason input) {
        Society society = societies.forCaller(slug, WRITERS);
        var original = moneyIn.payment(society, id);
        SharePayment correction = moneyIn.reverse(society, id, input == null ? null : input.reason());
        String reference = moneyIn.summaries(society, Set.of(original.applicationId())).get(original.applicationId()).reference();
        return Response.status(201).entity(PaymentJson.of(correction, reference, false)).build();
    }

    @POST
    @Path("statements")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "text/csv", "text/plain", "application/x-ofx", "application/ofx",
            MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(summary = "Import a statement file sent as the body (treasurer, secretary). format: AUTO (default: OFX, the "
            + "Co-operative Bank text export and Starling CSV are recognised), COOP_BANK_TEXT, STARLING_CSV, OFX or CSV with "
            + "column.date, datePattern, column.description, column.reference, column.amount or column.paidIn and column.paidOut, "
            + "column.balance, column.type and delimiter. 201 with the statement; 200 with alreadyImported when this file was "
            + "imported before. Lines already imported from an overlapping statement are not added again")
    public Response importStatement(byte[] file, @QueryParam("format") String formatText, @QueryParam("fileName") String fileName,
            @QueryParam("datePattern") String datePattern, @QueryParam("delimiter") String delimiter) {
        Society society = societies.forCaller(slug, WRITERS);
        if (file == null || file.length == 0) {
            throw new InvalidInputException("file", "Send the statement file as the request body");
        }
        StatementFileFormat format;
        if (formatText == null || formatText.isBlank() || formatText.equalsIgnoreCase("AUTO")) {
            format = StatementFiles.recognise(file).orElseThrow(() -> new InvalidInputException("format",
                    "The file is not one Cooperage recognises (OFX, Co-operative Bank text, Starling CSV): give format=CSV with "
                            + "its columns, or the format it is in"));
        } else {
            format = Stream.of(StatementFileFormat.values()).filter(f -> f.name().equalsIgnoreCase(formatText.strip())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("format",
                            "Choose format AUTO, COOP_BANK_TEXT, STARLING_CSV, OFX or CSV"));
        }
        var mapping = format == StatementFileFormat.CSV ? StatementColumns.mapping(columns(), datePattern, delimiter) : null;
        var imported = tx.call(() -> moneyIn.importStatement(society, format, file, fileName, mapping));
        return Response.status(imported.alreadyImported() ? 200 : 201)
                .entity(StatementJson.of(imported.statement(), imported.alreadyImported())).build();
    }

    private Map<String, String> columns() {
        var columns = new HashMap<String, String>();
        uri.getQueryParameters().forEach((key, values) -> {
            if (key.startsWith("column.")) {
                String field = key.substring(7);
                if (Stream.of(StatementColumns.Field.values()).noneMatch(f -> f.name().equals(field))) {
                    throw new InvalidInputException(key, "There is no statement field called " + field);
                }
                columns.put(field, values.get(0));
            }
        });
        return columns;
    }

    @GET
    @Path("statements")
    @Operation(summary = "Imported statements, newest first")
    public List<StatementJson> statements() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return moneyIn.statements(society).stream().map(s -> StatementJson.of(s, null)).toList();
    }

    @GET
    @Path("statements/{id}/lines")
    @Operation(summary = "Every line of one statement that it brought in, with its state")
    public List<LineJson> statementLines(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return lines(society, moneyIn.linesOf(society, id));
    }

    @GET
    @Path("review")
    @Operation(summary = "Proposed matches to confirm, unmatched credits, and applications with partial or over-payments")
    public Review review() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return new Review(lines(society, moneyIn.lines(society, LineState.PROPOSED)),
                lines(society, moneyIn.lines(society, LineState.UNMATCHED)),
                moneyIn.discrepancies(society).stream().map(d -> new DiscrepancyJson(d.reference(), d.investor(), d.state().name(),
                        d.due().pence(), d.paid().pence(), d.difference().pence(), d.isOverpaid() ? "OVER" : "PARTIAL")).toList());
    }

    @POST
    @Path("confirmations")
    @Transactional
    @Operation(summary = "Confirm proposed lines (lines: ids) or every exact match on an application's reference (allExact: true); "
            + "each writes a payment. A match on the amount alone is confirmed only by naming its line. "
            + "Lines no longer proposed are skipped, so confirming again adds nothing")
    public ConfirmedJson confirm(Confirmation input) {
        Society society = societies.forCaller(slug, WRITERS);
        if (input == null || (input.lines() == null && !Boolean.TRUE.equals(input.allExact()))) {
            throw new InvalidInputException("lines", "Send the ids of the lines to confirm, or allExact: true");
        }
        MoneyIn.Confirmed done;
        if (Boolean.TRUE.equals(input.allExact())) {
            done = moneyIn.confirmAllExact(society);
        } else {
            done = moneyIn.confirm(society, chosen(input.lines()));
        }
        return new ConfirmedJson(done.confirmed(), done.skipped());
    }

    /** The lines to confirm, each for whatever is proposed for it now; a missing id is refused before anything is looked up. */
    static Map<Long, Long> chosen(List<Long> lines) {
        var chosen = new LinkedHashMap<Long, Long>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) == null) {
                throw new InvalidInputException("lines", "Line " + (i + 1) + " of lines is null: send the id of each line to confirm");
            }
            chosen.put(lines.get(i), null);
        }
        return chosen;
    }

    @POST
    @Path("lines/{id}/match")
    @Transactional
    @Operation(summary = "Say which application an unmatched (or proposed) line pays for; the payment is recorded at once")
    public Response match(@PathParam("id") long id, Match input) {
        Society society = societies.forCaller(slug, WRITERS);
        var p = moneyIn.matchByHand(society, id, input == null ? null : input.reference());
        return Response.status(201).entity(PaymentJson.of(p, moneyIn.application(society, input.reference()).reference(), false)).build();
    }

    @POST
    @Path("lines/{id}/ignore")
    @Transactional
    @Operation(summary = "Set a credit aside as not a payment for shares, with the reason")
    public LineJson ignore(@PathParam("id") long id, Reason input) {
        Society society = societies.forCaller(slug, WRITERS);
        var line = moneyIn.ignore(society, id, input == null ? null : input.reason());
        return lines(society, List.of(line)).get(0);
    }

    private List<LineJson> lines(Society society, List<BankStatementLine> lines) {
        Set<Long> ids = new HashSet<>();
        lines.forEach(l -> {
            if (l.applicationId() != null) {
                ids.add(l.applicationId());
            }
        });
        var apps = moneyIn.summaries(society, ids);
        return lines.stream().map(l -> {
            var a = l.applicationId() == null ? null : apps.get(l.applicationId());
            return new LineJson(l.id(), l.statementId(), l.lineNo(), l.postedOn(), l.amount().pence(), l.description(), l.reference(),
                    l.bankType(), l.state().name(), a == null ? null : a.reference(), l.matchBasis() == null ? null : l.matchBasis().name(),
                    l.matchKind() == null ? null : l.matchKind().name(), a == null ? null : a.due().pence(),
                    a == null ? null : a.paid().pence(),
                    l.candidates() == null ? List.of() : List.of(l.candidates().split(", ")), l.paymentId(), l.ignoredReason());
        }).toList();
    }
}
