package coop.cooperage.members.control;

import static coop.cooperage.members.control.ImportField.ADDRESS;
import static coop.cooperage.members.control.ImportField.ADDRESS_LINE_1;
import static coop.cooperage.members.control.ImportField.FIRST_NAMES;
import static coop.cooperage.members.control.ImportField.JOINED_ON;
import static coop.cooperage.members.control.ImportField.NAME;
import static coop.cooperage.members.control.ImportField.POSTCODE;
import static coop.cooperage.members.control.ImportField.SURNAME;

import coop.cooperage.members.control.ImportProblem.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which column of the user's spreadsheet holds which {@link ImportField}, by heading. Headings
 * rather than positions, so that a mapping the user confirmed still fits when they fix the file
 * and upload it again with a column moved. Immutable.
 *
 * <p>Required: a name (Name, or Surname with or without First names), an address (Address, or
 * at least one address line), Postcode and Date joined. {@link #problemsWith} says what is
 * missing or does not fit the file; {@link RegisterImport#check} lists those problems before any
 * row's.
 */
public final class ColumnMapping {

    /** A prefix or suffix shorter than this ("no", "id") matches too many unrelated headings. */
    private static final int MIN_PARTIAL_MATCH = 5;

    private final Map<ImportField, String> headers;

    private ColumnMapping(Map<ImportField, String> headers) {
        this.headers = headers;
    }

    public static ColumnMapping empty() {
        return new ColumnMapping(Collections.unmodifiableMap(new EnumMap<>(ImportField.class)));
    }

    /** A mapping from field to heading; blank headings are left out, as if the field had no column. */
    public static ColumnMapping of(Map<ImportField, String> headers) {
        var copy = new EnumMap<ImportField, String>(ImportField.class);
        headers.forEach((field, header) -> {
            Objects.requireNonNull(field, "field");
            if (header != null && !header.isBlank()) {
                copy.put(field, SpreadsheetTable.tidyHeader(header));
            }
        });
        return new ColumnMapping(Collections.unmodifiableMap(copy));
    }

    /**
     * Guesses a mapping from the headings, for the user to check: each heading is compared with
     * the names each field is known by, ignoring case, spaces and punctuation ("E-mail address" is
     * Email). An exact match wins over a heading that merely starts or ends with a known name
     * ("Shares (£1 each)"), and each heading and field is used at most once.
     *
     * <p>A register with a single "Address" column next to "Address 2" and "Address 3" uses the
     * first as address line 1. One with "First name" and "Surname" gets both mapped, and the
     * import joins them ("Jane Smith") wherever the Name column, if any, is blank.
     */
    public static ColumnMapping suggest(List<String> headers) {
        record Candidate(int score, int column, ImportField field) {
        }
        var candidates = new ArrayList<Candidate>();
        for (int column = 0; column < headers.size(); column++) {
            String heading = ImportField.normalise(headers.get(column));
            if (heading.isEmpty()) {
                continue;
            }
            for (ImportField field : ImportField.values()) {
                int score = 0;
                for (String name : field.headerNames()) {
                    if (heading.equals(name)) {
                        score = Math.max(score, 1000 + name.length());
                    } else if (name.length() >= MIN_PARTIAL_MATCH && (heading.startsWith(name) || heading.endsWith(name))) {
                        score = Math.max(score, name.length());
                    }
                }
                if (score > 0) {
                    candidates.add(new Candidate(score, column, field));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::score).reversed()
                .thenComparingInt(Candidate::column)
                .thenComparing(Candidate::field));
        var chosen = new EnumMap<ImportField, String>(ImportField.class);
        var usedColumns = new HashSet<Integer>();
        for (Candidate c : candidates) {
            if (!chosen.containsKey(c.field()) && !usedColumns.contains(c.column())) {
                chosen.put(c.field(), headers.get(c.column()));
                usedColumns.add(c.column());
            }
        }
        boolean hasLines = chosen.keySet().stream().anyMatch(ImportField::isAddressLine);
        if (hasLines && chosen.containsKey(ADDRESS) && !chosen.containsKey(ADDRESS_LINE_1)) {
            chosen.put(ADDRESS_LINE_1, chosen.remove(ADDRESS));
        }
        return of(chosen);
    }

    public Optional<String> header(ImportField field) {
        return Optional.ofNullable(headers.get(field));
    }

    public boolean has(ImportField field) {
        return headers.containsKey(field);
    }

    /** A copy with {@code field} in {@code header}, or without the field if {@code header} is blank. */
    public ColumnMapping with(ImportField field, String header) {
        var copy = new EnumMap<ImportField, String>(ImportField.class);
        copy.putAll(headers);
        copy.put(field, header);
        return of(copy);
    }

    public ColumnMapping without(ImportField field) {
        return with(field, null);
    }

    /** Field to heading, in field order. */
    public Map<ImportField, String> asMap() {
        return headers;
    }

    /**
     * Everything that stops this mapping being used with a file with these columns, as errors: a
     * required field with no column, a heading that is not in the file, one column used for two
     * fields, and a whole-address column together with address lines (which would be which?).
     * Also a warning when email purposes have a column but emails do not. All have row 0.
     */
    public List<ImportProblem> problemsWith(SpreadsheetTable table) {
        var problems = new ArrayList<ImportProblem>();
        if (!has(NAME) && !has(SURNAME)) {
            problems.add(missing(NAME, "Choose the column that holds the member's name, or the Surname"
                    + " (and First names) columns if names are split."));
        }
        if (has(FIRST_NAMES) && !has(SURNAME)) {
            problems.add(missing(SURNAME, "First names is chosen without Surname: choose the surname column too,"
                    + " or use a single Name column."));
        }
        boolean hasLines = headers.keySet().stream().anyMatch(ImportField::isAddressLine);
        if (!has(ADDRESS) && !hasLines) {
            problems.add(missing(ADDRESS, "Choose the column that holds the address, or the address line columns."));
        }
        if (has(ADDRESS) && hasLines) {
            problems.add(missing(ADDRESS, "Choose either one column holding the whole address, or address lines,"
                    + " not both."));
        }
        if (!has(POSTCODE)) {
            problems.add(missing(POSTCODE, "Choose the column that holds the postcode."));
        }
        if (!has(JOINED_ON)) {
            problems.add(missing(JOINED_ON, "Choose the column that holds the date each member joined"
                    + " (was entered on the register)."));
        }
        if (has(ImportField.EMAIL_PURPOSES) && !has(ImportField.EMAIL)) {
            problems.add(new ImportProblem(0, "", "", Optional.of(ImportField.EMAIL_PURPOSES), Severity.WARNING,
                    "Email purposes are chosen without an Email column, so they will not be kept."));
        }
        var fieldsByColumn = new HashMap<Integer, ImportField>();
        headers.forEach((field, header) -> {
            int column = table.columnIndex(header);
            if (column < 0) {
                problems.add(new ImportProblem(0, "", "", Optional.of(field), Severity.ERROR,
                        "There is no column headed '" + header + "' in the file for " + field.label() + "."));
                return;
            }
            ImportField other = fieldsByColumn.putIfAbsent(column, field);
            if (other != null) {
                problems.add(new ImportProblem(0, table.headers().get(column), SpreadsheetTable.columnLetter(column),
                        Optional.of(field), Severity.ERROR, "The column '" + table.headers().get(column)
                        + "' is chosen for both " + other.label() + " and " + field.label() + "."));
            }
        });
        return problems;
    }

    private static ImportProblem missing(ImportField field, String message) {
        return new ImportProblem(0, "", "", Optional.of(field), Severity.ERROR, message);
    }

    /** Fields whose heading is in the table, with its column index. */
    Map<ImportField, Integer> columnsIn(SpreadsheetTable table) {
        var columns = new EnumMap<ImportField, Integer>(ImportField.class);
        headers.forEach((field, header) -> {
            int column = table.columnIndex(header);
            if (column >= 0) {
                columns.put(field, column);
            }
        });
        return columns;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMapping other && other.headers.equals(headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    @Override
    public String toString() {
        return "ColumnMapping" + headers;
    }
}
