package coop.cooperage.payments.control;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.ExpectedPayment;
import coop.cooperage.payments.entity.PaymentMatch;
import coop.cooperage.payments.entity.PaymentMatch.Basis;
import coop.cooperage.payments.entity.StatementLine;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proposes which statement credits pay for which expected payments. It only proposes: a person
 * confirms, so the rules favour leaving a line unmatched over guessing.
 *
 * <p>References are compared on their letters and digits alone, upper-cased and with accents
 * removed, because payers type "sh-0012", "SH 0012" or "Sh0012" for the same thing. A reference
 * may appear anywhere in the line's reference or description ("J SMITH SH0012 SHARES"), but only
 * as a whole: "SH12" is not found in "SH123", nor "12" in "112". The edge of a match must fall
 * where the payer put a space or punctuation, or between a letter and a digit.
 *
 * <p>All the credits naming one expectation are added together, so instalments are judged as a
 * whole: exact, partial (less than expected) or over-payment. A credit naming several
 * expectations is left unmatched with them as candidates, except that a longer reference wins
 * over one it contains ("SH12A" over "SH12"). Credits naming none are then paired by amount, but
 * only where the amount picks out exactly one outstanding expectation and exactly one such credit.
 */
public final class PaymentMatcher {

    private PaymentMatcher() {
    }

    /**
     * @param expected expected payments, with references that differ in their letters and digits
     * @param lines    statement lines; only credits are considered, so a whole statement may be
     *                 passed. Debits and zero-value lines appear in no proposal
     * @return one proposal per expectation, in the order given, then one per unmatched credit in
     *         statement order
     */
    public static List<PaymentMatch> propose(List<ExpectedPayment> expected, List<StatementLine> lines) {
        Map<String, ExpectedPayment> byFolded = new LinkedHashMap<>();
        for (ExpectedPayment e : expected) {
            String folded = fold(e.reference()).chars();
            ExpectedPayment clash = byFolded.putIfAbsent(folded, e);
            if (clash != null) {
                throw new IllegalArgumentException("Expected payments '" + clash.reference() + "' and '"
                        + e.reference() + "' have references that cannot be told apart");
            }
        }

        Map<ExpectedPayment, List<StatementLine>> paid = new LinkedHashMap<>();
        Map<StatementLine, List<ExpectedPayment>> ambiguous = new HashMap<>();
        List<StatementLine> unnamed = new ArrayList<>();
        List<StatementLine> credits = lines.stream().filter(StatementLine::isCredit).toList();
        if (new HashSet<>(credits).size() != credits.size()) {
            // Counting one credit twice would turn a partial payment into an exact one.
            throw new IllegalArgumentException("The same statement line was given more than once");
        }
        for (StatementLine line : credits) {
            List<ExpectedPayment> named = namedIn(line, byFolded);
            if (named.size() == 1) {
                paid.computeIfAbsent(named.get(0), k -> new ArrayList<>()).add(line);
            } else if (named.isEmpty()) {
                unnamed.add(line);
            } else {
                ambiguous.put(line, named);
            }
        }

        Map<ExpectedPayment, StatementLine> byAmount = pairByAmount(expected, paid, unnamed);

        List<PaymentMatch> proposals = new ArrayList<>();
        for (ExpectedPayment e : expected) {
            if (byAmount.containsKey(e)) {
                proposals.add(new PaymentMatch.Exact(e, List.of(byAmount.get(e)), Basis.AMOUNT));
            } else if (paid.containsKey(e)) {
                proposals.add(classify(e, paid.get(e)));
            } else {
                proposals.add(new PaymentMatch.UnpaidExpectation(e));
            }
        }
        Set<StatementLine> used = new HashSet<>(byAmount.values());
        paid.values().forEach(used::addAll);
        for (StatementLine line : credits) {
            if (!used.contains(line)) {
                proposals.add(new PaymentMatch.UnmatchedLine(line, ambiguous.getOrDefault(line, List.of())));
            }
        }
        return proposals;
    }

    private static PaymentMatch classify(ExpectedPayment e, List<StatementLine> lines) {
        Money received = lines.stream().map(StatementLine::amount).reduce(Money.ZERO, Money::plus);
        int cmp = received.compareTo(e.amount());
        if (cmp == 0) {
            return new PaymentMatch.Exact(e, lines, Basis.REFERENCE);
        }
        return cmp < 0
                ? new PaymentMatch.Partial(e, lines, e.amount().minus(received))
                : new PaymentMatch.Overpayment(e, lines, received.minus(e.amount()));
    }

    private static Map<ExpectedPayment, StatementLine> pairByAmount(List<ExpectedPayment> expected,
            Map<ExpectedPayment, List<StatementLine>> paid, List<StatementLine> unnamed) {
        Map<Money, List<ExpectedPayment>> outstanding = new HashMap<>();
        for (ExpectedPayment e : expected) {
            if (!paid.containsKey(e)) {
                outstanding.computeIfAbsent(e.amount(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<Money, List<StatementLine>> credits = new HashMap<>();
        for (StatementLine line : unnamed) {
            credits.computeIfAbsent(line.amount(), k -> new ArrayList<>()).add(line);
        }
        Map<ExpectedPayment, StatementLine> pairs = new HashMap<>();
        outstanding.forEach((amount, es) -> {
            List<StatementLine> ls = credits.getOrDefault(amount, List.of());
            if (es.size() == 1 && ls.size() == 1) {
                pairs.put(es.get(0), ls.get(0));
            }
        });
        return pairs;
    }

    private static List<ExpectedPayment> namedIn(StatementLine line, Map<String, ExpectedPayment> byFolded) {
        Folded reference = fold(line.reference());
        Folded description = fold(line.description());
        List<String> found = new ArrayList<>();
        for (String ref : byFolded.keySet()) {
            if (reference.containsWhole(ref) || description.containsWhole(ref)) {
                found.add(ref);
            }
        }
        // A reference inside a longer one that also matched is the longer one's echo.
        List<ExpectedPayment> named = new ArrayList<>();
        for (String ref : found) {
            boolean echo = found.stream().anyMatch(other -> other.length() > ref.length() && other.contains(ref));
            if (!echo) {
                named.add(byFolded.get(ref));
            }
        }
        return named;
    }

    /**
     * Text reduced to upper-case letters and digits, remembering where separators were so that
     * matches can be required to start and end at word edges.
     */
    record Folded(String chars, BitSet separatorBefore) {

        boolean containsWhole(String ref) {
            if (ref.isEmpty()) {
                return false;
            }
            for (int i = chars.indexOf(ref); i >= 0; i = chars.indexOf(ref, i + 1)) {
                if (edge(i) && edge(i + ref.length())) {
                    return true;
                }
            }
            return false;
        }

        private boolean edge(int index) {
            return index == 0 || index == chars.length() || separatorBefore.get(index)
                    || Character.isDigit(chars.charAt(index - 1)) != Character.isDigit(chars.charAt(index));
        }
    }

    static Folded fold(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
        StringBuilder chars = new StringBuilder(plain.length());
        BitSet separators = new BitSet();
        boolean separated = false;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                if (separated) {
                    separators.set(chars.length());
                }
                chars.append(c);
                separated = false;
            } else {
                separated = true;
            }
        }
        return new Folded(chars.toString(), separators);
    }
}
