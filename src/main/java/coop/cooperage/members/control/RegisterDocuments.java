package coop.cooperage.members.control;

import coop.cooperage.members.entity.RegisterEntry;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.reporting.control.ReportRenderer;
import coop.cooperage.reporting.control.ReportRenderer.Fill;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The statutory register of members (2014 Act s.30) as a download: a PDF to print or file, and the same entries as
 * CSV and XLSX to work with. Every format carries every field the Act names: name (and for a member that is an
 * organisation, who represents it), postal address, email address and the uses of email the member agreed to, shares
 * held and the amount paid on them, other property held in the society, date entered and date ceased.
 *
 * <p>Entries are pulled from an {@link Iterator} one at a time and written out as they come, in the order given
 * (sort them by member number first), so the whole register never has to be in memory: it can come from a database
 * cursor or a batched query, and the register of 50,000 members renders in a small, fixed heap. The PDF's pages are
 * swapped to disk as they fill; the XLSX keeps a window of rows in memory and the rest in compressed temporary files,
 * deleted before each method returns. No method closes the iterator's source or {@code out}.
 *
 * <p>Usable without a container: {@code new RegisterDocuments(new ReportRenderer())}.
 */
@ApplicationScoped
public class RegisterDocuments {

    /** The design, {@code reports/members/register.jrxml}. */
    public static final String REPORT = "members/register";

    public static final String PDF_CONTENT_TYPE = "application/pdf";
    public static final String CSV_CONTENT_TYPE = "text/csv; charset=UTF-8";
    public static final String XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * The column headings of the CSV and XLSX, in order: the s.30 fields. The address is its lines (separated by a
     * line feed) without the postcode, which has a column of its own for sorting and mail merges.
     */
    public static final List<String> HEADINGS = List.of("Member number", "Name", "Representative", "Address",
            "Postcode", "Email", "Email may be used for", "Shares held", "Amount paid (£)",
            "Other property held in the society", "Date entered", "Date ceased");

    /** Dates as the PDF prints them: "31 March 2024". */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    /** Rows SXSSF keeps in memory before it writes the oldest to its temporary file. */
    private static final int XLSX_ROWS_IN_MEMORY = 200;
    private static final String UTF8_BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    private ReportRenderer renderer;

    /** For CDI's client proxy only. */
    protected RegisterDocuments() {
    }

