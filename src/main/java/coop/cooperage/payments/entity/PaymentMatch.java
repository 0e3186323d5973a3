package coop.cooperage.payments.entity;

import coop.cooperage.money.Money;
import java.util.List;
import java.util.Objects;

/**
 * A proposed pairing of statement credits with an expected payment, for a person to confirm.
 * Every expected payment and every statement credit given to the matcher appears in exactly one
 * proposal, so nothing is silently dropped.
 */
public sealed interface PaymentMatch {

    /** Why the credit lines were paired with the expectation. */
    enum Basis {
        /** The expectation's reference was found in the line's reference or description. */
        REFERENCE,
        /**
         * No reference matched, but this was the only outstanding expectation of exactly this
         * amount and the only unmatched credit of it. Weaker evidence: worth a closer look.
         */
        AMOUNT
    }

    /** Credits that pay for one expectation, with their total. */
    sealed interface Paid extends PaymentMatch {
        ExpectedPayment expected();

        List<StatementLine> lines();

        default Money received() {
            return lines().stream().map(StatementLine::amount).reduce(Money.ZERO, Money::plus);
        }
    }

    /** The credits add up to exactly the amount expected. */
    record Exact(ExpectedPayment expected, List<StatementLine> lines, Basis basis) implements Paid {
        public Exact {
            Objects.requireNonNull(expected, "expected");
            lines = List.copyOf(lines);
            Objects.requireNonNull(basis, "basis");
        }
    }

    /** The reference matched but less arrived than expected. */
    record Partial(ExpectedPayment expected, List<StatementLine> lines, Money shortfall) implements Paid {
        public Partial {
            Objects.requireNonNull(expected, "expected");
            lines = List.copyOf(lines);
            Objects.requireNonNull(shortfall, "shortfall");
        }
    }

    /** The reference matched but more arrived than expected; the excess may need refunding. */
    record Overpayment(ExpectedPayment expected, List<StatementLine> lines, Money excess) implements Paid {
        public Overpayment {
            Objects.requireNonNull(expected, "expected");
            lines = List.copyOf(lines);
            Objects.requireNonNull(excess, "excess");
        }
    }

    /**
     * A credit that pays for nothing we can identify.
     *
     * @param candidates expectations whose references all appear in the line, when it names more
     *                   than one; empty when it names none
     */
    record UnmatchedLine(StatementLine line, List<ExpectedPayment> candidates) implements PaymentMatch {
        public UnmatchedLine {
            Objects.requireNonNull(line, "line");
            candidates = List.copyOf(candidates);
        }
    }

    /** Nothing on the statement pays for this expectation. */
    record UnpaidExpectation(ExpectedPayment expected) implements PaymentMatch {
        public UnpaidExpectation {
            Objects.requireNonNull(expected, "expected");
        }
    }
}
