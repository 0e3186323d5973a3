package coop.cooperage.payments.control;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.Statement;
import coop.cooperage.payments.entity.StatementBalance;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Co-operative Bank's fixed-width text statement export (seen for business current accounts,
 * "BUSINESS DIRECTPLUS"): a header block naming the account and IBAN, then columns DATE,
 * DESCRIPTION, WITHDRAWALS, DEPOSITS, BALANCE with dates like "1 NOV 15".
 *
 * <p>Amounts are right-aligned under their column headings, so each amount is assigned to the
 * column whose heading ends nearest to where the amount ends; the column positions are read from
 * the heading line, not hard-coded. Not every row has a balance (interest lines do not), and the
 * first row may be an opening marker ("NEW ACCOUNT ... NIL.", "BROUGHT FORWARD").
 *
 * <p>Because a misaligned column would turn a deposit into a withdrawal, every balance the bank
 * prints is checked against the previous balance plus the amounts since; a mismatch stops the
 * import with the line number instead of importing wrong figures. The file has no separate
 * reference field: a payer's reference is part of the description.
 */
public final class CoopBankTextFormat implements StatementFormat {

    /** The exports seen are ASCII; Windows-1252 is its superset that Windows tools write. */
    private static final Charset ENCODING = Charset.forName("windows-1252");

    private static final Pattern COLUMN_HEADINGS =
            Pattern.compile("\\s*DATE\\s+DESCRIPTION\\s+(WITHDRAWALS)\\s+(DEPOSITS)\\s+(BALANCE)\\s*");
    private static final Pattern PAGE_HEADER = Pattern.compile("\\s*(BRANCH|BIC|TYPE)\\s*:.*");
    private static final Pattern IBAN = Pattern.compile("IBAN\\s*:\\s*(GB[0-9]{2}[A-Z]{4}([0-9]{6})([0-9]{8}))\\b");
    private static final Pattern DATE = Pattern.compile("\\s{0,2}([0-9]{1,2}) ([A-Za-z]{3}) ([0-9]{2})(?=\\s|$)");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern AMOUNT = Pattern.compile("(?:[0-9]{1,3}(?:,[0-9]{3})*\\.[0-9]{2}|NIL\\.)(DR|-)?");
    /** How far an amount's last character may sit from its heading's last character. */
    private static final int ALIGNMENT_TOLERANCE = 3;
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

    private enum Col { WITHDRAWALS, DEPOSITS, BALANCE }

