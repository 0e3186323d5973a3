package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.ExpectedPayment;
import coop.cooperage.payments.entity.PaymentMatch;
import coop.cooperage.payments.entity.PaymentMatch.Basis;
import coop.cooperage.payments.entity.PaymentMatch.Exact;
import coop.cooperage.payments.entity.PaymentMatch.Overpayment;
import coop.cooperage.payments.entity.PaymentMatch.Paid;
import coop.cooperage.payments.entity.PaymentMatch.Partial;
import coop.cooperage.payments.entity.PaymentMatch.UnmatchedLine;
import coop.cooperage.payments.entity.PaymentMatch.UnpaidExpectation;
import coop.cooperage.payments.entity.Statement;
import coop.cooperage.payments.entity.StatementLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

class PaymentMatcherTest {

    private static final LocalDate DAY = LocalDate.of(2025, 9, 1);

    private static List<StatementLine> lines(String... descriptionReferenceAmount) {
        List<ParsedLine> parsed = new ArrayList<>();
        for (String spec : descriptionReferenceAmount) {
            String[] p = spec.split("\\|", -1);
            parsed.add(new ParsedLine(1, DAY, p[0], p[1], Money.parse(p[2]), Optional.empty(), ""));
        }
        return StatementFingerprints.assign("acct", parsed);
    }

    private static ExpectedPayment expect(String reference, String amount) {
        return new ExpectedPayment(reference, Money.parse(amount));
    }

    @Test
    void matchesAReferenceWhateverTheCaseSpacingAndPunctuation() {
        List<StatementLine> ls = lines("J SMITH|sh 0012|250.00", "A JONES|Sh.0013|100.00");
        List<PaymentMatch> proposals = PaymentMatcher.propose(
                List.of(expect("SH-0012", "250.00"), expect("SH/0013", "100.00")), ls);
        assertThat(proposals).containsExactly(
                new Exact(expect("SH-0012", "250.00"), List.of(ls.get(0)), Basis.REFERENCE),
                new Exact(expect("SH/0013", "100.00"), List.of(ls.get(1)), Basis.REFERENCE));
    }

    @Test
    void findsAReferenceInsideTheDescriptionOfTheCoOperativeBankSample() {
        Statement statement = new CoopBankTextFormat().parse(SharedTestData.bytes(
                "bank-statements/coop-bank-tiredpixel/inputs__TXT__CPBKGB22__Business__Current__2015-12-06.txt"), "acct");
        ExpectedPayment invoice = expect("inv 001", "4800.00");
        ExpectedPayment unpaid = expect("INV-002", "99.00");

        List<PaymentMatch> proposals = PaymentMatcher.propose(List.of(invoice, unpaid), statement.lines());

        assertThat(proposals.get(0)).isInstanceOfSatisfying(Exact.class, e -> {
            assertThat(e.expected()).isEqualTo(invoice);
            assertThat(e.lines()).extracting(StatementLine::description).containsExactly("WIDGETS LTD INV-001");
            assertThat(e.basis()).isEqualTo(Basis.REFERENCE);
        });
        assertThat(proposals.get(1)).isEqualTo(new UnpaidExpectation(unpaid));
        // The other credits (1,200.00, 2,400.00, 0.07) pay for nothing expected; debits are not proposed.
        assertThat(proposals.subList(2, proposals.size())).allSatisfy(p -> assertThat(p).isInstanceOf(UnmatchedLine.class))
                .extracting(p -> ((UnmatchedLine) p).line().amount().pounds().toPlainString())
                .containsExactly("1200.00", "2400.00", "0.07");
    }

    @Test
    void classifiesPartialAndOverPayments() {
        List<StatementLine> ls = lines("J SMITH|SH1|300.00", "A JONES|SH2|600.00");
        List<PaymentMatch> proposals = PaymentMatcher.propose(
                List.of(expect("SH1", "500.00"), expect("SH2", "500.00")), ls);
        assertThat(proposals).containsExactly(
                new Partial(expect("SH1", "500.00"), List.of(ls.get(0)), Money.ofPounds(200)),
                new Overpayment(expect("SH2", "500.00"), List.of(ls.get(1)), Money.ofPounds(100)));
        assertThat(((Paid) proposals.get(0)).received()).isEqualTo(Money.ofPounds(300));
    }

    @Test
    void addsUpInstalmentsForOneExpectation() {
        List<StatementLine> ls = lines("J SMITH|SH1 PART 1|250.00", "J SMITH|SH1 PART 2|250.00");
        assertThat(PaymentMatcher.propose(List.of(expect("SH1", "500.00")), ls))
                .containsExactly(new Exact(expect("SH1", "500.00"), ls, Basis.REFERENCE));
    }

