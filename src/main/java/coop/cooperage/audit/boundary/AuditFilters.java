package coop.cooperage.audit.boundary;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.platform.control.FieldErrors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads the audit trail's filter from query parameters, for the page and the API alike. */
public final class AuditFilters {

    private AuditFilters() {
    }

    public static AuditTrail.Filter parse(String action, String actor, String entityType, String from, String to) {
        var errors = new FieldErrors();
        LocalDate f = date(from, "from", errors);
        LocalDate t = date(to, "to", errors);
        errors.check(f == null || t == null || !t.isBefore(f), "to", "The end date must be on or after the start date");
        errors.throwIfAny();
        return new AuditTrail.Filter(blankToNull(action), blankToNull(actor), blankToNull(entityType), f, t);
    }

    private static LocalDate date(String text, String field, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, "Enter the date as YYYY-MM-DD, like 2026-03-31");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
