package coop.cooperage.members.control;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with an import, placed so the user can find it: the spreadsheet row (as the
 * user sees it), and the column by its heading and letter. Problems with the file or the column
 * mapping as a whole have row 0; problems with a whole row have no column.
 *
 * @param row          the spreadsheet row, or 0 for the file or the mapping
 * @param column       the column's heading, or "" when the problem is not in one column
 * @param columnLetter the column's letter ("F"), or "" as for {@code column}
 * @param field        the field concerned, when there is one
 * @param severity     an error stops the import; a warning is for the user to read, and does not
 * @param message      what is wrong and how to put it right, in the user's words
 */
public record ImportProblem(int row, String column, String columnLetter, Optional<ImportField> field,
        Severity severity, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public ImportProblem {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(columnLetter, "columnLetter");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "Row 7, Postcode (column F): ...", or "File: ..." for the file and the mapping. */
    @Override
    public String toString() {
        var s = new StringBuilder(row > 0 ? "Row " + row : "File");
        if (!column.isEmpty()) {
            s.append(", ").append(column);
            if (!columnLetter.isEmpty()) {
                s.append(" (column ").append(columnLetter).append(')');
            }
        } else if (!columnLetter.isEmpty()) {
            s.append(", column ").append(columnLetter);
        }
        s.append(severity == Severity.WARNING ? " [warning]: " : ": ").append(message);
        return s.toString();
    }
}
