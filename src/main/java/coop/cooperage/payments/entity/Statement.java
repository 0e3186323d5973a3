package coop.cooperage.payments.entity;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed bank statement: its lines in the order the bank listed them, and what the file says
 * about the account it belongs to.
 *
 * @param bankId         the sort code (or OFX BANKID) the file names, if it names one; lets the
 *                       import warn when a file is loaded into the wrong account
 * @param accountId      the account number (or card number) the file names, if any
 * @param lines          the transactions
 * @param closingBalance the balance the file states at its end, if any
 */
public record Statement(
        Optional<String> bankId,
        Optional<String> accountId,
        List<StatementLine> lines,
        Optional<StatementBalance> closingBalance) {

    public Statement {
        Objects.requireNonNull(bankId, "bankId");
        Objects.requireNonNull(accountId, "accountId");
        lines = List.copyOf(lines);
        Objects.requireNonNull(closingBalance, "closingBalance");
    }

    /**
     * The lines not yet imported, given the fingerprints already stored for this account. This is
     * what makes a second import of the same file (or of an overlapping one) add nothing twice.
     */
    public List<StatementLine> linesNotIn(Collection<String> knownFingerprints) {
        Set<String> known = new HashSet<>(knownFingerprints);
        return lines.stream().filter(line -> !known.contains(line.fingerprint())).toList();
    }
}
