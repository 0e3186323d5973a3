package coop.cooperage.members.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a CSV file into a {@link SpreadsheetTable}. */
final class CsvTable {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * RFC 4180 with two allowances for files typed or exported by hand: spaces around a value, even
     * before an opening quote, are ignored; and empty lines are kept as records, because Excel shows
     * them as rows and we number rows as Excel does (then drop them as empty).
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private CsvTable() {
    }

    static SpreadsheetTable read(byte[] content) {
        Decoded decoded = decode(content);
        if (decoded.text.indexOf('\u0000') >= 0) {
            throw new SpreadsheetFormatException("This does not look like a CSV file: it holds binary data."
                    + " Upload the register saved as CSV or as an Excel Workbook (.xlsx).");
        }
        var builder = new SpreadsheetTable.Builder("CSV file (" + decoded.encoding + ")");
        List<String> firstRecord = null;
        try (CSVParser parser = CSVParser.parse(decoded.text, FORMAT)) {
            try {
                for (CSVRecord record : parser) {
                    if (firstRecord == null && !record.stream().allMatch(SpreadsheetTable::isBlank)) {
                        firstRecord = record.toList();
                        refuseOtherSeparators(firstRecord);
                    }
                    // Record numbers count records, not lines, so a quoted address over three lines is
                    // still one row: as Excel shows it when it opens the file.
                    builder.add(Math.toIntExact(record.getRecordNumber()), record.toList());
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new SpreadsheetFormatException("The CSV file cannot be read near line "
                        + parser.getCurrentLineNumber() + ": a value in quotes is not closed, or has more text"
                        + " after its closing quote. Open the file in a spreadsheet and save it as CSV again.", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build();
    }

    /**
     * Excel in some European settings writes semicolons, and "Unicode text" is tab separated. Read
     * as commas such a file has one column holding everything, which would only produce a
     * confusing list of missing columns.
     */
    private static void refuseOtherSeparators(List<String> headings) {
        if (headings.size() != 1) {
            return;
        }
        String only = headings.get(0);
        String separator = only.contains(";") ? "semicolons" : only.contains("\t") ? "tabs" : null;
        if (separator != null) {
            throw new SpreadsheetFormatException("The values in this file are separated by " + separator
                    + ", not commas. Save it from your spreadsheet as \"CSV (Comma delimited)\" or \"CSV UTF-8\","
                    + " or upload it as an Excel Workbook (.xlsx).");
        }
    }

    private record Decoded(String text, String encoding) {
    }

    /**
     * A byte order mark settles the encoding. Without one, strict UTF-8 is tried first: text in
     * Windows-1252 with any accent or "£" in it is almost never valid UTF-8, so a file that
     * decodes cleanly as UTF-8 is UTF-8. Decoding is strict both ways, because a replacement
     * character silently put into a member's name would then be in the legal register.
     */
    private static Decoded decode(byte[] content) {
        if (hasPrefix(content, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strictly(content, 3, StandardCharsets.UTF_8, "UTF-8"), "UTF-8");
        }
        if (hasPrefix(content, 0xFF, 0xFE)) {
            return new Decoded(strictly(content, 2, StandardCharsets.UTF_16LE, "UTF-16"), "UTF-16");
        }
        if (hasPrefix(content, 0xFE, 0xFF)) {
            return new Decoded(strictly(content, 2, StandardCharsets.UTF_16BE, "UTF-16"), "UTF-16");
        }
        try {
            return new Decoded(decodeOrThrow(content, 0, StandardCharsets.UTF_8), "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            try {
                return new Decoded(decodeOrThrow(content, 0, WINDOWS_1252), "Windows-1252");
            } catch (CharacterCodingException neither) {
                throw new SpreadsheetFormatException("The file's text is neither UTF-8 nor Windows-1252, so names"
                        + " and addresses in it cannot be read reliably. Save it from your spreadsheet as"
                        + " \"CSV UTF-8\" or as an Excel Workbook (.xlsx).");
            }
        }
    }

    private static String strictly(byte[] content, int offset, Charset charset, String name) {
        try {
            return decodeOrThrow(content, offset, charset);
        } catch (CharacterCodingException e) {
            throw new SpreadsheetFormatException("The file starts with a mark saying it is " + name
                    + " text, but it is not. Save it from your spreadsheet as \"CSV UTF-8\" and upload it again.");
        }
    }

    private static String decodeOrThrow(byte[] content, int offset, Charset charset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                .toString();
    }

    private static boolean hasPrefix(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        byte[] wanted = new byte[prefix.length];
        for (int i = 0; i < prefix.length; i++) {
            wanted[i] = (byte) prefix[i];
        }
        return Arrays.equals(content, 0, prefix.length, wanted, 0, prefix.length);
    }
}
