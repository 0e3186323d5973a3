package coop.cooperage.society.boundary;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.platform.control.FieldErrors;
import java.time.LocalDate;

/** Reads the audit trail's filter from query parameters, for the page and the API alike. */
public final class AuditFilters {

    private AuditFilters() {
    }

    public static AuditTrail.Filter parse(String action, String actor, String entityType, String from, String to) {
        var errors = new FieldErrors();
        LocalDate f = errors.isoDate("from", from);
        LocalDate t = errors.isoDate("to", to);
        errors.check(f == null || t == null || !t.isBefore(f), "to", "The end date must be on or after the start date");
        errors.throwIfAny();
        return new AuditTrail.Filter(blankToNull(action), blankToNull(actor), blankToNull(entityType), f, t);
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
