package coop.cooperage.members.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.zip.ZipException;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an .xlsx workbook into a {@link SpreadsheetTable}.
 *
 * <p>The sheet is streamed (POI's event API) rather than loaded as a workbook, which for a big
 * sheet takes ten times the memory, and so that reading can stop at the first row past the limit.
 * Cells come out as text the way the import wants them, not as Excel would display them: dates
 * as ISO dates (a cell displayed "03/04/24" is unambiguous once read as a date), numbers plainly
 * ("12", not "12.0" or "£12.00"), formulas as the value Excel last calculated.
 */
final class XlsxTable {

    /**
     * What the whole workbook may unpack to. A real register of 100,000 members unpacks to under
     * 100 MB of XML; a zip bomb unpacks to gigabytes from a small file. POI itself refuses only
     * ratios beyond 100:1, which from 20 MB still allows 2 GB, all of it held in memory.
     */
    static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;
    /** POI's own default; a workbook has a few dozen parts. */
    private static final int MAX_ENTRIES = 1_000;

    private XlsxTable() {
    }

    static SpreadsheetTable read(byte[] content) {
        refuseZipBomb(content);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(content));
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw notAWorkbook(e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904 = usesDate1904(reader);
            // without phonetic runs: the reading guides Japanese text can carry are not part of the value
            var strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            var sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new SpreadsheetFormatException("The workbook has no sheets.");
            }
            try (InputStream sheet = sheets.next()) {
                var rows = new Rows(new SpreadsheetTable.Builder("sheet '" + sheets.getSheetName() + "' of an Excel workbook"));
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new PlainValues(date1904), false));
                parser.parse(new InputSource(sheet));
                return rows.builder.build();
            }
        } catch (SpreadsheetFormatException e) {
            throw e;
        } catch (SAXException e) {
            if (e.getCause() instanceof SpreadsheetFormatException limit) {
                throw limit;
            }
            throw notAWorkbook(e);
        } catch (IOException | OpenXML4JException | ParserConfigurationException | POIXMLException e) {
            throw notAWorkbook(e);
        } catch (RuntimeException e) {
            // POI answers a damaged or unusual file with a variety of runtime exceptions; none of
            // them is a fault here, and the user can only be told to save the file again
            throw notAWorkbook(e);
        } finally {
            // revert, not close: close() means "save", and there is nothing to save
            pkg.revert();
        }
    }

    private static SpreadsheetFormatException notAWorkbook(Exception cause) {
        return new SpreadsheetFormatException("The file could not be read as an Excel workbook (.xlsx): it may be"
                + " damaged, or be another kind of file. Open it in your spreadsheet and save it again as an"
                + " Excel Workbook (.xlsx) or as CSV.", cause);
    }

    /**
     * Unpacks the whole archive once, counting and discarding, before POI unpacks it into memory.
     * Counts bytes actually inflated rather than trusting the sizes the archive declares, which a
     * bomb can fake. Reads with commons-compress, as POI does, because java.util.zip refuses archives
     * that POI and Excel accept (entries whose sizes follow their data, as POI's own streaming writer
     * makes them).
     */
    private static void refuseZipBomb(byte[] content) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var zip = new ZipArchiveInputStream(new ByteArrayInputStream(content), "UTF-8", true, true)) {
            ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new SpreadsheetFormatException("The workbook has more than " + MAX_ENTRIES
                            + " parts inside it, far more than any spreadsheet has. It cannot be imported.");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                int n;
                while ((n = zip.read(buffer)) != -1) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        throw new SpreadsheetFormatException("The workbook unpacks to more than 200 MB, far more than"
                                + " a register of 100,000 members needs. Remove other sheets,"
                                + " pictures and formatting, or save the register as CSV, and upload it again.");
                    }
                }
            }
        } catch (SpreadsheetFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw notAWorkbook(e);
        }
        if (entries == 0) {
            throw notAWorkbook(new ZipException("no entries"));
        }
    }

    /** Workbooks from old Macs count dates from 1904; reading them as 1900 would move every date by four years. */
    private static boolean usesDate1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException,
            ParserConfigurationException {
        var found = new boolean[1];
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        found[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                }
            });
            parser.parse(new InputSource(workbook));
        }
        return found[0];
    }

    /** Collects each row's cells sparsely and hands it to the builder when the row ends. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final SpreadsheetTable.Builder builder;
        private int[] columns = new int[32];
        private String[] values = new String[32];
        private int count;
        private int lastColumn;

        Rows(SpreadsheetTable.Builder builder) {
            this.builder = builder;
        }

        @Override
        public void startRow(int rowNum) {
            count = 0;
            lastColumn = -1;
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            // Some writers leave out the reference; Excel then takes the next column along
            int column = cellReference == null ? lastColumn + 1 : new CellReference(cellReference).getCol();
            if (column <= lastColumn) {
                return; // a repeated or out-of-order cell: keep the first, as Excel does
            }
            lastColumn = column;
            if (count == columns.length) {
                columns = Arrays.copyOf(columns, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            columns[count] = column;
            values[count] = formattedValue == null ? "" : formattedValue;
            count++;
        }

        @Override
        public void endRow(int rowNum) {
            // POI counts rows from 0; the user sees them from 1
            builder.add(rowNum + 1, columns, values, count);
        }
    }

    /**
     * Turns numeric cells into the text the import parses. Excel keeps every number, date
     * included, as a double and shows it through the cell's format; we want the value, not the
     * display, except that a date-formatted number is a date.
     */
    static final class PlainValues extends DataFormatter {

        /** Excel shows at most 15 significant digits; beyond that a double's digits are noise (0.1 + 0.2). */
        private static final MathContext EXCEL_PRECISION = new MathContext(15);
        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

        private final boolean date1904;

        PlainValues(boolean date1904) {
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return "";
            }
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, date1904, true);
                return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : DATE_TIME.format(at);
            }
            return plainNumber(value);
        }

        static String plainNumber(double value) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            String plain = new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
            return "-0".equals(plain) ? "0" : plain;
        }
    }
}
