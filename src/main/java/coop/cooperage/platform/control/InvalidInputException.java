package coop.cooperage.platform.control;

import java.util.List;
import java.util.Map;

/**
 * Input that breaks a rule. Carries one message per field so that a form can show an error
 * summary linked to its fields and the API can list them in problem+json.
 */
public class InvalidInputException extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "Invalid input" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> byField() {
        var map = new java.util.LinkedHashMap<String, String>();
        errors.forEach(e -> map.putIfAbsent(e.field(), e.message()));
        return map;
    }
}
