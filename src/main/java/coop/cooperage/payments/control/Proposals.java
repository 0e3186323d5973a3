package coop.cooperage.payments.control;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.BankStatementLine.Basis;
import coop.cooperage.payments.entity.BankStatementLine.Kind;
import coop.cooperage.payments.entity.ExpectedPayment;
import coop.cooperage.payments.entity.PaymentMatch;
import coop.cooperage.payments.entity.StatementLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the matcher's proposals into a decision for every open statement line, by id. Pure: the
 * control class loads open lines and applications, and writes the decisions back.
 *
 * <p>Every open credit of the society is matched together, not one statement at a time, so that
 * instalments paid across two statements are judged as a whole. Each application is expected to
 * pay what it still owes (its amount less what has been confirmed), so a second instalment is
 * judged against what is left.
 *
 * <p>Two applications whose references cannot be told apart by their letters and digits ("SH-12"
 * and "SH12") are left out of matching by reference: a line naming either stays unmatched for
 * the treasurer. An application already paid in full cannot be expected (nothing is owed), yet a
 * credit naming it is an over-payment the treasurer must see; so a line left unmatched that names
 * exactly one fully paid application is proposed for it as an over-payment.
 */
public final class Proposals {

    /** An open credit line, by id. */
    public record OpenLine(long id, StatementLine line) {
    }

    /** An application that can take money, and what it still owes (zero or less when paid). */
    public record Application(long id, String reference, Money outstanding) {
    }

    /** What to do with one line: propose it for an application, or leave it unmatched. */
    public record Decision(Long applicationId, Basis basis, Kind kind, List<String> candidates) {
        public boolean proposed() {
            return applicationId != null;
        }
    }

    private Proposals() {
    }

    public static Map<Long, Decision> decide(List<OpenLine> lines, List<Application> applications) {
        Map<String, List<Application>> byFolded = new LinkedHashMap<>();
        for (Application a : applications) {
            String folded = PaymentMatcher.fold(a.reference()).chars();
            if (!folded.isEmpty()) {
                byFolded.computeIfAbsent(folded, k -> new ArrayList<>()).add(a);
            }
        }
        Map<String, Application> owing = new HashMap<>();
        Map<String, Application> paidUp = new HashMap<>();
        List<ExpectedPayment> expected = new ArrayList<>();
        byFolded.forEach((folded, same) -> {
            if (same.size() != 1) {
                return;
            }
            Application a = same.get(0);
            if (a.outstanding().pence() > 0) {
                owing.put(a.reference(), a);
                expected.add(new ExpectedPayment(a.reference(), a.outstanding()));
            } else {
                paidUp.put(folded, a);
            }
        });
        Map<StatementLine, Long> ids = new HashMap<>();
        for (OpenLine l : lines) {
            ids.put(l.line(), l.id());
        }
        Map<Long, Decision> decisions = new LinkedHashMap<>();
        for (PaymentMatch match : PaymentMatcher.propose(expected, lines.stream().map(OpenLine::line).toList())) {
            if (match instanceof PaymentMatch.Paid paid) {
                Application a = owing.get(paid.expected().reference());
                Basis basis = match instanceof PaymentMatch.Exact exact && exact.basis() == PaymentMatch.Basis.AMOUNT
                        ? Basis.AMOUNT : Basis.REFERENCE;
                Kind kind = match instanceof PaymentMatch.Exact ? Kind.EXACT
                        : match instanceof PaymentMatch.Partial ? Kind.PARTIAL : Kind.OVER;
                for (StatementLine line : paid.lines()) {
                    decisions.put(ids.get(line), new Decision(a.id(), basis, kind, List.of()));
                }
            } else if (match instanceof PaymentMatch.UnmatchedLine unmatched) {
                List<String> candidates = unmatched.candidates().stream().map(ExpectedPayment::reference).toList();
                Application fullyPaid = candidates.isEmpty() ? onlyNamed(unmatched.line(), paidUp) : null;
                decisions.put(ids.get(unmatched.line()), fullyPaid != null
                        ? new Decision(fullyPaid.id(), Basis.REFERENCE, Kind.OVER, List.of())
                        : new Decision(null, null, null, candidates));
            }
        }
        return decisions;
    }

    private static Application onlyNamed(StatementLine line, Map<String, Application> paidUp) {
        if (paidUp.isEmpty()) {
            return null;
        }
        PaymentMatcher.Folded reference = PaymentMatcher.fold(line.reference());
        PaymentMatcher.Folded description = PaymentMatcher.fold(line.description());
        List<Application> named = paidUp.entrySet().stream()
                .filter(e -> reference.containsWhole(e.getKey()) || description.containsWhole(e.getKey()))
                .map(Map.Entry::getValue).collect(Collectors.toList());
        return named.size() == 1 ? named.get(0) : null;
    }
}
