package coop.cooperage.members.control;

import static coop.cooperage.members.control.ImportProblem.Severity.ERROR;
import static coop.cooperage.members.control.ImportProblem.Severity.WARNING;
import static coop.cooperage.members.control.RegisterImportFixtures.RULES;
import static coop.cooperage.members.control.RegisterImportFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.members.control.ImportProblem.Severity;
import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.ImportedMember;
import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.members.entity.Postcode;
import coop.cooperage.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The import end to end on whole files: a messy register in which every kind of problem appears,
 * as CSV and as an Excel workbook, and a clean one that imports in full.
 */
class RegisterImportFilesTest {

    record Expected(int row, String column, Severity severity, String says) {
    }

    /** Every problem in messy-register.csv, in the order the report lists them. */
    static final List<Expected> MESSY_PROBLEMS = List.of(
            new Expected(3, "Name", ERROR, "Enter the member's name."),
            new Expected(4, "Postcode", ERROR, "'GL5 XYZ' is not a UK postcode."),
            new Expected(5, "Email", ERROR, "'carol at example.org' is not an email address."),
            new Expected(6, "Member No", ERROR, "Member number 1 is also on row 2."),
            new Expected(7, "Date joined", ERROR, "'31/02/2020' is not a real date."),
            new Expected(8, "Date joined", ERROR, "dates are read day first"),
            new Expected(9, "Date joined", ERROR, "The date joined, 1 January 2030, is in the future."),
            new Expected(10, "Date of birth", ERROR, "The date of birth, 1 January 2026, is in the future."),
            new Expected(11, "Date of birth", ERROR, "the member was 10 when they joined on 1 January 2020;"
                    + " the society's minimum age is 16"),
            new Expected(12, "Shares", ERROR, "'12.5' is not a whole number of shares."),
            new Expected(13, "Shares", ERROR, "'-5' is negative"),
            new Expected(14, "Shares", ERROR, "150,000 shares is more than the maximum holding of 100,000 shares."),
            new Expected(14, "Amount paid", ERROR, "A holding of £150,000.00 is more than the cap of £100,000.00"),
            new Expected(16, "Amount paid", ERROR, "The amount paid, £150.00, is not 100 shares at £1.00, which is £100.00."),
            new Expected(17, "Name", ERROR, "MRS JANE SMITH at GL5 1AA is also on row 2."),
            new Expected(18, "Email", ERROR, "JANE@Example.org is also the email address on row 2."),
            new Expected(19, "Member No", ERROR, "Member number 900 already belongs to Existing Member on the register."),
            new Expected(20, "Email", ERROR, "existing@example.org is already the email address of Existing Member"
                    + " (member 900)"),
            new Expected(21, "Member No", ERROR, "'0' is not a member number"),
            new Expected(22, "Representative", ERROR, "Enter the name of the person who represents this organisation."),
            new Expected(24, "", ERROR, "There is a value in column N, which has no heading."),
            new Expected(25, "Representative", ERROR, "Only an organisation has a representative."),
            new Expected(26, "Type", ERROR, "Joint membership cannot be entered"),
            new Expected(27, "Date joined", ERROR, "'1/4/15': write the year in full"),
            new Expected(28, "Email consent", ERROR, "'carrier pigeon' is not an email purpose."),
            new Expected(29, "Date of birth", ERROR, "An organisation has no date of birth"),
            new Expected(30, "Shares", ERROR, "Enter the number of shares held (0 if none)."),
            new Expected(31, "Shares", WARNING, "10 shares is less than the minimum holding of 50 shares."),
            new Expected(32, "Email consent", WARNING, "There is no email address"),
            new Expected(33, "Registered society", ERROR, "'maybe' is not yes or no."),
            new Expected(34, "Shares", ERROR, "'lots' is not a number of shares."),
            new Expected(35, "Name", ERROR, "Pat Applicant at GL5 1ZZ is already on the register."),
            new Expected(36, "Member No", ERROR, "'M31' is not a member number"),
            new Expected(36, "Address", ERROR, "Enter the member's address."),
            new Expected(36, "Date joined", ERROR, "Enter the date the member joined"),
            new Expected(37, "Date of birth", ERROR, "the member was 14 when they joined on 1 April 2015"),
            new Expected(37, "Registered society", ERROR, "An individual cannot be a registered society."));

