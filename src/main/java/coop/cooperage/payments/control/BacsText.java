package coop.cooperage.payments.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Text as Bacs will carry it: upper case A-Z, digits, space and {@code . & / -} only.
 *
 * <p>Bacs itself blanks characters outside its set, which would turn "Zoë O'Brien" into
 * "ZO  O BRIEN" at the bank's end. Converting here instead (accents removed, apostrophes
 * dropped as banks print them, "OBRIEN") means the file shows exactly what the payee will see,
 * and the same input always gives the same bytes.
 */
final class BacsText {

    private BacsText() {
    }

    /**
     * Letters that Unicode does not decompose into a base letter and an accent, so removing
     * accents leaves them untouched and they would be blanked ("THORA ODEGARD" as " ORA  DEGARD").
     */
    private static final Map<String, String> LETTERS = Map.of(
            "\u00DE", "TH", "\u00D8", "O", "\u00C6", "AE", "\u0152", "OE", "\u00D0", "D", "\u0141", "L", "\u0110", "D");

    /** Cleaned text, trimmed, with single spaces, not starting with punctuation. */
    static String clean(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
        for (Map.Entry<String, String> letter : LETTERS.entrySet()) {
            plain = plain.replace(letter.getKey(), letter.getValue());
        }
        plain = plain
                .replaceAll("['\u2018\u2019`]", "")
                .replaceAll("[^A-Z0-9.&/\\- ]", " ")
                .replaceAll(" +", " ")
                .strip();
        // Leading punctuation means nothing to a payee, and a leading '-' makes spreadsheets
        // read a CSV cell as a formula.
        return plain.replaceFirst("^[.&/\\- ]+", "");
    }

    /** Cleaned, cut to the field width and space-filled on the right. */
    static String field(String text, int width) {
        String cleaned = clean(text);
        String cut = cleaned.length() > width ? cleaned.substring(0, width).stripTrailing() : cleaned;
        return pad(cut, width);
    }

    static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    static boolean isAllowed(String text) {
        return text.matches("[A-Z0-9.&/\\- ]*");
    }
}