    @Inject
    public RegisterDocuments(ReportRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /**
     * The register as a PDF (A4 landscape, one row per entry, headings and "Page X of Y" on every page, with the
     * number of members and the totals of shares and amount paid on the first page). Filled with pages swapped to
     * disk, so memory stays bounded however many entries there are.
     */
    public void pdf(RegisterHeader header, Iterator<RegisterEntry> entries, OutputStream out) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(entries, "entries");
        Totals totals = new Totals();
        Iterator<Map<String, String>> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Map<String, String> next() {
                return pdfRow(entries.next(), totals);
            }
        };
        renderer.writePdf(REPORT, parameters(header), rows, Fill.SWAP_TO_DISK, out);
    }

    /**
     * The register as CSV (RFC 4180): UTF-8 with a byte order mark, so that Excel reads "Siân" as written rather than
     * in its ANSI code page; CRLF between records; a field quoted only when it holds a comma, a quote or a line
     * break. The first record is {@link #HEADINGS}. Amounts are plain numbers in pounds ({@code 1250.00}), share
     * counts and member numbers plain integers, dates ISO 8601 ({@code 2024-03-31}), a date ceased empty while the
     * member has not ceased.
     *
     * <p><b>Formula injection.</b> A spreadsheet opening a CSV treats a cell that starts with {@code =}, {@code +},
     * {@code -} or {@code @} as a formula (and some also after a leading tab or carriage return), so a member who
     * calls themselves {@code =HYPERLINK("http://...")} could make the secretary's spreadsheet run it. Every text
     * field that starts with one of those six characters is written with a leading apostrophe ({@code '=HYPERLINK...}),
     * which the spreadsheet shows as text; the apostrophe is then part of the value for any other reader. Numbers and
     * dates come from this class, not from what someone typed, and a spreadsheet reads them as the numbers and dates
     * they are, so they are left as they are.
     */
    public void csv(Iterator<RegisterEntry> entries, OutputStream out) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(out, "out");
        try {
            Writer csv = new BufferedWriter(new OutputStreamWriter(new KeepOpen(out), StandardCharsets.UTF_8), 64 * 1024);
            csv.write(UTF8_BOM);
            csv.write(HEADINGS.stream().map(RegisterDocuments::csvField).collect(Collectors.joining(",")));
            csv.write(CRLF);
            while (entries.hasNext()) {
                RegisterEntry e = entries.next();
                csv.write(Long.toString(e.memberNumber()));
                csv.write(',');
                csv.write(csvText(e.name()));
                csv.write(',');
                csv.write(csvText(e.representative()));
                csv.write(',');
                csv.write(csvText(addressLines(e.address())));
                csv.write(',');
                csv.write(csvText(e.postcode()));
                csv.write(',');
                csv.write(csvText(e.email()));
                csv.write(',');
                csv.write(csvText(e.emailPurposes()));
                csv.write(',');
                csv.write(Long.toString(e.sharesHeld()));
                csv.write(',');
                csv.write(BigDecimal.valueOf(e.amountPaidPence(), 2).toPlainString());
                csv.write(',');
                csv.write(csvText(e.otherProperty()));
                csv.write(',');
                csv.write(e.dateEntered() == null ? "" : e.dateEntered().toString());
                csv.write(',');
                csv.write(e.dateCeased() == null ? "" : e.dateCeased().toString());
                csv.write(CRLF);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the register of members as CSV", e);
        }
    }

    /**
     * The register as an Excel workbook with one sheet, "Register of members": the header row {@link #HEADINGS} in
     * bold, frozen, with a filter on every column; member numbers, shares and amounts as number cells (amounts
     * formatted {@code £#,##0.00}), dates as date cells, a date ceased empty while the member has not ceased. Written
     * with POI's streaming SXSSF, so memory stays bounded: rows beyond the last {@value #XLSX_ROWS_IN_MEMORY} go to a
     * compressed temporary file that is deleted before this returns. Text is stored as text, never as a formula, so
     * unlike the CSV it needs no guard against formula injection and is written exactly as entered.
     */
    public void xlsx(Iterator<RegisterEntry> entries, OutputStream out) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(out, "out");
        // Inline strings rather than a shared-strings table, which would grow in memory with every distinct value.
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, XLSX_ROWS_IN_MEMORY, true, false);
        try {
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle("Register of members");
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("Cooperage");
            XlsxStyles styles = new XlsxStyles(workbook);
            SXSSFSheet sheet = workbook.createSheet("Register of members");
            int[] widths = {10, 30, 24, 36, 10, 32, 40, 12, 15, 30, 14, 14};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            SXSSFRow heading = sheet.createRow(0);
            for (int c = 0; c < HEADINGS.size(); c++) {
                SXSSFCell cell = heading.createCell(c);
                cell.setCellValue(HEADINGS.get(c));
                cell.setCellStyle(styles.heading);
            }
            sheet.createFreezePane(0, 1);

            int r = 0;
            while (entries.hasNext()) {
                RegisterEntry e = entries.next();
                SXSSFRow row = sheet.createRow(++r);
                number(row, 0, e.memberNumber(), styles.integer);
                text(row, 1, e.name(), styles.text);
                text(row, 2, e.representative(), styles.text);
                text(row, 3, addressLines(e.address()), styles.wrapped);
                text(row, 4, e.postcode(), styles.text);
                text(row, 5, e.email(), styles.text);
                text(row, 6, e.emailPurposes(), styles.text);
                number(row, 7, e.sharesHeld(), styles.count);
                SXSSFCell paid = row.createCell(8);
                paid.setCellValue(BigDecimal.valueOf(e.amountPaidPence(), 2).doubleValue());
                paid.setCellStyle(styles.pounds);
                text(row, 9, e.otherProperty(), styles.text);
                date(row, 10, e.dateEntered(), styles.date);
                date(row, 11, e.dateCeased(), styles.date);
            }
            sheet.setAutoFilter(new CellRangeAddress(0, r, 0, HEADINGS.size() - 1));
            workbook.write(new KeepOpen(out));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the register of members as XLSX", e);
        } finally {
            // dispose() deletes the temporary sheet files; close() alone does not in every POI version.
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                // nothing was opened from a file; there is nothing left to release
            }
        }
    }

    private static Map<String, Object> parameters(RegisterHeader header) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("SOCIETY_NAME", header.societyName());
        parameters.put("REGISTRATION_NUMBER", header.registrationNumber());
        parameters.put("REGISTERED_OFFICE", header.registeredOffice());
        parameters.put("AS_AT", DATE.format(header.asAt()));
        if (header.brandColour() != null) {
            parameters.put("BRAND_COLOUR", header.brandColour());
        }
        parameters.put("GENERATED_AT", GENERATED.format(header.generatedAt().atZone(Clocks.UK)));
        return parameters;
    }

    /** One row of the PDF, every value formatted as printed; also adds the entry to the running totals. */
    private static Map<String, String> pdfRow(RegisterEntry e, Totals totals) {
        totals.add(e);
        Map<String, String> row = new HashMap<>(32);
        row.put("memberNumber", Long.toString(e.memberNumber()));
        row.put("name", e.name());
        row.put("representative", isBlank(e.representative()) ? null : "Represented by " + e.representative().strip());
        row.put("postalAddress", postalAddress(e.address(), e.postcode()));
        row.put("email", isBlank(e.email()) ? null : e.email().strip());
        row.put("emailPurposes", isBlank(e.email()) ? null : emailPurposes(e.emailPurposes()));
        row.put("sharesHeld", String.format(Locale.UK, "%,d", e.sharesHeld()));
        row.put("amountPaid", Money.ofPence(e.amountPaidPence()).toString());
        row.put("otherProperty", isBlank(e.otherProperty()) ? "None" : e.otherProperty());
        row.put("dateEntered", e.dateEntered() == null ? null : DATE.format(e.dateEntered()));
        row.put("dateCeased", e.dateCeased() == null ? null : DATE.format(e.dateCeased()));
        row.put("membersSoFar", totals.members());
        row.put("sharesSoFar", String.format(Locale.UK, "%,d", totals.shares));
        row.put("paidSoFar", Money.ofPence(totals.pence).toString());
        return row;
    }

    /** The s.30 record of what email may be used for is the member's answer, so "none" is said, not left blank. */
    private static String emailPurposes(String purposes) {
        return isBlank(purposes) ? "Agreed to no use of email" : "For: " + purposes.strip();
    }

    /** "Tŷ Coch, 3 Heol y Bont, Llandysul, SA44 4AB": one line that wraps in its column, postcode last. */
    static String postalAddress(String address, String postcode) {
        String lines = address == null ? "" : Arrays.stream(address.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining(", "));
        if (isBlank(postcode)) {
            return lines;
        }
        return lines.isEmpty() ? postcode.strip() : lines + ", " + postcode.strip();
    }

    /** The address's lines separated by a line feed, whatever line ends it was stored with. */
    private static String addressLines(String address) {
        return address == null ? null : address.strip().replaceAll("\\R", "\n");
    }

    /** A text field: neutralised against formula injection, then quoted if it needs to be. */
    static String csvText(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formulaLike = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return csvField(formulaLike ? "'" + value : value);
    }

    private static String csvField(String value) {
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static void text(SXSSFRow row, int column, String value, CellStyle style) {
        if (value == null || value.isEmpty()) {
            return;
        }
        SXSSFCell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void number(SXSSFRow row, int column, long value, CellStyle style) {
        SXSSFCell cell = row.createCell(column);
        cell.setCellValue((double) value);
        cell.setCellStyle(style);
    }

    private static void date(SXSSFRow row, int column, LocalDate value, CellStyle style) {
        if (value == null) {
            return;
        }
        SXSSFCell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Running totals for the PDF's first page, which is filled before the last entry is read. */
    private static final class Totals {
        private long current;
        private long ceased;
        private long shares;
        private long pence;

        void add(RegisterEntry e) {
            if (e.dateCeased() == null) {
                current++;
            } else {
                ceased++;
            }
            shares = Math.addExact(shares, e.sharesHeld());
            pence = Math.addExact(pence, e.amountPaidPence());
        }

        String members() {
            String text = String.format(Locale.UK, "%,d current", current);
            return ceased == 0 ? text : text + String.format(Locale.UK, ", %,d ceased", ceased);
        }
    }

    /** Cell styles, made once per workbook: a workbook holds at most 64,000 of them. */
    private static final class XlsxStyles {
        final CellStyle heading;
        final CellStyle text;
        final CellStyle wrapped;
        final CellStyle integer;
        final CellStyle count;
        final CellStyle pounds;
        final CellStyle date;

        XlsxStyles(SXSSFWorkbook workbook) {
            DataFormat formats = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading = workbook.createCellStyle();
            heading.setFont(bold);
            heading.setVerticalAlignment(VerticalAlignment.TOP);
            heading.setWrapText(true);
            text = top(workbook);
            wrapped = top(workbook);
            wrapped.setWrapText(true);
            integer = top(workbook);
            integer.setDataFormat(formats.getFormat("0"));
            count = top(workbook);
            count.setDataFormat(formats.getFormat("#,##0"));
            pounds = top(workbook);
            pounds.setDataFormat(formats.getFormat("\"£\"#,##0.00"));
            date = top(workbook);
            date.setDataFormat(formats.getFormat("d mmmm yyyy"));
        }

        /** Top-aligned, so a row made tall by a wrapped address still reads across. */
        private static CellStyle top(SXSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }
    }

    /** Passes writes through but not close(): the caller opened {@code out} and closes it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
