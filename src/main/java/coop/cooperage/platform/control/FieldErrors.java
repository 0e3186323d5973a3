package coop.cooperage.platform.control;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem with a piece of input before refusing it, so users see them all at once. */
public final class FieldErrors {

    private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new InvalidInputException.FieldError(field, message));
        return this;
    }

    public FieldErrors check(boolean ok, String field, String message) {
        return ok ? this : add(field, message);
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Adds the other's errors for fields that have none here yet: the first problem with a field is the one shown. */
    public FieldErrors merge(FieldErrors other) {
        other.errors.stream().filter(e -> !has(e.field())).forEach(errors::add);
        return this;
    }

    /** The first message for each field, in order: what a form shows against its fields. */
    public java.util.Map<String, String> byField() {
        var map = new java.util.LinkedHashMap<String, String>();
        errors.forEach(e -> map.putIfAbsent(e.field(), e.message()));
        return map;
    }

    /**
     * Reads an ISO date (YYYY-MM-DD) from a query parameter or JSON field: null when blank, and
     * a message against the field when it is not a date.
     */
    public java.time.LocalDate isoDate(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            add(field, "Enter the date as YYYY-MM-DD, like 2026-03-31");
            return null;
        }
    }

    /** The same, for a single value: refuses at once. */
    public static java.time.LocalDate requireIsoDate(String field, String text) {
        var errors = new FieldErrors();
        var date = errors.isoDate(field, text);
        errors.throwIfAny();
        return date;
    }

    public List<InvalidInputException.FieldError> list() {
        return List.copyOf(errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