    @Test
    void matchesOnlyWholeReferences() {
        List<StatementLine> ls = lines(
                "X|SH123|20.00",       // SH12 is not SH123
                "Z|PAYSH12|20.00");    // nor is it the end of a longer word
        assertThat(PaymentMatcher.propose(List.of(expect("SH12", "20.00"), expect("SH99", "1.00")), ls))
                .filteredOn(UnmatchedLine.class::isInstance).hasSize(2);

        List<StatementLine> digits = lines("Y|INV 112|30.00", "W|1234|30.00");
        assertThat(PaymentMatcher.propose(List.of(expect("12", "30.00"), expect("99", "1.00")), digits))
                .as("12 is not 112 or 1234").filteredOn(UnmatchedLine.class::isInstance).hasSize(2);
    }

    @Test
    void aLetterDigitChangeIsAnEdgeBecausePayersRunReferencesIntoWords() {
        List<StatementLine> ls = lines("J SMITH|SH12JAN|20.00", "A JONES|MEMBER77|5.00");
        assertThat(PaymentMatcher.propose(List.of(expect("SH12", "20.00"), expect("77", "5.00")), ls))
                .allSatisfy(p -> assertThat(p).isInstanceOf(Exact.class)
                        .extracting(e -> ((Exact) e).basis()).isEqualTo(Basis.REFERENCE));
    }

    @Test
    void foldsAccentsAndFullWidthCharacters() {
        List<StatementLine> ls = lines("ZOË|ｓｈ－００１２|5.00");
        assertThat(PaymentMatcher.propose(List.of(expect("SH0012", "5.00")), ls).get(0)).isInstanceOf(Exact.class);
    }

    @Test
    void leavesALineNamingSeveralExpectationsForAPersonToDecide() {
        List<StatementLine> ls = lines("J SMITH|SH1 AND SH2|40.00");
        ExpectedPayment one = expect("SH1", "20.00");
        ExpectedPayment two = expect("SH2", "20.00");
        assertThat(PaymentMatcher.propose(List.of(one, two), ls)).containsExactly(
                new UnpaidExpectation(one), new UnpaidExpectation(two), new UnmatchedLine(ls.get(0), List.of(one, two)));
    }

    @Test
    void prefersTheLongerReferenceWhenOneContainsTheOther() {
        List<StatementLine> ls = lines("J SMITH|SH12A|20.00");
        ExpectedPayment shorter = expect("SH12", "20.00");
        ExpectedPayment longer = expect("SH12A", "20.00");
        assertThat(PaymentMatcher.propose(List.of(shorter, longer), ls)).containsExactly(
                new UnpaidExpectation(shorter), new Exact(longer, ls, Basis.REFERENCE));
    }

    @Test
    void pairsByAmountOnlyWhenTheAmountIsUnambiguous() {
        List<StatementLine> ls = lines("J SMITH||123.45", "A JONES||50.00", "B JONES||50.00", "C KHAN||70.00");
        ExpectedPayment unique = expect("SH1", "123.45");
        ExpectedPayment twoLines = expect("SH2", "50.00");
        ExpectedPayment seventyA = expect("SH3", "70.00");
        ExpectedPayment seventyB = expect("SH4", "70.00");
        List<PaymentMatch> proposals = PaymentMatcher.propose(List.of(unique, twoLines, seventyA, seventyB), ls);
        assertThat(proposals).containsExactly(
                new Exact(unique, List.of(ls.get(0)), Basis.AMOUNT),
                new UnpaidExpectation(twoLines),
                new UnpaidExpectation(seventyA),
                new UnpaidExpectation(seventyB),
                new UnmatchedLine(ls.get(1), List.of()),
                new UnmatchedLine(ls.get(2), List.of()),
                new UnmatchedLine(ls.get(3), List.of()));
    }

    @Test
    void neverPairsByAmountAnExpectationAlreadyNamedOrALineThatNamesSomething() {
        List<StatementLine> ls = lines("J SMITH|SH1|100.00", "A JONES||100.00");
        List<PaymentMatch> proposals = PaymentMatcher.propose(List.of(expect("SH1", "200.00")), ls);
        assertThat(proposals).containsExactly(
                new Partial(expect("SH1", "200.00"), List.of(ls.get(0)), Money.ofPounds(100)),
                new UnmatchedLine(ls.get(1), List.of()));
    }