    @Test
    void aMessyCsvRegisterGetsEveryProblemOfEveryRowWithItsRowAndColumn() {
        SpreadsheetTable table = SpreadsheetTable.read(resource("messy-register.csv"));

        ImportReport report = RegisterImport.check(table, ColumnMapping.suggest(table.headers()), RULES);

        assertThat(table.source()).isEqualTo("CSV file (UTF-8)");
        assertThat(table.headers().get(0)).isEqualTo("Member No");
        assertThat(report.rowCount()).isEqualTo(35);
        assertProblems(report, MESSY_PROBLEMS);
        assertThat(report.problems().get(0).toString())
                .isEqualTo("Row 3, Name (column C): Enter the member's name.");
        assertThat(report.problemsOnRow(31).get(0).toString()).startsWith("Row 31, Shares (column K) [warning]: ");
    }

    @Test
    void aMessyRegisterImportsNothingNotEvenItsGoodRows() {
        SpreadsheetTable table = SpreadsheetTable.read(resource("messy-register.csv"));
        ImportReport report = RegisterImport.check(table, ColumnMapping.suggest(table.headers()), RULES);

        assertThat(report.isValid()).isFalse();
        assertThat(report.errors()).hasSize(35);
        assertThat(report.warnings()).hasSize(2);
        assertThatThrownBy(report::members)
                .isInstanceOf(ImportNotValidException.class)
                .hasMessage("The register cannot be imported: the check found 35 problems, so nothing was imported.")
                .satisfies(e -> assertThat(((ImportNotValidException) e).report()).isSameAs(report));
        assertThatThrownBy(report::totalShares).isInstanceOf(ImportNotValidException.class);
    }

    @Test
    void theSameRegisterAsAnExcelWorkbookWithRealDatesNumbersAndFormulasGetsTheSameReport() {
        SpreadsheetTable csv = SpreadsheetTable.read(resource("messy-register.csv"));
        byte[] xlsx = asWorkbook(csv);

        SpreadsheetTable table = SpreadsheetTable.read(xlsx);
        ImportReport report = RegisterImport.check(table, ColumnMapping.suggest(table.headers()), RULES);

        assertThat(table.source()).isEqualTo("sheet 'Members' of an Excel workbook");
        assertThat(table.rows()).extracting(SpreadsheetTable.Row::number)
                .isEqualTo(csv.rows().stream().map(SpreadsheetTable.Row::number).toList());
        assertProblems(report, MESSY_PROBLEMS);
        assertThat(report.problems()).isEqualTo(
                RegisterImport.check(csv, ColumnMapping.suggest(csv.headers()), RULES).problems());
    }

    @Test
    void aCleanWindows1252RegisterWithSplitNamesAndAddressLinesImportsInFull() {
        SpreadsheetTable table = SpreadsheetTable.read(resource("clean-register.csv"));

        ImportReport report = RegisterImport.check(table, ColumnMapping.suggest(table.headers()), RULES);

        assertThat(table.source()).isEqualTo("CSV file (Windows-1252)");
        assertThat(report.problems()).isEmpty();
        assertThat(report.isValid()).isTrue();
        assertCleanMembers(report);
    }

    @Test
    void theCleanRegisterAsAWorkbookImportsTheSameMembers() {
        SpreadsheetTable table = SpreadsheetTable.read(asWorkbook(SpreadsheetTable.read(resource("clean-register.csv"))));

        ImportReport report = RegisterImport.check(table, ColumnMapping.suggest(table.headers()), RULES);

        assertThat(report.problems()).isEmpty();
        assertCleanMembers(report);
    }

