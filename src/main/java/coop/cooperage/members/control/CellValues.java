package coop.cooperage.members.control;

import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of one cell as the value a field needs. Each method either returns the value or
 * throws {@link IllegalArgumentException} with a message for the user that quotes what they wrote
 * and says what would be accepted; nothing else escapes, whatever the text.
 */
final class CellValues {

    // control characters, and the invisible ones that copying and pasting leaves behind (byte order
    // mark, zero-width space, word joiner); not the joiners some scripts need to spell names
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\uFEFF\\u200B\\u2060]");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F]+");
    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");

    // Dates. A time after the date (exports from databases and Excel date-times) is allowed and ignored.
    private static final String TIME = "(?:(?: +|t)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?";
    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})" + TIME);
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{1,4})" + TIME);
    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?[ -]+([a-z]+)\\.?,?[ -]+(\\d{1,4})" + TIME);
    private static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "([a-z]+)\\.? +(\\d{1,2})(?:st|nd|rd|th)?,? +(\\d{4})" + TIME);
    private static final Pattern SERIAL = Pattern.compile("\\d{1,7}(?:\\.\\d+)?");
    private static final int EARLIEST_YEAR = 1900;
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("apr", 4), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("june", 6), Map.entry("jul", 7),
            Map.entry("july", 7), Map.entry("aug", 8), Map.entry("august", 8), Map.entry("sep", 9),
            Map.entry("sept", 9), Map.entry("september", 9), Map.entry("oct", 10), Map.entry("october", 10),
            Map.entry("nov", 11), Map.entry("november", 11), Map.entry("dec", 12), Map.entry("december", 12));

    // Numbers: thousands separators only where they belong, so "1,5" is not read as 15
    private static final Pattern WHOLE = Pattern.compile("([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d*))?");
    private static final Pattern AMOUNT = Pattern.compile("([+-]?)£?\\s*([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d*))?");

    /**
     * Larger counts and amounts (in pence) are refused as mistakes: £10 billion is beyond any
     * society, and the bound keeps every sum over 100,000 rows far from overflowing a long.
     */
    static final BigInteger LARGEST = BigInteger.TEN.pow(12);

    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "x", "✓", "✔");
    private static final Set<String> NO = Set.of("no", "n", "false", "0", "-");

    private static final Set<String> INDIVIDUAL = Set.of("individual", "person", "personal", "private",
            "private individual", "natural person", "i", "ind", "indiv", "adult", "minor", "child", "human");
    private static final Set<String> ORGANISATION = Set.of("organisation", "organization", "org", "o", "company",
            "co", "ltd", "limited", "plc", "llp", "cic", "business", "corporate", "corporation", "body",
            "corporate body", "society", "registered society", "cooperative", "co operative", "coop", "co op",
            "community benefit society", "bencom", "cbs", "charity", "trust", "cio", "group", "community group",
            "council", "parish council", "town council", "local authority", "school", "church", "club",
            "association", "partnership", "charitable incorporated organisation", "charitable incorporated organization");

    private static final Set<String> ALL_PURPOSES = Set.of("yes", "y", "true", "1", "x", "✓", "✔", "all", "any",
            "ok", "agreed", "agree", "consent", "consented", "opt in", "opted in", "opt-in", "opted-in");
    private static final Set<String> NO_PURPOSES = Set.of("no", "n", "false", "0", "-", "none", "nothing",
            "opt out", "opted out", "opt-out", "opted-out", "declined", "refused");
    private static final Map<String, EmailPurpose> PURPOSE_WORDS = Map.ofEntries(
            Map.entry("notices", EmailPurpose.NOTICES), Map.entry("notice", EmailPurpose.NOTICES),
            Map.entry("meetings", EmailPurpose.NOTICES), Map.entry("meeting", EmailPurpose.NOTICES),
            Map.entry("agm", EmailPurpose.NOTICES), Map.entry("votes", EmailPurpose.NOTICES),
            Map.entry("voting", EmailPurpose.NOTICES), Map.entry("notices of meetings", EmailPurpose.NOTICES),
            Map.entry("notices of meetings and votes", EmailPurpose.NOTICES),
            Map.entry("statements", EmailPurpose.STATEMENTS), Map.entry("statement", EmailPurpose.STATEMENTS),
            Map.entry("certificates", EmailPurpose.STATEMENTS), Map.entry("share certificates", EmailPurpose.STATEMENTS),
            Map.entry("statements and share certificates", EmailPurpose.STATEMENTS),
            Map.entry("news", EmailPurpose.NEWS), Map.entry("newsletter", EmailPurpose.NEWS),
            Map.entry("newsletters", EmailPurpose.NEWS), Map.entry("updates", EmailPurpose.NEWS),
            Map.entry("news about the society", EmailPurpose.NEWS));

    private CellValues() {
    }

    /**
     * The text a user meant: control and invisible format characters (a stray byte order mark, a
     * zero-width space) removed, runs of spaces made one, ends trimmed. Line breaks are kept
     * for the address; {@link #oneLine} removes them.
     */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        if (isAlreadyClean(raw)) {
            return raw; // most cells: checking is far cheaper than the regular expressions below
        }
        String s = CONTROL.matcher(raw.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(SPACES.matcher(line).replaceAll(" ").strip());
        }
        return out.toString().strip();
    }

    static String oneLine(String raw) {
        String cleaned = clean(raw);
        return cleaned.indexOf('\n') < 0 ? cleaned : SPACES.matcher(cleaned.replace('\n', ' ')).replaceAll(" ");
    }

    /** No character that {@link #clean} would remove or change, and no space it would drop or merge. */
    private static boolean isAlreadyClean(String s) {
        int last = s.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\u00A0' || c == '\u2007' || c == '\u202F'
                    || c == '\uFEFF' || c == '\u200B' || c == '\u2060') {
                return false;
            }
            if (c == ' ' && (i == 0 || i == last || s.charAt(i - 1) == ' ')) {
                return false;
            }
            if (Character.isWhitespace(c) && c != ' ') {
                return false; // other spaces (em space, ideographic space) are left to strip()
            }
        }
        return true;
    }

    /**
     * A date written day first, as in the UK: 2024-03-31, 31/03/2024, 31-03-2024, 31.03.2024,
     * 31 Mar 2024, 31 March 2024, 31-Mar-2024, 31st March 2024; also March 31, 2024, which names the
     * month and so cannot be misread. Never month first in figures: 03/31/2024 is refused, not
     * guessed at. A two-figure year is refused too: 01/02/45 could be 1945 or 2045.
     */
    static LocalDate date(String text) {
        String s = oneLine(text).toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = ISO.matcher(s)).matches()) {
            return dateOf(text, m.group(1), m.group(2), m.group(3), false);
        }
        if ((m = DAY_FIRST.matcher(s)).matches()) {
            return dateOf(text, m.group(3), m.group(2), m.group(1), true);
        }
        if ((m = DAY_MONTH_NAME.matcher(s)).matches()) {
            return dateOf(text, m.group(3), month(text, m.group(2)), m.group(1), false);
        }
        if ((m = MONTH_NAME_DAY.matcher(s)).matches()) {
            return dateOf(text, m.group(3), month(text, m.group(1)), m.group(2), false);
        }
        if (SERIAL.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + shown(text) + "' is a number, not a date. If the spreadsheet"
                    + " shows a date here, it is a date stored as a number: format the column as a date, or"
                    + " write dates as 31/03/2024.");
        }
        throw new IllegalArgumentException("'" + shown(text) + "' is not a date. Write dates day first, like"
                + " 31/03/2024, 31 March 2024 or 2024-03-31.");
    }

    private static String month(String text, String name) {
        Integer month = MONTHS.get(name);
        if (month == null) {
            throw new IllegalArgumentException("'" + shown(text) + "' is not a date: '" + name
                    + "' is not a month. Write dates like 31 March 2024 or 31/03/2024.");
        }
        return month.toString();
    }

    private static LocalDate dateOf(String text, String year, String month, String day, boolean inFigures) {
        if (year.length() != 4) {
            throw new IllegalArgumentException("'" + shown(text) + "': write the year in full (like 31/03/2024),"
                    + " so that it cannot be read as the wrong century.");
        }
        int y = Integer.parseInt(year);
        int mo = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        if (inFigures && mo > 12 && d <= 12) {
            throw new IllegalArgumentException("'" + shown(text) + "' is not a date: dates are read day first,"
                    + " so this would be month " + mo + ". Write it as " + String.format("%02d/%02d/%04d", mo, d, y) + ".");
        }
        LocalDate date;
        try {
            date = LocalDate.of(y, mo, d);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + shown(text) + "' is not a real date.");
        }
        if (y < EARLIEST_YEAR) {
            throw new IllegalArgumentException("'" + shown(text) + "' is before " + EARLIEST_YEAR + ": check the year.");
        }
        return date;
    }

    /** A whole number, allowing "1,000" and "12.00" (a whole number written with decimals) but not "12.5". */
    static long wholeNumber(String text, String what) {
        String s = oneLine(text).replace(" ", "");
        Matcher m = WHOLE.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + shown(text) + "' is not a number of " + what + ".");
        }
        String fraction = m.group(3);
        if (fraction != null && !fraction.chars().allMatch(c -> c == '0')) {
            throw new IllegalArgumentException("'" + shown(text) + "' is not a whole number of " + what + ".");
        }
        var value = new BigInteger(m.group(2).replace(",", ""));
        if ("-".equals(m.group(1)) && value.signum() != 0) {
            throw new IllegalArgumentException("'" + shown(text) + "' is negative: a number of " + what
                    + " cannot be less than 0.");
        }
        if (value.compareTo(LARGEST) > 0) {
            throw new IllegalArgumentException("'" + shown(text) + "' is far too large a number of " + what + ".");
        }
        return value.longValueExact();
    }

    /** An amount in pounds: "250", "250.00", "£1,250.5"; not negative, not fractions of a penny. */
    static Money amount(String text) {
        String s = oneLine(text).replace(" ", "");
        Matcher m = AMOUNT.matcher(s);
        if (!m.matches() || (!m.group(1).isEmpty() && !m.group(2).isEmpty())) {
            throw new IllegalArgumentException("'" + shown(text) + "' is not an amount in pounds, like 250 or 250.00.");
        }
        boolean negative = "-".equals(m.group(1)) || "-".equals(m.group(2));
        String fraction = m.group(4) == null ? "" : m.group(4);
        var pounds = new BigDecimal(m.group(3).replace(",", "") + (fraction.isEmpty() ? "" : "." + fraction));
        if (pounds.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("'" + shown(text) + "' has fractions of a penny.");
        }
        if (negative && pounds.signum() != 0) {
            throw new IllegalArgumentException("'" + shown(text) + "' is negative: an amount paid cannot be less than 0.");
        }
        BigDecimal pence = pounds.movePointRight(2).setScale(0);
        if (pence.compareTo(new BigDecimal(LARGEST)) > 0) {
            throw new IllegalArgumentException("'" + shown(text) + "' is far too large an amount.");
        }
        return Money.ofPence(pence.longValueExact());
    }

    static boolean yesNo(String text) {
        String s = oneLine(text).toLowerCase(Locale.ROOT);
        if (s.isEmpty() || NO.contains(s)) {
            return false;
        }
        if (YES.contains(s)) {
            return true;
        }
        throw new IllegalArgumentException("'" + shown(text) + "' is not yes or no.");
    }

    /** Many words mean an organisation; "joint" is refused: each joint holder must be a member in their own name. */
    static MemberKind kind(String text) {
        String s = words(text);
        if (INDIVIDUAL.contains(s)) {
            return MemberKind.INDIVIDUAL;
        }
        if (ORGANISATION.contains(s)) {
            return MemberKind.ORGANISATION;
        }
        if (s.startsWith("joint")) {
            throw new IllegalArgumentException("Joint membership cannot be entered: the register has one member per"
                    + " entry. Enter each joint holder as a member in their own name.");
        }
        throw new IllegalArgumentException("'" + shown(text) + "' is neither individual nor organisation: write one"
                + " of those.");
    }

    /**
     * Purposes named in words, separated by semicolons, commas, slashes, "&" or "and" ("notices;
     * news"); or a consent answer, where yes means every purpose and no means none. Blank is none.
     */
    static Set<EmailPurpose> emailPurposes(String text) {
        String s = oneLine(text).toLowerCase(Locale.ROOT);
        if (s.isEmpty() || NO_PURPOSES.contains(s)) {
            return EnumSet.noneOf(EmailPurpose.class);
        }
        if (ALL_PURPOSES.contains(s)) {
            return EnumSet.allOf(EmailPurpose.class);
        }
        Set<EmailPurpose> purposes = EnumSet.noneOf(EmailPurpose.class);
        String whole = words(s);
        if (PURPOSE_WORDS.containsKey(whole)) {
            purposes.add(PURPOSE_WORDS.get(whole));
            return purposes;
        }
        for (String part : s.split("[;,/&+|]|\\band\\b")) {
            String word = words(part);
            if (word.isEmpty()) {
                continue;
            }
            EmailPurpose purpose = PURPOSE_WORDS.get(word);
            if (purpose == null) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not an email purpose. Name the purposes"
                        + " (notices, statements, news) separated by semicolons, or answer yes (all) or no (none).");
            }
            purposes.add(purpose);
        }
        return purposes;
    }

    private static String words(String text) {
        return NOT_LETTERS_OR_DIGITS.matcher(oneLine(text).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** What the user wrote, shortened so that a pasted essay does not fill the report. */
    static String shown(String text) {
        String s = oneLine(text);
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
