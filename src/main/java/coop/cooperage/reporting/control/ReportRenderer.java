package coop.cooperage.reporting.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JRVirtualizer;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Turns a report compiled at build time and its rows (a list, or an iterator read as the report fills) into a PDF.
 *
 * <p>A report is named by its path under {@code reports/} without extension, {@code "<component>/<name>"} (for
 * example {@code "society/officers"}); its compiled form is read from the classpath at
 * {@code /reports/<component>/<name>.jasper} on first use and kept for the life of the application. Rows are maps of
 * field name to value, filled in the order given. See {@code reports/README.md} for the conventions a report follows.
 *
 * <p>Thread-safe: a compiled report is immutable and every render fills its own copy. Usable without a container
 * ({@code new ReportRenderer()}).
 */
@ApplicationScoped
public class ReportRenderer {

    /** Report property holding its human title ("Register of officers"), used for the PDF's title metadata. */
    public static final String TITLE_PROPERTY = "coop.cooperage.report.title";

    /** The parameter every report takes: the society it is about, which also authors the PDF. */
    public static final String SOCIETY_NAME = "SOCIETY_NAME";

    /** How the filled pages are held before they are written out. */
    public enum Fill {
        /** All pages in memory: fastest, for reports of up to a few hundred pages. */
        IN_MEMORY,
        /**
         * Pages beyond the last few swapped to a temporary file as they are filled, so memory stays bounded however
         * long the report (the register of 50,000 members); the file is deleted when the render ends.
         *
         * <p>The PDF is not tagged for screen readers: OpenPDF holds a tagged document's structure tree in memory
         * until the last page is written, a few kilobytes for every row, which is what this mode exists to avoid
         * (the 50,000-member register ran out of a 256 MB heap tagged, and peaked at about 100 MB untagged). Offer
         * such a report's data as CSV or XLSX as well, which assistive technology reads better than a long PDF table
         * anyway.
         */
        SWAP_TO_DISK
    }

    private static final String ROOT = "/reports/";
    private static final Pattern REPORT_PATH = Pattern.compile("[a-z][a-z0-9]*/[a-z][A-Za-z0-9]*");
    private static final int PAGES_IN_MEMORY = 32;
    private static final int SWAP_BLOCK_BYTES = 4096;
    private static final int SWAP_GROW_BLOCKS = 256;

    private final ConcurrentMap<String, JasperReport> reports = new ConcurrentHashMap<>();
    private final JasperReportsContext context;
    private final Path swapRoot;

    public ReportRenderer() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param swapRoot where {@link Fill#SWAP_TO_DISK} makes its temporary folder, one per render */
    ReportRenderer(Path swapRoot) {
        this.swapRoot = Objects.requireNonNull(swapRoot);
        SimpleJasperReportsContext own = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        // We delete swap files ourselves; deleteOnExit would keep every swap file's name in memory until the JVM
        // stops, a slow leak in a server that runs for months.
        own.setProperty(JRSwapFile.PROPERTY_DELETE_ON_EXIT, "false");
        this.context = own;
    }

    /** Renders a small report in memory and returns the PDF. */
    public byte[] pdf(String reportPath, Map<String, ?> parameters, List<? extends Map<String, ?>> rows) {
        return pdf(reportPath, parameters, rows, Fill.IN_MEMORY);
    }

    public byte[] pdf(String reportPath, Map<String, ?> parameters, List<? extends Map<String, ?>> rows, Fill fill) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        writePdf(reportPath, parameters, rows, fill, pdf);
        return pdf.toByteArray();
    }

    /**
     * Renders to {@code out}, which is left open. Use with {@link Fill#SWAP_TO_DISK} for large reports so that
     * neither the filled pages nor the PDF are held in memory.
     */
    public void writePdf(String reportPath, Map<String, ?> parameters, List<? extends Map<String, ?>> rows, Fill fill,
            OutputStream out) {
        Objects.requireNonNull(rows, "rows");
        write(reportPath, parameters, new JRMapCollectionDataSource(Collections.unmodifiableCollection(rows)), fill, out);
    }

