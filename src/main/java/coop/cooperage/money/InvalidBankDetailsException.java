package coop.cooperage.money;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bank details that cannot be used to move money. Carries one problem per field so that a form
 * can show an error summary linked to each field, rather than one message for the lot.
 */
public class InvalidBankDetailsException extends IllegalArgumentException {

    public enum Field { SORT_CODE, ACCOUNT_NUMBER, ACCOUNT_NAME }

    public record Problem(Field field, String message) {
    }

    private final transient List<Problem> problems;

    public InvalidBankDetailsException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
