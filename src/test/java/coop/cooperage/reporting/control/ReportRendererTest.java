package coop.cooperage.reporting.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.reporting.control.ReportRenderer.Fill;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {

    private static final String OFFICERS = "society/officers";
    private static final String SOCIETY = "Afon Teifi Community Energy Ltd";

    private final ReportRenderer renderer = new ReportRenderer();

    @Test
    void registerOfOfficersShowsTheSocietyAndEveryOfficerWithTheirDates() throws IOException {
        byte[] pdf = renderer.pdf(OFFICERS, societyParameters(), officers());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = text(document);
            assertThat(text).contains(SOCIETY, "Register of officers", "31452R",
                    "Yr Hen Ysgol, Heol y Bont, Llandysul SA44 4AB", "As at 28 November 2026");
            // One line per officer: office, name, appointed, ended (a dash while in office), status.
            assertThat(text).contains(
                    "Chair Siân Llewellyn 14 March 2021 — Current",
                    "Secretary Zoë O'Brien 2 June 2022 — Current",
                    "Treasurer Dafydd ap Gruffudd 14 March 2021 — Current",
                    "Director Günther Müller 30 September 2023 — Current",
                    "Secretary Margaret Hughes-Jones 14 March 2021 1 June 2022 Former",
                    "Director Tom Pritchard 14 March 2021 30 September 2024 Former");
            assertThat(text).contains("Generated 28 November 2026 at 14:05", "Page 1 of 1");
        }
    }

    @Test
    void fontsAreEmbeddedSoThePdfLooksTheSameEverywhere() throws IOException {
        byte[] pdf = renderer.pdf(OFFICERS, societyParameters(), officers());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = fonts(document);
            assertThat(fonts).isNotEmpty();
            assertThat(fonts).allSatisfy(font -> {
                assertThat(font.isEmbedded()).as("%s is embedded", font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            });
        }
    }

    @Test
    void pdfIsTitledAndAuthoredByTheSociety() throws IOException {
        byte[] pdf = renderer.pdf(OFFICERS, societyParameters(), officers());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Register of officers – " + SOCIETY);
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo(SOCIETY);
        }
    }

    @Test
    void aSocietyWithNoOfficersGetsAnEmptyRegisterThatSaysSo() throws IOException {
        byte[] pdf = renderer.pdf(OFFICERS, societyParameters(), List.of());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(text(document)).contains(SOCIETY, "Office Name Appointed Ended Status",
                    "No officers have been recorded.");
        }
    }

    @Test
    void aLongReportSwapsPagesToDiskRepeatsTheHeadingsAndCleansUpAfterItself(@TempDir Path swapRoot)
            throws IOException {
        ReportRenderer swapping = new ReportRenderer(swapRoot);
        List<Map<String, String>> rows = IntStream.rangeClosed(1, 5_000)
                .mapToObj(i -> officer("Director", "Member " + i, "1 April 2020", null, "Current"))
                .toList();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClosingWatcher watched = new ClosingWatcher(out);
        swapping.writePdf(OFFICERS, societyParameters(), rows, Fill.SWAP_TO_DISK, watched);

        assertThat(watched.closed).as("the caller's stream is left open").isFalse();
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(50);
            // Only the pages that matter are read: extracting text from every page is slower than rendering them.
            assertThat(text(document, 1, 1)).contains(SOCIETY, "Director Member 1 1 April 2020 — Current");
            String second = text(document, 2, 2);
            assertThat(second).contains("Office Name Appointed Ended Status", "Page 2 of " + pages);
            String last = text(document, pages, pages);
            assertThat(last).contains("Director Member 5000 1 April 2020 — Current", "Page " + pages + " of " + pages);
        }
        try (Stream<Path> left = Files.list(swapRoot)) {
            assertThat(left).as("swap files are deleted once the PDF is written").isEmpty();
        }
    }

    @Test
    void rowsCanBePulledFromAnIteratorOneAtATime() throws IOException {
        List<Map<String, String>> officers = officers();
        List<Integer> pulled = new ArrayList<>();
        java.util.Iterator<Map<String, String>> rows = new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < officers.size();
            }

            @Override
            public Map<String, String> next() {
                pulled.add(next);
                return officers.get(next++);
            }
        };

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.writePdf(OFFICERS, societyParameters(), rows, Fill.IN_MEMORY, out);

        assertThat(pulled).as("each row read once, in order").containsExactly(0, 1, 2, 3, 4, 5);
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            assertThat(text(document)).contains(
                    "Chair Siân Llewellyn 14 March 2021 — Current",
                    "Director Tom Pritchard 14 March 2021 30 September 2024 Former");
        }
    }

    @Test
    void aReportFilledInMemoryIsTaggedForScreenReadersButOneSwappedToDiskIsNot(@TempDir Path swapRoot)
            throws IOException {
        byte[] small = renderer.pdf(OFFICERS, societyParameters(), officers(), Fill.IN_MEMORY);
        byte[] swapped = new ReportRenderer(swapRoot).pdf(OFFICERS, societyParameters(), officers(), Fill.SWAP_TO_DISK);

        try (PDDocument document = Loader.loadPDF(small)) {
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
        }
        // A tagged PDF's structure tree stays in memory until the document closes: unbounded for a long report.
        try (PDDocument document = Loader.loadPDF(swapped)) {
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNull();
            assertThat(text(document)).contains("Chair Siân Llewellyn 14 March 2021 — Current");
        }
    }

    @Test
    void rendersConcurrentlyFromOneSharedRenderer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<byte[]>> renders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                renders.add(() -> renderer.pdf(OFFICERS, societyParameters(), officers()));
            }
            for (Future<byte[]> render : pool.invokeAll(renders)) {
                try (PDDocument document = Loader.loadPDF(render.get())) {
                    assertThat(text(document)).contains("Siân Llewellyn", "Zoë O'Brien");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownReportIsAClearError() {
        assertThatThrownBy(() -> renderer.pdf("society/nonexistent", Map.of(), List.of()))
                .isInstanceOf(ReportNotFoundException.class)
                .hasMessageContaining("\"society/nonexistent\"")
                .hasMessageContaining("/reports/society/nonexistent.jasper")
                .hasMessageContaining("reports/society/nonexistent.jrxml");
    }

    @Test
    void aParameterOfTheWrongTypeIsAClearError() {
        Map<String, Object> parameters = new HashMap<>(societyParameters());
        parameters.put("AS_AT", LocalDate.of(2026, 11, 28));

        assertThatThrownBy(() -> renderer.pdf(OFFICERS, parameters, officers()))
                .isInstanceOf(ReportRenderingException.class)
                .hasMessageContaining("society/officers")
                .hasMessageContaining("AS_AT");
    }

    @Test
    void aReportNameThatIsNotComponentSlashNameIsRefused() {
        for (String bad : List.of("officers", "../society/officers", "society/officers.jasper", "/society/officers")) {
            assertThatThrownBy(() -> renderer.pdf(bad, Map.of(), List.of()))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("society/officers");
        }
    }

    /** Immutable on purpose: the renderer must not write into the caller's parameters. */
    private static Map<String, Object> societyParameters() {
        return Map.of(
                "SOCIETY_NAME", SOCIETY,
                "REGISTRATION_NUMBER", "31452R",
                "REGISTERED_OFFICE", "Yr Hen Ysgol, Heol y Bont, Llandysul SA44 4AB",
                "AS_AT", "28 November 2026",
                "BRAND_COLOUR", "#00703c",
                "GENERATED_AT", "28 November 2026 at 14:05");
    }

    private static List<Map<String, String>> officers() {
        return List.of(
                officer("Chair", "Siân Llewellyn", "14 March 2021", null, "Current"),
                officer("Secretary", "Zoë O'Brien", "2 June 2022", null, "Current"),
                officer("Treasurer", "Dafydd ap Gruffudd", "14 March 2021", null, "Current"),
                officer("Director", "Günther Müller", "30 September 2023", null, "Current"),
                officer("Secretary", "Margaret Hughes-Jones", "14 March 2021", "1 June 2022", "Former"),
                officer("Director", "Tom Pritchard", "14 March 2021", "30 September 2024", "Former"));
    }

    private static Map<String, String> officer(String office, String name, String appointedOn, String endedOn,
            String status) {
        Map<String, String> row = new HashMap<>();
        row.put("office", office);
        row.put("name", name);
        row.put("appointedOn", appointedOn);
        row.put("endedOn", endedOn);
        row.put("status", status);
        return row;
    }

    private static String text(PDDocument document) throws IOException {
        return text(document, 1, document.getNumberOfPages());
    }

    private static String text(PDDocument document, int firstPage, int lastPage) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(firstPage);
        stripper.setEndPage(lastPage);
        return stripper.getText(document);
    }

    private static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
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