    @Override
    public Statement parse(byte[] content, String accountKey) {
        String[] lines = StatementBytes.decode(content, ENCODING).split("\r\n|\r|\n", -1);
        Optional<String> sortCode = Optional.empty();
        Optional<String> accountNumber = Optional.empty();
        int[] edges = null;
        List<ParsedLine> parsed = new ArrayList<>();
        LocalDate lastDate = null;
        Money running = null;
        String runningFrom = null;

        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            Matcher iban = IBAN.matcher(line);
            if (iban.find()) {
                sortCode = Optional.of(iban.group(2));
                accountNumber = Optional.of(iban.group(3));
            }
            Matcher headings = COLUMN_HEADINGS.matcher(line);
            if (headings.matches()) {
                // Re-read on every page: the layout is the same, but trusting the heading we can
                // see is safer than assuming it.
                edges = new int[] {headings.end(1), headings.end(2), headings.end(3)};
                continue;
            }
            if (line.isBlank() || PAGE_HEADER.matcher(line).matches() || edges == null) {
                continue;
            }

            Matcher dateMatch = DATE.matcher(line);
            LocalDate date = null;
            int descriptionStart = 0;
            if (dateMatch.lookingAt()) {
                date = date(dateMatch, lineNumber);
                descriptionStart = dateMatch.end();
            }
            Row row = row(line, descriptionStart, edges, lineNumber);
            Money movement = row.movement(lineNumber);

            if (movement == null) {
                if (row.balance == null) {
                    throw new StatementFormatException(lineNumber,
                            "a row with no withdrawal, deposit or balance; this layout is not one we know");
                }
                // An opening or brought/carried-forward marker: it states a balance but moves no
                // money, so it must agree with the balance so far.
                if (running != null && !running.equals(row.balance)) {
                    throw new StatementFormatException(lineNumber, "the balance " + row.balanceText
                            + " does not agree with the balance so far, " + runningFrom);
                }
                running = row.balance;
                runningFrom = row.balanceText;
                continue;
            }
            if (date == null) {
                if (lastDate == null) {
                    throw new StatementFormatException(lineNumber, "a transaction with no date");
                }
                // Statements commonly print a day's date once; a dateless amount row belongs to it.
                date = lastDate;
            }
            Money expected = running == null ? null : running.plus(movement);
            if (row.balance != null) {
                if (expected != null && !expected.equals(row.balance)) {
                    throw new StatementFormatException(lineNumber, "the balance " + row.balanceText
                            + " does not follow from the previous balance " + runningFrom + " and this row's "
                            + movement + "; the columns may have been misread");
                }
                running = row.balance;
                runningFrom = row.balanceText;
            } else {
                running = expected;
                runningFrom = expected == null ? null : expected.toString();
            }
            parsed.add(new ParsedLine(lineNumber, date, row.description, "", movement,
                    Optional.ofNullable(row.balance), ""));
            lastDate = date;
        }
        if (edges == null) {
            throw new StatementFormatException("There is no DATE DESCRIPTION WITHDRAWALS DEPOSITS BALANCE heading line;"
                    + " this is not a Co-operative Bank text statement");
        }
        Optional<StatementBalance> closing = running == null || lastDate == null
                ? Optional.empty()
                : Optional.of(new StatementBalance(lastDate, running));
        return new Statement(sortCode, accountNumber, StatementFingerprints.assign(accountKey, parsed), closing);
    }

    private static LocalDate date(Matcher m, int lineNumber) {
        // Month abbreviations are matched by hand: Java's en-GB month names say "Sept", the bank "SEP".
        int month = MONTHS.indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1;
        if (month == 0) {
            throw new StatementFormatException(lineNumber, "'" + m.group(2) + "' is not a month");
        }
        try {
            return LocalDate.of(2000 + Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            throw new StatementFormatException(lineNumber, "'" + m.group().strip() + "' is not a date");
        }
    }

    private record Row(String description, Money withdrawal, Money deposit, Money balance, String balanceText) {

        Money movement(int lineNumber) {
            if (withdrawal != null && deposit != null) {
                throw new StatementFormatException(lineNumber, "a row with both a withdrawal and a deposit");
            }
            if (withdrawal != null) {
                return Money.ZERO.minus(withdrawal);
            }
            return deposit;
        }
    }

    private static Row row(String line, int descriptionStart, int[] edges, int lineNumber) {
        List<int[]> tokens = new ArrayList<>();
        Matcher t = TOKEN.matcher(line);
        t.region(descriptionStart, line.length());
        while (t.find()) {
            tokens.add(new int[] {t.start(), t.end()});
        }
        // Amounts are the trailing tokens that look like amounts and sit under a heading; anything
        // before them (even digits, like "INV-001" or "00000001") is description.
        Money[] values = new Money[3];
        String balanceText = null;
        int descriptionEnd = line.length();
        for (int k = tokens.size() - 1; k >= 0; k--) {
            int[] token = tokens.get(k);
            String text = line.substring(token[0], token[1]);
            Col col = column(token[1], edges);
            if (!AMOUNT.matcher(text).matches() || col == null) {
                break;
            }
            if (values[col.ordinal()] != null) {
                throw new StatementFormatException(lineNumber, "two amounts under " + col);
            }
            Money value = amount(text, lineNumber);
            if (col != Col.BALANCE && value.isNegative()) {
                throw new StatementFormatException(lineNumber, col + " amount '" + text + "' is negative");
            }
            values[col.ordinal()] = value;
            if (col == Col.BALANCE) {
                balanceText = text;
            }
            descriptionEnd = token[0];
        }
        String description = line.substring(descriptionStart, descriptionEnd).strip();
        return new Row(description, values[0], values[1], values[2], balanceText);
    }

    private static Col column(int tokenEnd, int[] edges) {
        Col nearest = null;
        int best = Integer.MAX_VALUE;
        for (Col col : Col.values()) {
            int distance = Math.abs(tokenEnd - edges[col.ordinal()]);
            if (distance < best) {
                best = distance;
                nearest = col;
            }
        }
        return best <= ALIGNMENT_TOLERANCE ? nearest : null;
    }

    /**
     * "1,234.56", "NIL." (zero), and, as an assumption not seen in a sample, an overdrawn balance
     * marked "DR" or "-" after the figure. A wrong guess there fails the balance check loudly.
     */
    private static Money amount(String text, int lineNumber) {
        boolean negative = text.endsWith("DR") || text.endsWith("-");
        String figure = text.replaceFirst("(DR|-)$", "");
        Money value = figure.equals("NIL.") ? Money.ZERO : AmountText.parse(figure, lineNumber, "amount");
        return negative ? Money.ZERO.minus(value) : value;
    }
}
