package coop.cooperage.platform.boundary.web;

import coop.cooperage.platform.control.FieldErrors;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a posted form, turning text into typed values and collecting a message for every
 * field that cannot be read, so that one round trip reports every problem.
 */
public final class FormInput {

    private final MultivaluedMap<String, String> form;
    private final FieldErrors errors = new FieldErrors();

    public FormInput(MultivaluedMap<String, String> form) {
        this.form = form;
    }

    public String text(String name) {
        String v = form.getFirst(name);
        return v == null ? null : v.trim();
    }

    public boolean flag(String name) {
        return "true".equals(text(name)) || "on".equals(text(name));
    }

    public Integer integer(String name, String message) {
        String v = text(name);
        try {
            return v == null || v.isEmpty() ? fail(name, message) : Integer.valueOf(v.replace(",", ""));
        } catch (NumberFormatException e) {
            return fail(name, message);
        }
    }

    public Long whole(String name, String message) {
        String v = text(name);
        try {
            return v == null || v.isEmpty() ? fail(name, message) : Long.valueOf(v.replace(",", ""));
        } catch (NumberFormatException e) {
            return fail(name, message);
        }
    }

    public BigDecimal decimal(String name, String message) {
        String v = text(name);
        try {
            return v == null || v.isEmpty() ? fail(name, message) : new BigDecimal(v.replace("%", "").trim());
        } catch (NumberFormatException e) {
            return fail(name, message);
        }
    }

    /** A date from three fields name-day, name-month, name-year, as GOV.UK date inputs post it. */
    public LocalDate date(String name, String message) {
        try {
            return LocalDate.of(Integer.parseInt(text(name + "-year")), Integer.parseInt(text(name + "-month")),
                    Integer.parseInt(text(name + "-day")));
        } catch (NumberFormatException | NullPointerException | DateTimeException e) {
            return fail(name, message);
        }
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type, String message) {
        String v = text(name);
        try {
            return v == null || v.isEmpty() ? fail(name, message) : Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            return fail(name, message);
        }
    }

    public FieldErrors errors() {
        return errors;
    }

    /** The submitted values, to show the form again as the user typed it. */
    public Map<String, String> values() {
        var values = new HashMap<String, String>();
        form.forEach((k, v) -> {
            if (!v.isEmpty() && !k.equals(Csrf.FIELD) && !k.toLowerCase().contains("password")) {
                values.put(k, v.get(0));
            }
        });
        return values;
    }

    private <T> T fail(String name, String message) {
        errors.add(name, message);
        return null;
    }
}
