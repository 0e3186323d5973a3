package coop.cooperage.members.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.members.entity.ImportedMember;
import coop.cooperage.money.Money;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever a user puts in the cells, the check answers with a report: it never throws, every
 * problem points at a real row, and it yields members exactly when it found no error.
 */
class RegisterImportPropertiesTest {

    static final List<ImportField> ALL = List.of(ImportField.values());

    /** Values that reach deep into the parsing: near-misses of dates, numbers, postcodes and emails. */
    static final List<String> TRICKY = List.of("", " ", "0", "-0", "1", "-1", "12.5", "1,000", "1,0", "1e9",
            "99999999999999999999", "9223372036854775807", "1000000000000", "£", "£1,000.00", "£-5", "-£5", "0.001",
            "2024-02-29", "2023-02-29", "31/12/1899", "31/03/2024", "03/31/2024", "31/3/24", "31 Smarch 2024",
            "1 Sept 2023", "March 31, 2024", "45382", "2024-03-31 25:99", "GL5 1AA", "gl51aa", "GIR 0AA", "XX",
            "a@b.co", "a@b", "@", "x@y.z; w@v.u", "yes", "no", "maybe", "Organisation", "Individual", "joint",
            "notices; news", "notices and", "and", ";", "TRUE", "FALSE", "ERROR:#N/A", "\u0000", "\uFEFF",
            "\uD800", "😀", "Zoë O'Brien", "\n\n", "a,b\nc", "x".repeat(600));

    @Provide
    Arbitrary<String> cell() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(TRICKY)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.strings().withChars("0123456789/-.,£ :").ofMaxLength(12)));
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        return cell().list().ofSize(ALL.size() + 1).list().ofMinSize(0).ofMaxSize(12);
    }

    @Provide
    Arbitrary<ImportRules> rules() {
        Arbitrary<Long> nominal = Arbitraries.longs().between(1, 10_000_000);
        Arbitrary<Long> minimum = Arbitraries.longs().between(0, 1000);
        Arbitrary<Long> range = Arbitraries.longs().between(0, Long.MAX_VALUE - 1000);
        Arbitrary<Long> cap = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<Integer> age = Arbitraries.integers().between(0, 120);
        return Combinators.combine(nominal, minimum, range, cap, age).as((n, min, more, c, a) -> new ImportRules(
                Money.ofPence(n), min, min + more, Money.ofPence(c), a, RegisterImportFixtures.TODAY,
                RegisterImportFixtures.EXISTING));
    }

    @Provide
    Arbitrary<Set<ImportField>> mappedFields() {
        return Arbitraries.of(ALL).set();
    }

    @Property(tries = 400)
    void checkNeverThrowsAndAlwaysPointsAtRealRows(@ForAll("rows") List<List<String>> rows,
            @ForAll("rules") ImportRules rules, @ForAll("mappedFields") Set<ImportField> mapped) {
        var headers = new ArrayList<String>();
        ALL.forEach(f -> headers.add(f.label()));
        SpreadsheetTable table = SpreadsheetTable.of(headers, rows);
        var map = new EnumMap<ImportField, String>(ImportField.class);
        mapped.forEach(f -> map.put(f, f.label()));

        ImportReport report = RegisterImport.check(table, ColumnMapping.of(map), rules);

        var rowNumbers = new HashSet<Integer>();
        rowNumbers.add(0);
        table.rows().forEach(r -> rowNumbers.add(r.number()));
        assertThat(report.problems()).allSatisfy(p -> {
            assertThat(rowNumbers).contains(p.row());
            assertThat(p.message()).isNotBlank();
        });
        assertThat(report.rowCount()).isEqualTo(table.rows().size());
        if (report.isValid()) {
            List<ImportedMember> members = report.members();
            assertThat(members).hasSize(table.rows().size());
            assertThat(members).allSatisfy(m -> {
                assertThat(m.shares()).isNotNegative();
                assertThat(m.amountPaid()).isEqualTo(rules.nominalShareValue().times(m.shares()));
                assertThat(m.joinedOn()).isBeforeOrEqualTo(rules.today());
                assertThat(m.name()).isNotBlank();
            });
            assertThat(report.totalPaid().pence()).isNotNegative();
        } else {
            assertThatThrownBy(report::members).isInstanceOf(ImportNotValidException.class);
        }
    }

    @Property(tries = 500)
    void cleaningIsIdempotentAndLeavesNoStraySpaces(@ForAll("cell") String raw) {
        String once = CellValues.clean(raw);

        assertThat(CellValues.clean(once)).isEqualTo(once);
        assertThat(once).isEqualTo(once.strip()).doesNotContain("  ").doesNotContain("\r").doesNotContain("\uFEFF");
        assertThat(CellValues.oneLine(raw)).doesNotContain("\n").doesNotContain("  ");
    }

    @Property(tries = 300)
    void theSuggestedMappingOnlyNamesHeadingsItWasGiven(@ForAll @Size(max = 20) List<@StringLength(max = 25) String> headers) {
        ColumnMapping mapping = ColumnMapping.suggest(headers);

        assertThat(mapping.asMap().values()).allSatisfy(h -> assertThat(headers.stream()
                .map(SpreadsheetTable::tidyHeader)).contains(h));
        assertThat(new HashSet<>(mapping.asMap().values())).hasSameSizeAs(mapping.asMap().values());
    }

    @Property(tries = 300)
    void readingAnyBytesGivesATableOrSaysWhyNot(@ForAll @Size(max = 400) byte[] content) {
        try {
            SpreadsheetTable table = SpreadsheetTable.read(content);
            assertThat(table.headers()).isNotEmpty();
        } catch (SpreadsheetFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void readingAnyCsvTextNeverLosesARowNumber(@ForAll("rows") List<List<String>> rows) {
        var text = new StringBuilder("A,B,C\r\n");
        for (List<String> row : rows) {
            var quoted = row.subList(0, 3).stream().map(v -> "\"" + v.replace("\"", "\"\"") + "\"").toList();
            text.append(String.join(",", quoted)).append("\r\n");
        }
        try {
            SpreadsheetTable table = SpreadsheetTable.read(text.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(table.rows()).allSatisfy(r -> assertThat(r.number()).isBetween(2, rows.size() + 1));
        } catch (SpreadsheetFormatException expected) {
            // NUL characters make it binary; unpaired surrogates are not text: both are refused, not crashed on
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
