package coop.cooperage.payments.control;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Says which column of a bank's CSV export holds what, so that a bank we have no parser for can
 * still be imported. Columns are named by their header text (robust to banks adding columns) or
 * by position, counting from 1, for files without a header row.
 *
 * <p>Build one with {@link #builder()}.
 */
public record CsvMapping(
        Charset charset,
        char delimiter,
        boolean hasHeader,
        Column date,
        String datePattern,
        Column description,
        Optional<Column> reference,
        Amounts amounts,
        Optional<Column> balance,
        Optional<Column> type) {

    /** Where a value is: a header name or a 1-based position. */
    public sealed interface Column {

        /** Matched to the header case-insensitively, ignoring surrounding spaces. */
        record Named(String header) implements Column {
            public Named {
                if (header == null || header.isBlank()) {
                    throw new IllegalArgumentException("A column name cannot be blank");
                }
                header = header.strip();
            }

            @Override
            public String toString() {
                return "'" + header + "'";
            }
        }

        record Numbered(int position) implements Column {
            public Numbered {
                if (position < 1) {
                    throw new IllegalArgumentException("Columns are numbered from 1; got " + position);
                }
            }

            @Override
            public String toString() {
                return "column " + position;
            }
        }
    }

    /** How money in and out is shown. */
    public sealed interface Amounts {

        /** One column, negative for money out. */
        record Signed(Column amount) implements Amounts {
            public Signed {
                Objects.requireNonNull(amount, "amount");
            }
        }

        /** Two columns, both holding positive amounts; the column says the direction. */
        record PaidInAndOut(Column paidIn, Column paidOut) implements Amounts {
            public PaidInAndOut {
                Objects.requireNonNull(paidIn, "paidIn");
                Objects.requireNonNull(paidOut, "paidOut");
            }
        }
    }

    public CsvMapping {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(date, "date column");
        Objects.requireNonNull(datePattern, "date pattern");
        Objects.requireNonNull(description, "description column");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amounts, "amount column(s)");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(type, "type");
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("A CSV delimiter cannot be a quote or a line break");
        }
        dateFormatter(datePattern);
        if (!hasHeader && usesNames(date, description, reference, amounts, balance, type)) {
            throw new IllegalArgumentException("Columns can be named only when the file has a header row");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The formatter for {@link #datePattern}. The pattern is written the familiar way
     * ("dd/MM/yyyy"); resolution is strict so that 31/02/2024 is refused rather than moved to
     * 29 February, and month names are read case-insensitively ("NOV", "Nov").
     */
    DateTimeFormatter dateFormatter() {
        return dateFormatter(datePattern);
    }

    private static DateTimeFormatter dateFormatter(String pattern) {
        try {
            // Strict resolution needs the proleptic year 'u': with 'y' (year of era) and no era
            // field, strict resolution refuses every date.
            return new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern(yearOfEraToYear(pattern))
                    // Not Locale.UK: its short name for September is "Sept"; banks write "Sep".
                    .toFormatter(Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + pattern + "' is not a date pattern like dd/MM/yyyy", e);
        }
    }

    private static String yearOfEraToYear(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }

    private static boolean usesNames(Column date, Column description, Optional<Column> reference, Amounts amounts,
            Optional<Column> balance, Optional<Column> type) {
        // Java 17: no pattern matching in switch yet, hence instanceof.
        boolean amountNamed = amounts instanceof Amounts.Signed s
                ? s.amount() instanceof Column.Named
                : ((Amounts.PaidInAndOut) amounts).paidIn() instanceof Column.Named
                        || ((Amounts.PaidInAndOut) amounts).paidOut() instanceof Column.Named;
        return amountNamed || date instanceof Column.Named || description instanceof Column.Named
                || reference.filter(Column.Named.class::isInstance).isPresent()
                || balance.filter(Column.Named.class::isInstance).isPresent()
                || type.filter(Column.Named.class::isInstance).isPresent();
    }

    /** Fluent construction; date, description and the amount column(s) are required. */
    public static final class Builder {
        private Charset charset = StandardCharsets.UTF_8;
        private char delimiter = ',';
        private boolean hasHeader = true;
        private Column date;
        private String datePattern;
        private Column description;
        private Column reference;
        private Amounts amounts;
        private Column balance;
        private Column type;

        private Builder() {
        }

        public Builder charset(Charset value) {
            charset = value;
            return this;
        }

        public Builder delimiter(char value) {
            delimiter = value;
            return this;
        }

        /** The file starts with data, not a header row; columns must then be given by number. */
        public Builder noHeader() {
            hasHeader = false;
            return this;
        }

        public Builder date(String header, String pattern) {
            date = new Column.Named(header);
            datePattern = pattern;
            return this;
        }

        public Builder date(int position, String pattern) {
            date = new Column.Numbered(position);
            datePattern = pattern;
            return this;
        }

        public Builder description(String header) {
            description = new Column.Named(header);
            return this;
        }

        public Builder description(int position) {
            description = new Column.Numbered(position);
            return this;
        }

        public Builder reference(String header) {
            reference = new Column.Named(header);
            return this;
        }

        public Builder reference(int position) {
            reference = new Column.Numbered(position);
            return this;
        }

        public Builder amount(String header) {
            amounts = new Amounts.Signed(new Column.Named(header));
            return this;
        }

        public Builder amount(int position) {
            amounts = new Amounts.Signed(new Column.Numbered(position));
            return this;
        }

        public Builder paidInAndOut(String paidInHeader, String paidOutHeader) {
            amounts = new Amounts.PaidInAndOut(new Column.Named(paidInHeader), new Column.Named(paidOutHeader));
            return this;
        }

        public Builder paidInAndOut(int paidInPosition, int paidOutPosition) {
            amounts = new Amounts.PaidInAndOut(new Column.Numbered(paidInPosition),
                    new Column.Numbered(paidOutPosition));
            return this;
        }

        public Builder balance(String header) {
            balance = new Column.Named(header);
            return this;
        }

        public Builder balance(int position) {
            balance = new Column.Numbered(position);
            return this;
        }

        public Builder type(String header) {
            type = new Column.Named(header);
            return this;
        }

        public Builder type(int position) {
            type = new Column.Numbered(position);
            return this;
        }

        public CsvMapping build() {
            if (date == null || description == null || amounts == null) {
                throw new IllegalArgumentException(
                        "A CSV mapping needs a date column, a description column and an amount column (or paid in and paid out columns)");
            }
            return new CsvMapping(charset, delimiter, hasHeader, date, datePattern, description,
                    Optional.ofNullable(reference), amounts, Optional.ofNullable(balance), Optional.ofNullable(type));
        }
    }
}
