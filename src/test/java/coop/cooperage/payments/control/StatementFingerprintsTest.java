package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.Statement;
import coop.cooperage.payments.entity.StatementLine;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StatementFingerprintsTest {

    private static final String ACCOUNT = "society-7/account-2";
    private static final LocalDate DAY = LocalDate.of(2025, 9, 1);

    private static ParsedLine line(LocalDate date, String description, long pence) {
        return new ParsedLine(1, date, description, "", Money.ofPence(pence), Optional.empty(), "");
    }

    private static Statement statement(List<ParsedLine> lines) {
        return new Statement(Optional.empty(), Optional.empty(), StatementFingerprints.assign(ACCOUNT, lines),
                Optional.empty());
    }

    /**
     * Imports a statement into a store of fingerprints and says how many lines were stored. Like
     * the unique constraint the database will have, the store keeps one line per fingerprint, so
     * lines that wrongly shared a fingerprint would be lost here and the counts would show it.
     */
    private static int importInto(Set<String> stored, Statement statement) {
        int added = 0;
        for (StatementLine line : statement.linesNotIn(stored)) {
            if (stored.add(line.fingerprint())) {
                added++;
            }
        }
        return added;
    }

    @Test
    void twoIdenticalLinesOnOneDayBothImportTheFirstTimeAndNeitherTheSecond() {
        Statement s = statement(List.of(line(DAY, "J SMITH", 1000), line(DAY, "J SMITH", 1000)));
        assertThat(s.lines().get(0).fingerprint()).isNotEqualTo(s.lines().get(1).fingerprint());

        Set<String> stored = new HashSet<>();
        assertThat(importInto(stored, s)).isEqualTo(2);
        assertThat(importInto(stored, s)).isZero();
    }

    @Test
    void aLaterExportOfTheSameDayAddsOnlyTheNewIdenticalLine() {
        // Morning download: one £10 from J SMITH. Evening download: a second, identical one.
        Statement morning = statement(List.of(line(DAY, "J SMITH", 1000)));
        Statement evening = statement(List.of(line(DAY, "J SMITH", 1000), line(DAY, "J SMITH", 1000),
                line(DAY, "A JONES", 500)));
        Set<String> stored = new HashSet<>();
        assertThat(importInto(stored, morning)).isEqualTo(1);
        assertThat(importInto(stored, evening)).isEqualTo(2);
        assertThat(stored).hasSize(3);
    }

    @Test
    void theSameStatementFileGivesTheSameFingerprintsEveryTime() {
        byte[] csv = ("Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category\n"
                + "01/10/2019,An Employer,SALARY,FASTER PAYMENT,1500.00,5500.00,INCOME\n"
                + "01/10/2019,An Employer,SALARY,FASTER PAYMENT,1500.00,7000.00,INCOME\n")
                .getBytes(StandardCharsets.UTF_8);
        Statement first = CsvFormat.starling().parse(csv, ACCOUNT);
        Statement second = CsvFormat.starling().parse(csv, ACCOUNT);
        assertThat(first).isEqualTo(second);
        assertThat(first.linesNotIn(second.lines().stream().map(StatementLine::fingerprint).toList())).isEmpty();
    }

    @Test
    void theRunningBalanceIsNotPartOfTheIdentity() {
        // Banks can re-order a day's lines between exports, changing running balances.
        ParsedLine withBalance = new ParsedLine(3, DAY, "X", "R", Money.ofPence(5), Optional.of(Money.ofPence(99)), "T");
        ParsedLine without = new ParsedLine(9, DAY, "X", "R", Money.ofPence(5), Optional.empty(), "OTHER");
        assertThat(StatementFingerprints.assign(ACCOUNT, List.of(withBalance)).get(0).fingerprint())
                .isEqualTo(StatementFingerprints.assign(ACCOUNT, List.of(without)).get(0).fingerprint());
    }

    @Test
    void whitespaceAndCaseInDescriptionsDoNotMatterButWordsDo() {
        String a = StatementFingerprints.assign(ACCOUNT, List.of(line(DAY, "J  Smith ", 1000))).get(0).fingerprint();
        String b = StatementFingerprints.assign(ACCOUNT, List.of(line(DAY, "J SMITH", 1000))).get(0).fingerprint();
        String c = StatementFingerprints.assign(ACCOUNT, List.of(line(DAY, "JSMITH", 1000))).get(0).fingerprint();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void fieldsCannotBleedIntoEachOther() {
        ParsedLine x = new ParsedLine(1, DAY, "AB", "C", Money.ofPence(5), Optional.empty(), "");
        ParsedLine y = new ParsedLine(1, DAY, "A", "BC", Money.ofPence(5), Optional.empty(), "");
        assertThat(StatementFingerprints.assign(ACCOUNT, List.of(x)).get(0).fingerprint())
                .isNotEqualTo(StatementFingerprints.assign(ACCOUNT, List.of(y)).get(0).fingerprint());
    }

    @Test
    void theSameLineInAnotherAccountIsAnotherLine() {
        List<ParsedLine> lines = List.of(line(DAY, "J SMITH", 1000));
        assertThat(StatementFingerprints.assign("account-a", lines).get(0).fingerprint())
                .isNotEqualTo(StatementFingerprints.assign("account-b", lines).get(0).fingerprint());
        assertThatThrownBy(() -> StatementFingerprints.assign(" ", lines))
                .hasMessage("An account key is needed to fingerprint statement lines");
    }

    @Test
    void theRecipeIsPinned() {
        // Fingerprints are stored. If this value changes, every statement imported before the
        // change would import again: change the recipe only with a migration plan.
        assertThat(StatementFingerprints.assign("acct", List.of(line(DAY, "J SMITH", 1000))).get(0).fingerprint())
                .isEqualTo(PINNED);
    }

    private static final String PINNED = "b294a97df561db495921391aca3695fa49947e44833cf19f5d4e9663c7ba8676";

    @Property
    void importingAnyStatementTwiceAddsNothingTheSecondTime(@ForAll("statements") List<ParsedLine> lines) {
        Statement s = statement(lines);
        Set<String> stored = new HashSet<>();
        assertThat(importInto(stored, s)).isEqualTo(lines.size());
        assertThat(importInto(stored, s)).isZero();
    }

    @Property
    void overlappingExportsByWholeDaysImportEachLineExactlyOnce(@ForAll("statements") List<ParsedLine> lines,
            @ForAll @IntRange(min = 1, max = 6) int overlapStart, @ForAll @IntRange(min = 0, max = 3) int overlapDays) {
        LocalDate from = DAY.plusDays(overlapStart - 1);
        LocalDate to = from.plusDays(overlapDays);
        List<ParsedLine> early = lines.stream().filter(l -> !l.date().isAfter(to)).toList();
        List<ParsedLine> late = lines.stream().filter(l -> !l.date().isBefore(from)).toList();

        Set<String> stored = new HashSet<>();
        int imported = importInto(stored, statement(early)) + importInto(stored, statement(late));

        assertThat(imported).isEqualTo(lines.size());
        assertThat(stored).isEqualTo(fingerprints(statement(lines)));
    }

    @Property
    void anExportCutPartWayThroughItsLastDayIsCompletedByTheNextOne(@ForAll("statements") List<ParsedLine> lines,
            @ForAll @IntRange(min = 0, max = 40) int cut) {
        List<ParsedLine> partial = lines.subList(0, Math.min(cut, lines.size()));
        Set<String> stored = new HashSet<>();
        int imported = importInto(stored, statement(partial)) + importInto(stored, statement(lines));
        assertThat(imported).isEqualTo(lines.size());
    }

    /** Few days, payers and amounts, so that identical lines are common. */
    @Provide
    Arbitrary<List<ParsedLine>> statements() {
        Arbitrary<ParsedLine> line = Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.of("J SMITH", "A JONES"),
                Arbitraries.of(1000L, -1000L, 2500L))
                .as((day, who, pence) -> line(DAY.plusDays(day), who, pence));
        return line.list().ofMaxSize(30).map(ls -> {
            List<ParsedLine> sorted = new ArrayList<>(ls);
            sorted.sort(Comparator.comparing(ParsedLine::date));
            return sorted;
        });
    }

    private static Set<String> fingerprints(Statement s) {
        Set<String> all = new HashSet<>();
        s.lines().forEach(l -> all.add(l.fingerprint()));
        return all;
    }
}
