package coop.cooperage.members.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A spreadsheet read into memory as text: one heading row and the rows below it, each cell as the
 * user would see it, whatever the file format. Row numbers are the ones the user sees in Excel
 * (the heading row is normally row 1), so that every problem reported can be found in the file.
 *
 * <p>Rows with nothing in them are dropped (Excel and exporters leave them at the end, and they
 * hold no member), but the numbering of the rows after them is kept. The first row with anything in
 * it is the heading row. Headings are tidied (spaces collapsed), a blank heading over a used column
 * becomes "Column C", and a repeated heading gets its column letter added, so that every column
 * can be named unambiguously in a {@link ColumnMapping}.
 *
 * <p>Limits protect the server from a huge upload or a zip bomb: {@value #MAX_FILE_BYTES} bytes
 * of file, {@value #MAX_ROWS} rows below the headings, {@value #MAX_COLUMNS} headed columns.
 */
public final class SpreadsheetTable {

    /** 20 MiB: a register of 100,000 members in CSV is about 15 MB; anything bigger is not a register. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    public static final int MAX_ROWS = 100_000;
    public static final int MAX_COLUMNS = 1_000;

    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    /**
     * One row below the headings.
     *
     * @param number      the row number the user sees in the spreadsheet
     * @param cells       one value per heading, "" for an empty cell; never shorter than the headings
     * @param strayColumn the 0-based index of the first non-empty cell to the right of the last heading,
     *                    or -1: such a value belongs to no column, and in a CSV file it usually means an
     *                    unquoted comma has shifted the row
     */
    public record Row(int number, List<String> cells, int strayColumn) {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell under heading {@code column} (0-based), or "" past the end. */
        public String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }

        public boolean hasStrayValues() {
            return strayColumn >= 0;
        }
    }

    private final String source;
    private final int headerRowNumber;
    private final List<String> headers;
    private final List<Row> rows;

    private SpreadsheetTable(String source, int headerRowNumber, List<String> headers, List<Row> rows) {
        this.source = source;
        this.headerRowNumber = headerRowNumber;
        this.headers = List.copyOf(headers);
        this.rows = Collections.unmodifiableList(rows);
    }

    /**
     * Reads an upload, refusing more than {@value #MAX_FILE_BYTES} bytes without reading them all.
     * The stream is not closed.
     */
    public static SpreadsheetTable read(InputStream in) {
        Objects.requireNonNull(in, "in");
        var buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        try {
            int n;
            while ((n = in.read(chunk)) != -1) {
                buffer.write(chunk, 0, n);
                if (buffer.size() > MAX_FILE_BYTES) {
                    throw tooBig();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file", e);
        }
        return read(buffer.toByteArray());
    }

    /**
     * Reads a CSV or XLSX file, telling which from its content rather than its name: a renamed
     * file, or a browser that sends no name, should not stop an import.
     */
    public static SpreadsheetTable read(byte[] content) {
        Objects.requireNonNull(content, "content");
        if (startsWith(content, ZIP_MAGIC)) {
            return readXlsx(content);
        }
        if (startsWith(content, OLE2_MAGIC)) {
            throw new SpreadsheetFormatException("This is an old-style Excel .xls file or a password-protected workbook,"
                    + " which cannot be read. In Excel, remove any password and use Save As to save it as"
                    + " an Excel Workbook (.xlsx) or as CSV, then upload that.");
        }
        return readCsv(content);
    }

    /**
     * Reads comma-separated values: UTF-8 with or without a byte order mark, UTF-16 with one, or
     * Windows-1252 (what Excel's plain "CSV (Comma delimited)" writes on a UK PC) when the bytes are
     * not UTF-8.
     */
    public static SpreadsheetTable readCsv(byte[] content) {
        checkSize(content);
        return CsvTable.read(content);
    }

    /** Reads the first sheet of an Excel workbook (.xlsx). */
    public static SpreadsheetTable readXlsx(byte[] content) {
        checkSize(content);
        return XlsxTable.read(content);
    }

    /** A table from values already in hand (tests, or a caller with its own reader): data rows are numbered from 2. */
    public static SpreadsheetTable of(List<String> headers, List<List<String>> rows) {
        var builder = new Builder("table");
        builder.add(1, headers);
        int number = 2;
        for (List<String> row : rows) {
            builder.add(number++, row);
        }
        return builder.build();
    }

    /** Where the table came from, for the user: "CSV file (UTF-8)", "sheet 'Members' of an Excel workbook". */
    public String source() {
        return source;
    }

    public int headerRowNumber() {
        return headerRowNumber;
    }

    public List<String> headers() {
        return headers;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The 0-based index of a heading, matched ignoring case and surrounding spaces, or -1. */
    public int columnIndex(String header) {
        if (header == null) {
            return -1;
        }
        String wanted = tidyHeader(header);
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).equals(wanted)) {
                return i;
            }
        }
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** Excel's letters for a 0-based column index: 0 is "A", 25 "Z", 26 "AA". */
    public static String columnLetter(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Column index must not be negative: " + index);
        }
        var letters = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            letters.append((char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return letters.reverse().toString();
    }

    static String tidyHeader(String header) {
        return header.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ");
    }

    static boolean isBlank(String value) {
        return value == null || value.replace('\u00A0', ' ').isBlank();
    }

    private static void checkSize(byte[] content) {
        Objects.requireNonNull(content, "content");
        if (content.length > MAX_FILE_BYTES) {
            throw tooBig();
        }
        if (content.length == 0) {
            throw new SpreadsheetFormatException("The file is empty.");
        }
    }

    private static SpreadsheetFormatException tooBig() {
        return new SpreadsheetFormatException("The file is larger than 20 MB, which is far more than a register of"
                + " 100,000 members needs. Check that it is the register, and remove other sheets, pictures"
                + " and formatting, or split it into several files.");
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    static SpreadsheetFormatException tooManyRows() {
        return new SpreadsheetFormatException("The file has more than " + String.format(Locale.UK, "%,d", MAX_ROWS)
                + " rows below the headings. Split it into several files and import them one after another.");
    }

    /**
     * Collects rows as a reader meets them, dropping empty ones and enforcing the limits as it
     * goes, so that a reader can stop at the first row past the limit rather than after reading
     * a million.
     */
    static final class Builder {

        private final String source;
        private int headerRowNumber;
        private List<String> headers;
        private final List<Row> rows = new ArrayList<>();

        Builder(String source) {
            this.source = source;
        }

        /** A row given densely, cell by cell from column A. */
        void add(int rowNumber, List<String> cells) {
            int[] columns = new int[cells.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = i;
            }
            add(rowNumber, columns, cells.toArray(new String[0]), columns.length);
        }

        /**
         * A row given sparsely, as XLSX stores it: {@code columns[i]} is the 0-based column of
         * {@code values[i]}, ascending. Sparse so that one stray cell in column XFD does not cost
         * 16,384 empty strings a row.
         */
        void add(int rowNumber, int[] columns, String[] values, int count) {
            boolean blank = true;
            for (int i = 0; i < count && blank; i++) {
                blank = isBlank(values[i]);
            }
            if (blank) {
                return;
            }
            if (headers == null) {
                startHeaders(rowNumber, columns, values, count);
                return;
            }
            if (rows.size() >= MAX_ROWS) {
                throw tooManyRows();
            }
            String[] cells = new String[headers.size()];
            Arrays.fill(cells, "");
            int stray = -1;
            for (int i = 0; i < count; i++) {
                String value = values[i] == null ? "" : values[i];
                if (columns[i] < cells.length) {
                    cells[columns[i]] = value;
                } else if (stray < 0 && !isBlank(value)) {
                    stray = columns[i];
                }
            }
            rows.add(new Row(rowNumber, Arrays.asList(cells), stray));
        }

        private void startHeaders(int rowNumber, int[] columns, String[] values, int count) {
            int width = 0;
            for (int i = 0; i < count; i++) {
                if (!isBlank(values[i])) {
                    width = columns[i] + 1;
                }
            }
            if (width > MAX_COLUMNS) {
                throw new SpreadsheetFormatException("The heading row (row " + rowNumber + ") has more than "
                        + MAX_COLUMNS + " columns. Check that the first row of the sheet holds the column headings.");
            }
            String[] names = new String[width];
            Arrays.fill(names, "");
            for (int i = 0; i < count; i++) {
                if (columns[i] < width && values[i] != null) {
                    names[columns[i]] = tidyHeader(values[i]);
                }
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < width; i++) {
                if (names[i].isEmpty()) {
                    names[i] = "Column " + columnLetter(i);
                }
                if (!seen.add(names[i].toLowerCase(Locale.ROOT))) {
                    names[i] = names[i] + " (column " + columnLetter(i) + ")";
                    seen.add(names[i].toLowerCase(Locale.ROOT));
                }
            }
            this.headerRowNumber = rowNumber;
            this.headers = Arrays.asList(names);
        }

        SpreadsheetTable build() {
            if (headers == null) {
                throw new SpreadsheetFormatException("The file has nothing in it: no headings and no members.");
            }
            return new SpreadsheetTable(source, headerRowNumber, headers, rows);
        }
    }
}
