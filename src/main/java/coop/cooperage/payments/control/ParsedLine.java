package coop.cooperage.payments.control;

import coop.cooperage.money.Money;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A statement line as a parser read it, before it has a fingerprint. The fingerprint needs the
 * whole statement (to count identical lines), so parsers produce these and
 * {@link StatementFingerprints} turns them into {@code StatementLine}s.
 */
record ParsedLine(
        int lineNumber,
        LocalDate date,
        String description,
        String reference,
        Money amount,
        Optional<Money> balance,
        String type) {
}
