package coop.cooperage.platform.control;

/**
 * The request is well formed but clashes with the current state (a duplicate name, a used
 * link). A form shows it against its field like any invalid input; the API answers 409.
 */
public class ConflictException extends InvalidInputException {

    public ConflictException(String field, String message) {
        super(field, message);
    }

    public String field() {
        return errors().get(0).field();
    }
}
