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
