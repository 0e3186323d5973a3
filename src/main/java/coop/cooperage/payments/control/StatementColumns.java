package coop.cooperage.payments.control;

import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * A column mapping for an unknown bank's CSV as a person gives it: a header name for each field,
 * the date pattern and the delimiter. The same names serve the upload page's mapping step and the
 * API's {@code column.*} query parameters. Either one signed amount column, or paid in and paid
 * out columns, must be given.
 */
public final class StatementColumns {

    /** The fields a mapping names, in the order the mapping page asks for them. */
    public enum Field {
        date("Date", true), description("Description (payer)", true), reference("Reference", false),
        amount("Amount (negative for money out)", false), paidIn("Paid in", false), paidOut("Paid out", false),
        balance("Balance", false), type("Transaction type", false);

        private final String label;
        private final boolean required;

        Field(String label, boolean required) {
            this.label = label;
            this.required = required;
        }

        public String label() {
            return label;
        }

        public boolean required() {
            return required;
        }
    }

    /** Date patterns seen in UK bank exports, offered on the mapping page. */
    public static final List<String> DATE_PATTERNS = List.of("dd/MM/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd MMM yyyy", "dd/MM/yy",
            "d MMM yy", "dd.MM.yyyy");

    private StatementColumns() {
    }

    /**
     * @param columns   field name to header text; blank means not in the file
     * @param delimiter one character, or "tab"; blank for a comma
     */
    public static CsvMapping mapping(Map<String, String> columns, String datePattern, String delimiter) {
        var errors = new FieldErrors();
        for (Field f : Field.values()) {
            errors.check(!f.required || present(columns.get(f.name())), f.name(), "Choose the column that holds the " + f.label().toLowerCase());
        }
        boolean signed = present(columns.get("amount"));
        boolean pair = present(columns.get("paidIn")) || present(columns.get("paidOut"));
        errors.check(signed || pair, "amount", "Choose the amount column, or the paid in and paid out columns");
        errors.check(!(signed && pair), "amount", "Choose either one amount column or paid in and paid out columns, not both");
        errors.check(!pair || signed || (present(columns.get("paidIn")) && present(columns.get("paidOut"))), "paidOut",
                "Choose both the paid in and the paid out columns");
        errors.check(present(datePattern), "datePattern", "Choose how dates are written");
        char sep = ',';
        if (present(delimiter)) {
            String d = delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
            errors.check(d.length() == 1 && d.charAt(0) != '"', "delimiter", "The delimiter must be one character, like , or ;");
            sep = d.charAt(0);
        }
        errors.throwIfAny();
        var b = CsvMapping.builder().delimiter(sep).description(columns.get("description").strip());
        try {
            b.date(columns.get("date").strip(), datePattern.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("datePattern", e.getMessage());
        }
        if (signed) {
            b.amount(columns.get("amount").strip());
        } else {
            b.paidInAndOut(columns.get("paidIn").strip(), columns.get("paidOut").strip());
        }
        if (present(columns.get("reference"))) {
            b.reference(columns.get("reference").strip());
        }
        if (present(columns.get("balance"))) {
            b.balance(columns.get("balance").strip());
        }
        if (present(columns.get("type"))) {
            b.type(columns.get("type").strip());
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("datePattern", e.getMessage());
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
