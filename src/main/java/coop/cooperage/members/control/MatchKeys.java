package coop.cooperage.members.control;

import coop.cooperage.members.entity.Postcode;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forms in which two members are compared when looking for the same member twice. Names are
 * compared loosely, because the same person is typed "Mrs Zoë O'Brien" in one place and "zoe
 * obrien" in another; emails ignore case, because mail systems do.
 */
final class MatchKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’`]");
    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern TITLES = Pattern.compile("^(?:(?:mr|mrs|ms|miss|mx|dr|prof|rev|revd|sir|dame|lady|lord)\\s+)+");

    private MatchKeys() {
    }

    /** Without accents, case, punctuation, extra spaces and leading titles. */
    static String name(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String words = NOT_LETTERS_OR_DIGITS.matcher(APOSTROPHES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(""))
                .replaceAll(" ")
                .strip();
        return TITLES.matcher(words).replaceFirst("");
    }

    static String nameAndPostcode(String name, Postcode postcode) {
        return name(name) + "|" + postcode.value();
    }

    static String email(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
