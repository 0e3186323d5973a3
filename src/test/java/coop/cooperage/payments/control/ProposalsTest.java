package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.money.Money;
import coop.cooperage.payments.control.Proposals.Application;
import coop.cooperage.payments.control.Proposals.Decision;
import coop.cooperage.payments.control.Proposals.OpenLine;
import coop.cooperage.payments.entity.BankStatementLine.Basis;
import coop.cooperage.payments.entity.BankStatementLine.Kind;
import coop.cooperage.payments.entity.StatementLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the review proposes for every open line, from what each application still owes. */
class ProposalsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 9, 1);

    /** Lines numbered 1.. from "description|reference|amount". */
    private static List<OpenLine> lines(String... specs) {
        List<ParsedLine> parsed = new ArrayList<>();
        for (String spec : specs) {
            String[] p = spec.split("\\|", -1);
            parsed.add(new ParsedLine(1, DAY, p[0], p[1], Money.parse(p[2]), Optional.empty(), ""));
        }
        List<StatementLine> fingerprinted = StatementFingerprints.assign("acct", parsed);
        List<OpenLine> open = new ArrayList<>();
        for (int i = 0; i < fingerprinted.size(); i++) {
            open.add(new OpenLine(i + 1, fingerprinted.get(i)));
        }
        return open;
    }

    private static Application app(long id, String reference, String outstanding) {
        return new Application(id, reference, Money.parse(outstanding));
    }

    @Test
    void exactPartialAndOverPaymentsAreProposedForTheirApplications() {
        Map<Long, Decision> d = Proposals.decide(
                lines("J SMITH|SH-0001|250.00", "A JONES|SH0002|100.00", "B BROWN SH 0003|FPS|600.00", "GRANT|COUNCIL|5000.00"),
                List.of(app(11, "SH-0001", "250.00"), app(12, "SH-0002", "500.00"), app(13, "SH-0003", "500.00")));

        assertThat(d.get(1L)).isEqualTo(new Decision(11L, Basis.REFERENCE, Kind.EXACT, List.of()));
        assertThat(d.get(2L)).isEqualTo(new Decision(12L, Basis.REFERENCE, Kind.PARTIAL, List.of()));
        assertThat(d.get(3L)).isEqualTo(new Decision(13L, Basis.REFERENCE, Kind.OVER, List.of()));
        assertThat(d.get(4L).proposed()).isFalse();
    }

    @Test
    void instalmentsAreJudgedTogetherAgainstWhatIsStillOwed() {
        // 500 due, 200 already confirmed: two instalments of 150 settle it exactly
        Map<Long, Decision> d = Proposals.decide(lines("X|SH-0001|150.00", "X|SH-0001|150.00"),
                List.of(app(11, "SH-0001", "300.00")));
        assertThat(d.values()).allMatch(x -> x.applicationId() == 11L && x.kind() == Kind.EXACT);
    }

    @Test
    void aCreditNamingAFullyPaidApplicationIsAnOverpaymentNotLost() {
        Map<Long, Decision> d = Proposals.decide(lines("AGAIN|SH-0001|250.00"), List.of(app(11, "SH-0001", "0.00")));
        assertThat(d.get(1L)).isEqualTo(new Decision(11L, Basis.REFERENCE, Kind.OVER, List.of()));
    }

    @Test
    void amountAloneProposesOnlyWhenItPicksOutOneApplication() {
        Map<Long, Decision> one = Proposals.decide(lines("NO REF|X|123.45"), List.of(app(11, "SH-0001", "123.45")));
        assertThat(one.get(1L)).isEqualTo(new Decision(11L, Basis.AMOUNT, Kind.EXACT, List.of()));

        Map<Long, Decision> two = Proposals.decide(lines("NO REF|X|123.45"),
                List.of(app(11, "SH-0001", "123.45"), app(12, "SH-0002", "123.45")));
        assertThat(two.get(1L).proposed()).isFalse();
    }

    @Test
    void aLineNamingTwoApplicationsIsLeftForTheTreasurerWithBoth() {
        Map<Long, Decision> d = Proposals.decide(lines("FOR SH-0001 AND SH-0002|X|500.00"),
                List.of(app(11, "SH-0001", "250.00"), app(12, "SH-0002", "250.00")));
        assertThat(d.get(1L).proposed()).isFalse();
        assertThat(d.get(1L).candidates()).containsExactly("SH-0001", "SH-0002");
    }

    @Test
    void referencesThatCannotBeToldApartAreNotMatchedByReferenceAndDoNotStopTheRest() {
        Map<Long, Decision> d = Proposals.decide(lines("A|SH12|100.00", "B|SH-0003|50.00"),
                List.of(app(11, "SH-12", "100.00"), app(12, "SH12", "100.00"), app(13, "SH-0003", "50.00")));
        assertThat(d.get(1L).proposed()).isFalse();
        assertThat(d.get(2L)).isEqualTo(new Decision(13L, Basis.REFERENCE, Kind.EXACT, List.of()));
    }
}
