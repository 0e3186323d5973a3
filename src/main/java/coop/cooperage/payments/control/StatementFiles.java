package coop.cooperage.payments.control;

import coop.cooperage.payments.entity.Statement;
import coop.cooperage.payments.entity.StatementFileFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises an uploaded statement file and reads it with the right parser.
 *
 * <p>Recognition goes only by signatures that no other format has: an {@code <OFX>} element or an
 * OFX header, the Co-operative Bank's column heading line, Starling's exact header row. It never
 * guesses which column of an unknown CSV is which (that is how a file gets read with its columns
 * swapped): any other CSV goes through a column mapping the treasurer confirms, and anything else
 * is refused, asking for the format.
 */
public final class StatementFiles {

    private static final Pattern COOP_HEADINGS =
            Pattern.compile("(?m)^\\s*DATE\\s+DESCRIPTION\\s+WITHDRAWALS\\s+DEPOSITS\\s+BALANCE\\s*$");
    private static final String STARLING_HEADER =
            "Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category";
    /** How much of a file recognition looks at: every signature is near the top. */
    private static final int SNIFF = 8192;

    private StatementFiles() {
    }

    /** The format the file is certainly in, or empty when the treasurer must say. */
    public static Optional<StatementFileFormat> recognise(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.empty();
        }
        // ISO-8859-1 maps every byte, so sniffing never fails on encoding; parsers decode strictly.
        String head = new String(content, 0, Math.min(content.length, SNIFF), StandardCharsets.ISO_8859_1);
        if (head.startsWith("\uFEFF") || head.startsWith("\u00EF\u00BB\u00BF")) {
            head = head.substring(head.charAt(0) == '\uFEFF' ? 1 : 3);
        }
        if (head.contains("<OFX>") || head.stripLeading().startsWith("OFXHEADER:")) {
            return Optional.of(StatementFileFormat.OFX);
        }
        if (COOP_HEADINGS.matcher(head).find()) {
            return Optional.of(StatementFileFormat.COOP_BANK_TEXT);
        }
        String firstLine = head.lines().findFirst().orElse("").strip();
        if (firstLine.equals(STARLING_HEADER)) {
            return Optional.of(StatementFileFormat.STARLING_CSV);
        }
        return Optional.empty();
    }

    /**
     * Reads the file as the given format.
     *
     * @param mapping required for {@link StatementFileFormat#CSV}, ignored otherwise
     * @throws StatementFormatException when the file is not in that format, naming the line
     */
    public static Statement parse(StatementFileFormat format, byte[] content, CsvMapping mapping, String accountKey) {
        StatementFormat parser = switch (format) {
            case COOP_BANK_TEXT -> new CoopBankTextFormat();
            case STARLING_CSV -> CsvFormat.starling();
            case OFX -> new OfxFormat();
            case CSV -> {
                if (mapping == null) {
                    throw new IllegalArgumentException("A CSV statement needs a column mapping");
                }
                yield new CsvFormat(mapping);
            }
        };
        return parser.parse(content, accountKey);
    }

    /** The first row of a CSV file, to offer its columns for mapping. */
    public static List<String> csvHeader(byte[] content, char delimiter) {
        List<CsvRecords.Row> rows = CsvRecords.read(StatementBytes.decode(content, StandardCharsets.UTF_8), delimiter);
        if (rows.isEmpty()) {
            throw new StatementFormatException("The file has no rows");
        }
        List<String> header = rows.get(0).fields().stream().map(String::strip).toList();
        if (header.size() < 2) {
            throw new StatementFormatException(rows.get(0).lineNumber(),
                    "the first row has only one column; is the file a CSV, and is the delimiter right?");
        }
        return header;
    }

    /** SHA-256 of the file's bytes: the same file uploaded twice is recognised by it. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
