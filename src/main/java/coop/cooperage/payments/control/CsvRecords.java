package coop.cooperage.payments.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold the delimiter, doubled quotes and
 * line breaks). Each record keeps the line it starts on, so errors can point the user at it.
 * Written here rather than taken from a library because this is all statement import needs.
 */
final class CsvRecords {

    record Row(int lineNumber, List<String> fields) {

        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private CsvRecords() {
    }

    /** All non-blank records. A leading byte order mark is dropped (Excel writes one). */
    static List<Row> read(String text, char delimiter) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("A CSV delimiter cannot be a quote or a line break");
        }
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        int quoteStart = 0;
        boolean inQuotes = false;
        boolean afterClosingQuote = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                    afterClosingQuote = true;
                } else {
                    if (c == '\n' || (c == '\r' && !(i + 1 < s.length() && s.charAt(i + 1) == '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                afterClosingQuote = false;
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                afterClosingQuote = false;
                addUnlessBlank(rows, new Row(rowStart, List.copyOf(fields)));
                fields.clear();
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                rowStart = line;
            } else if (afterClosingQuote) {
                throw new StatementFormatException(line, "unexpected text after a closing quote");
            } else if (c == '"' && field.length() == 0) {
                inQuotes = true;
                quoteStart = line;
            } else {
                // A quote in the middle of an unquoted field (6" PIPE) is kept as text: banks do
                // write such fields, and refusing them would refuse the whole statement.
                field.append(c);
            }
            i++;
        }
        if (inQuotes) {
            throw new StatementFormatException(quoteStart, "a quoted field is never closed");
        }
        if (field.length() > 0 || !fields.isEmpty() || afterClosingQuote) {
            fields.add(field.toString());
            addUnlessBlank(rows, new Row(rowStart, List.copyOf(fields)));
        }
        return rows;
    }

    private static void addUnlessBlank(List<Row> rows, Row row) {
        if (!row.isBlank()) {
            rows.add(row);
        }
    }
}
