package coop.cooperage.payments.control;

import java.util.List;

/**
 * A payment file that must not be produced, with every reason at once so that a treasurer can
 * fix the whole run in one go rather than one refusal at a time.
 */
public class PaymentFileException extends RuntimeException {

    private final transient List<String> problems;

    public PaymentFileException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
