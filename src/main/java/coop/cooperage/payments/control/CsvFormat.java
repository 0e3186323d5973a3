package coop.cooperage.payments.control;

import coop.cooperage.money.Money;
import coop.cooperage.payments.control.CsvMapping.Amounts;
import coop.cooperage.payments.control.CsvMapping.Column;
import coop.cooperage.payments.entity.Statement;
import coop.cooperage.payments.entity.StatementBalance;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CSV statement export, read through a {@link CsvMapping}. Starling Bank's export is one of
 * these with a fixed mapping: see {@link #starling()}.
 */
public record CsvFormat(CsvMapping mapping) implements StatementFormat {

    public CsvFormat {
        Objects.requireNonNull(mapping, "mapping");
    }

    /**
     * Starling Bank's statement CSV (web app download and API {@code /statement/download} as
     * text/csv): Date, Counter Party, Reference, Type, Amount (GBP), Balance (GBP), Spending
     * Category. The spending category is Starling's personal-finance label and is not kept.
     */
    public static CsvFormat starling() {
        return new CsvFormat(CsvMapping.builder()
                .date("Date", "dd/MM/yyyy")
                .description("Counter Party")
                .reference("Reference")
                .type("Type")
                .amount("Amount (GBP)")
                .balance("Balance (GBP)")
                .build());
    }

    @Override
    public Statement parse(byte[] content, String accountKey) {
        List<CsvRecords.Row> rows = CsvRecords.read(StatementBytes.decode(content, mapping.charset()),
                mapping.delimiter());
        if (rows.isEmpty()) {
            throw new StatementFormatException("The file has no rows");
        }
        Map<String, Integer> headerIndex = Map.of();
        int first = 0;
        if (mapping.hasHeader()) {
            headerIndex = indexHeader(rows.get(0));
            first = 1;
        }
        Columns columns = new Columns(headerIndex, rows.get(0).lineNumber());
        // Resolve every mapped column now, so a wrong mapping is reported against the header
        // rather than as a puzzling problem on the first data row.
        mappedColumns().forEach(columns::index);
        DateTimeFormatter dates = mapping.dateFormatter();
        List<ParsedLine> parsed = new ArrayList<>();
        for (CsvRecords.Row row : rows.subList(first, rows.size())) {
            parsed.add(parseRow(row, columns, dates));
        }
        // A header with no rows is a quiet period, not a broken file.
        return new Statement(Optional.empty(), Optional.empty(), StatementFingerprints.assign(accountKey, parsed),
                parsed.isEmpty() ? Optional.empty() : closingBalance(parsed));
    }

    private ParsedLine parseRow(CsvRecords.Row row, Columns columns, DateTimeFormatter dates) {
        int line = row.lineNumber();
        String dateText = columns.value(row, mapping.date()).strip();
        if (dateText.isEmpty()) {
            throw new StatementFormatException(line, "the date is missing");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(dateText, dates);
        } catch (DateTimeParseException e) {
            throw new StatementFormatException(line,
                    "date '" + dateText + "' is not a date in the form " + mapping.datePattern());
        }
        Money amount = amount(row, columns);
        Optional<Money> balance = mapping.balance()
                .map(c -> columns.value(row, c).strip())
                .filter(text -> !text.isEmpty())
                .map(text -> AmountText.parse(text, line, "balance"));
        return new ParsedLine(line, date,
                columns.value(row, mapping.description()).strip(),
                mapping.reference().map(c -> columns.value(row, c).strip()).orElse(""),
                amount, balance,
                mapping.type().map(c -> columns.value(row, c).strip()).orElse(""));
    }

    private Money amount(CsvRecords.Row row, Columns columns) {
        int line = row.lineNumber();
        if (mapping.amounts() instanceof Amounts.Signed signed) {
            return AmountText.parse(columns.value(row, signed.amount()), line, "amount");
        }
        Amounts.PaidInAndOut pair = (Amounts.PaidInAndOut) mapping.amounts();
        Optional<Money> in = optionalMagnitude(columns.value(row, pair.paidIn()), line, "paid in");
        Optional<Money> out = optionalMagnitude(columns.value(row, pair.paidOut()), line, "paid out");
        if (in.isEmpty() && out.isEmpty()) {
            throw new StatementFormatException(line, "there is neither a paid in nor a paid out amount");
        }
        // Some banks write 0.00 in the unused column; only two non-zero amounts are a contradiction.
        if (in.isPresent() && out.isPresent() && !in.get().isZero() && !out.get().isZero()) {
            throw new StatementFormatException(line, "there is both a paid in and a paid out amount");
        }
        return in.orElse(Money.ZERO).minus(out.orElse(Money.ZERO));
    }

    private static Optional<Money> optionalMagnitude(String text, int line, String what) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        Money value = AmountText.parse(text, line, what);
        if (value.isNegative()) {
            // The column gives the direction; a sign as well means the mapping is probably wrong.
            throw new StatementFormatException(line, what + " amount '" + text.strip()
                    + "' is negative; paid in and paid out columns should both hold positive amounts");
        }
        return Optional.of(value);
    }

    /**
     * The balance at the end of the period: the last row's if the file runs oldest first, the
     * first row's if newest first. When every row has the same date the order cannot be told,
     * so no closing balance is claimed.
     */
    private static Optional<StatementBalance> closingBalance(List<ParsedLine> lines) {
        ParsedLine first = lines.get(0);
        ParsedLine last = lines.get(lines.size() - 1);
        ParsedLine latest;
        if (lines.size() == 1 || last.date().isAfter(first.date())) {
            latest = last;
        } else if (first.date().isAfter(last.date())) {
            latest = first;
        } else {
            return Optional.empty();
        }
        return latest.balance().map(b -> new StatementBalance(latest.date(), b));
    }

    private List<Column> mappedColumns() {
        List<Column> all = new ArrayList<>(List.of(mapping.date(), mapping.description()));
        mapping.reference().ifPresent(all::add);
        mapping.balance().ifPresent(all::add);
        mapping.type().ifPresent(all::add);
        if (mapping.amounts() instanceof Amounts.Signed signed) {
            all.add(signed.amount());
        } else {
            Amounts.PaidInAndOut pair = (Amounts.PaidInAndOut) mapping.amounts();
            all.add(pair.paidIn());
            all.add(pair.paidOut());
        }
        return all;
    }

    private Map<String, Integer> indexHeader(CsvRecords.Row header) {
        Map<String, Integer> index = new HashMap<>();
        List<String> fields = header.fields();
        for (int i = 0; i < fields.size(); i++) {
            String key = fields.get(i).strip().toLowerCase(Locale.ROOT);
            // A repeated header name is only a problem if the mapping uses it; mark it ambiguous.
            index.merge(key, i, (a, b) -> -1);
        }
        return index;
    }

    /** Resolves mapped columns against the header and reads them from rows. */
    private static final class Columns {
        private final Map<String, Integer> headerIndex;
        private final int headerLine;

        Columns(Map<String, Integer> headerIndex, int headerLine) {
            this.headerIndex = headerIndex;
            this.headerLine = headerLine;
        }

        String value(CsvRecords.Row row, Column column) {
            int index = index(column);
            if (index >= row.fields().size()) {
                throw new StatementFormatException(row.lineNumber(), "the row has " + row.fields().size()
                        + " columns, but " + column + " is column " + (index + 1));
            }
            return row.fields().get(index);
        }

        private int index(Column column) {
            if (column instanceof Column.Numbered numbered) {
                return numbered.position() - 1;
            }
            String header = ((Column.Named) column).header();
            Integer index = headerIndex.get(header.toLowerCase(Locale.ROOT));
            if (index == null) {
                throw new StatementFormatException(headerLine, "the header has no column named '" + header + "'");
            }
            if (index < 0) {
                throw new StatementFormatException(headerLine,
                        "the header has more than one column named '" + header + "'");
            }
            return index;
        }
    }
}