    private static void assertCleanMembers(ImportReport report) {
        List<ImportedMember> members = report.members();
        assertThat(members).hasSize(5);
        assertThat(members.get(0)).isEqualTo(new ImportedMember(2, OptionalLong.of(101), MemberKind.INDIVIDUAL,
                "Zoë O'Brien", Optional.empty(), "Flat 2\n12 High Street\nStroud", new Postcode("GL5 1AA"),
                Optional.of("zoe@example.org"), EnumSet.allOf(EmailPurpose.class), Optional.of(LocalDate.of(1980, 2, 14)),
                LocalDate.of(2015, 4, 1), 1000, Money.ofPounds(1000), false));
        assertThat(members.get(1).email()).isEmpty();
        assertThat(members.get(1).emailPurposes()).isEmpty();
        assertThat(members.get(1).address()).isEqualTo("3 Mill Lane\nStroud");
        assertThat(members.get(2).emailPurposes()).containsExactly(EmailPurpose.NOTICES, EmailPurpose.STATEMENTS);
        assertThat(members.get(2).dateOfBirth()).contains(LocalDate.of(1990, 3, 31));
        assertThat(members.get(2).postcode().value()).isEqualTo("GL6 0AA");
        assertThat(members.get(3).joinedOn()).isEqualTo(LocalDate.of(2019, 5, 12));
        assertThat(members.get(4).memberNumber()).isEmpty();
        assertThat(members.get(4).sourceRow()).isEqualTo(6);
        assertThat(members).extracting(ImportedMember::amountPaid)
                .containsExactly(Money.ofPounds(1000), Money.ofPounds(250), Money.ofPounds(50), Money.ofPounds(100),
                        Money.ofPounds(75));
        assertThat(report.totalShares()).isEqualTo(1475);
        assertThat(report.totalPaid()).isEqualTo(Money.ofPounds(1475));
    }

    static void assertProblems(ImportReport report, List<Expected> expected) {
        var actual = report.problems();
        var described = new ArrayList<String>();
        actual.forEach(p -> described.add(p.toString()));
        assertThat(actual).as("problems:%n%s", String.join("\n", described)).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            ImportProblem p = actual.get(i);
            assertThat(p.row()).as("row of %s", p).isEqualTo(e.row());
            assertThat(p.column()).as("column of %s", p).isEqualTo(e.column());
            assertThat(p.severity()).as("severity of %s", p).isEqualTo(e.severity());
            assertThat(p.message()).as("message of %s", p).contains(e.says());
        }
    }

    private static final Pattern DAY_FIRST = Pattern.compile("\\d{2}/\\d{2}/\\d{4}|\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("£?-?[\\d,]+(\\.\\d+)?");

    /**
     * The table as a person would keep it in Excel: real dates in date cells, numbers in number
     * cells, and an amount paid that is a formula over the shares; what is not a valid date or
     * number stays as text. Row numbers are kept.
     */
    static byte[] asWorkbook(SpreadsheetTable table) {
        var rows = new ArrayList<List<Object>>();
        rows.add(new ArrayList<>(table.headers()));
        int sharesColumn = table.headers().indexOf("Shares");
        int paidColumn = table.headers().indexOf("Amount paid");
        for (SpreadsheetTable.Row row : table.rows()) {
            while (rows.size() < row.number() - 1) {
                rows.add(null);
            }
            var cells = new ArrayList<Object>();
            int width = row.hasStrayValues() ? row.strayColumn() + 1 : row.cells().size();
            for (int c = 0; c < width; c++) {
                String text = c < row.cells().size() ? row.cell(c) : "stray note";
                cells.add(typed(text));
            }
            if (paidColumn >= 0 && cells.get(paidColumn) instanceof Double paid
                    && cells.get(sharesColumn) instanceof Double shares && paid.equals(shares)) {
                cells.set(paidColumn, "=" + SpreadsheetTable.columnLetter(sharesColumn) + row.number() + "*1");
            }
            rows.add(cells);
        }
        return TestWorkbooks.sheet(rows);
    }

    private static Object typed(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (DAY_FIRST.matcher(text).matches()) {
            try {
                return CellValues.date(text);
            } catch (IllegalArgumentException notADate) {
                return text;
            }
        }
        if (NUMBER.matcher(text).matches() && !text.matches("0\\d+")) {
            return Double.valueOf(text.replace("£", "").replace(",", ""));
        }
        return text;
    }
}