    /**
     * Renders rows pulled one at a time from {@code rows} as the report fills, so they can come straight from a
     * database cursor or a batched query and never all be in memory at once (with {@link Fill#SWAP_TO_DISK}, nor are
     * the pages). Each row is read once, in order, and not kept after its band is filled; {@code rows} is not
     * closed. {@code out} is left open.
     */
    public void writePdf(String reportPath, Map<String, ?> parameters, Iterator<? extends Map<String, ?>> rows,
            Fill fill, OutputStream out) {
        Objects.requireNonNull(rows, "rows");
        write(reportPath, parameters, new IteratorDataSource(rows), fill, out);
    }

    private void write(String reportPath, Map<String, ?> parameters, JRDataSource rows, Fill fill, OutputStream out) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(out, "out");
        JasperReport report = report(reportPath);
        try {
            if (fill == Fill.IN_MEMORY) {
                export(report, fill(report, parameters, rows, null), parameters, true, out);
            } else {
                writeSwapped(report, parameters, rows, out);
            }
        } catch (JRException | JRRuntimeException e) {
            throw new ReportRenderingException("Could not render report \"" + reportPath + "\": " + e.getMessage(), e);
        }
    }

    private void writeSwapped(JasperReport report, Map<String, ?> parameters, JRDataSource rows, OutputStream out)
            throws JRException {
        Path swapFolder = createSwapFolder();
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY,
                new JRSwapFile(context, swapFolder.toString(), SWAP_BLOCK_BYTES, SWAP_GROW_BLOCKS), true);
        try {
            JasperPrint print = fill(report, parameters, rows, virtualizer);
            // Filling is done: pages read back for export need not be written to the swap file again.
            virtualizer.setReadOnly(true);
            export(report, print, parameters, false, out);
        } finally {
            virtualizer.cleanup();
            deleteQuietly(swapFolder);
        }
    }

    private JasperReport report(String reportPath) {
        if (reportPath == null || !REPORT_PATH.matcher(reportPath).matches()) {
            throw new IllegalArgumentException("A report is named \"<component>/<name>\", such as \"society/officers\","
                    + " not \"" + reportPath + "\"");
        }
        return reports.computeIfAbsent(reportPath, this::load);
    }

    private JasperReport load(String reportPath) {
        String resource = ROOT + reportPath + ".jasper";
        try (InputStream in = ReportRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ReportNotFoundException(reportPath, resource);
            }
            return (JasperReport) JRLoader.loadObject(context, in);
        } catch (JRException | IOException | ClassCastException e) {
            throw new ReportRenderingException("Could not load the compiled report " + resource
                    + " (was it compiled by this version of JasperReports?)", e);
        }
    }

    private JasperPrint fill(JasperReport report, Map<String, ?> parameters, JRDataSource rows,
            JRVirtualizer virtualizer) throws JRException {
        // A copy: JasperReports writes its own entries into the map it is given, and the caller's may be immutable.
        Map<String, Object> values = new HashMap<>(parameters);
        values.putIfAbsent(JRParameter.REPORT_LOCALE, Locale.UK);
        values.putIfAbsent(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("Europe/London"));
        if (virtualizer != null) {
            values.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
        }
        return JasperFillManager.getInstance(context).fill(report, values, rows);
    }

    private void export(JasperReport report, JasperPrint print, Map<String, ?> parameters, boolean tagged,
            OutputStream out) throws JRException {
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        String society = parameters.get(SOCIETY_NAME) instanceof String name && !name.isBlank() ? name : null;
        String title = Objects.requireNonNullElse(report.getProperty(TITLE_PROPERTY), report.getName());
        configuration.setMetadataTitle(society == null ? title : title + " – " + society);
        configuration.setDisplayMetadataTitle(true);
        if (society != null) {
            configuration.setMetadataAuthor(society);
        }
        configuration.setMetadataCreator("Cooperage");
        configuration.setCompressed(true);
        // Tagged, with a language, so screen readers can follow the document; not when it must be written in bounded
        // memory (see Fill.SWAP_TO_DISK).
        configuration.setTagged(tagged);
        configuration.setTagLanguage("en-GB");

        JRPdfExporter exporter = new JRPdfExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        // Given a stream it did not open, the output leaves it open for the caller.
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.setConfiguration(configuration);
        exporter.exportReport();
    }

    private Path createSwapFolder() {
        try {
            Files.createDirectories(swapRoot);
            return Files.createTempDirectory(swapRoot, "cooperage-report-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a folder for swapping report pages in " + swapRoot, e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Nothing to do: it is in a temporary folder, and the render itself succeeded or failed on its own.
        }
    }
}