    @Test
    void ignoresDebitsAndZeroLines() {
        List<StatementLine> ls = lines("REFUND SH1|SH1|-10.00", "BROUGHT FORWARD||0.00");
        assertThat(PaymentMatcher.propose(List.of(expect("SH1", "10.00")), ls))
                .containsExactly(new UnpaidExpectation(expect("SH1", "10.00")));
    }

    @Test
    void refusesReferencesThatCannotBeToldApart() {
        assertThatThrownBy(() -> PaymentMatcher.propose(List.of(expect("SH-12", "1.00"), expect("sh 12", "2.00")),
                List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected payments 'SH-12' and 'sh 12' have references that cannot be told apart");
    }

    @Test
    void refusesTheSameLineTwice() {
        List<StatementLine> ls = lines("J SMITH|SH1|10.00");
        assertThatThrownBy(() -> PaymentMatcher.propose(List.of(expect("SH1", "20.00")), List.of(ls.get(0), ls.get(0))))
                .hasMessage("The same statement line was given more than once");
    }

    @Test
    void expectationsNeedAReferenceAndAnAmount() {
        assertThatThrownBy(() -> expect("--", "1.00"))
                .hasMessage("An expected payment needs a reference with letters or digits in it");
        assertThatThrownBy(() -> expect("SH1", "0.00")).hasMessage("An expected payment must be for more than £0.00; got £0.00");
    }

    @Property
    void everyExpectationAndEveryCreditAppearsInExactlyOneProposal(
            @ForAll("expectations") List<ExpectedPayment> expected, @ForAll("lineSpecs") List<Tuple2<String, Long>> specs) {
        List<ParsedLine> parsed = new ArrayList<>();
        for (Tuple2<String, Long> spec : specs) {
            parsed.add(new ParsedLine(1, DAY, "PAYER " + spec.get1(), "", Money.ofPence(spec.get2()), Optional.empty(), ""));
        }
        List<StatementLine> ls = StatementFingerprints.assign("acct", parsed);

        List<PaymentMatch> proposals = PaymentMatcher.propose(expected, ls);

        Map<ExpectedPayment, Integer> expectationCount = new HashMap<>();
        Map<StatementLine, Integer> lineCount = new HashMap<>();
        for (PaymentMatch p : proposals) {
            if (p instanceof Paid paid) {
                expectationCount.merge(paid.expected(), 1, Integer::sum);
                paid.lines().forEach(l -> lineCount.merge(l, 1, Integer::sum));
                Money received = paid.received();
                if (p instanceof Exact) {
                    assertThat(received).isEqualTo(paid.expected().amount());
                } else if (p instanceof Partial partial) {
                    assertThat(received.plus(partial.shortfall())).isEqualTo(paid.expected().amount());
                    assertThat(partial.shortfall().pence()).isPositive();
                } else if (p instanceof Overpayment over) {
                    assertThat(received.minus(over.excess())).isEqualTo(paid.expected().amount());
                    assertThat(over.excess().pence()).isPositive();
                }
            } else if (p instanceof UnpaidExpectation u) {
                expectationCount.merge(u.expected(), 1, Integer::sum);
            } else if (p instanceof UnmatchedLine u) {
                lineCount.merge(u.line(), 1, Integer::sum);
            }
        }
        assertThat(expectationCount.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expectationCount.values()).allMatch(n -> n == 1);
        assertThat(lineCount.keySet()).containsExactlyInAnyOrderElementsOf(ls.stream().filter(StatementLine::isCredit).toList());
        assertThat(lineCount.values()).allMatch(n -> n == 1);
        assertThat(PaymentMatcher.propose(expected, ls)).as("deterministic").isEqualTo(proposals);
    }

    @Provide
    Arbitrary<List<ExpectedPayment>> expectations() {
        return Arbitraries.integers().between(1, 12).set().ofMaxSize(8).map(ns -> ns.stream()
                .map(n -> new ExpectedPayment("SH" + n, Money.ofPence(1000L * (1 + n % 3))))
                .toList());
    }

    /** Payer text that names zero, one or two references, with amounts that often coincide. */
    @Provide
    Arbitrary<List<Tuple2<String, Long>>> lineSpecs() {
        Arbitrary<String> text = Arbitraries.of("", "SH1", "SH 2", "sh-3", "SH4 SH5", "SH12", "SH123", "REF SH7", "X");
        Arbitrary<Long> pence = Arbitraries.of(-1000L, 0L, 500L, 1000L, 2000L, 3000L);
        return net.jqwik.api.Combinators.combine(text, pence).as(Tuple::of).list().ofMaxSize(12);
    }
}
