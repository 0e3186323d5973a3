package coop.cooperage.members.control;

import static coop.cooperage.members.control.ImportField.ADDRESS;
import static coop.cooperage.members.control.ImportField.ADDRESS_LINE_1;
import static coop.cooperage.members.control.ImportField.ADDRESS_LINE_2;
import static coop.cooperage.members.control.ImportField.ADDRESS_LINE_3;
import static coop.cooperage.members.control.ImportField.AMOUNT_PAID;
import static coop.cooperage.members.control.ImportField.DATE_OF_BIRTH;
import static coop.cooperage.members.control.ImportField.EMAIL;
import static coop.cooperage.members.control.ImportField.EMAIL_PURPOSES;
import static coop.cooperage.members.control.ImportField.FIRST_NAMES;
import static coop.cooperage.members.control.ImportField.JOINED_ON;
import static coop.cooperage.members.control.ImportField.KIND;
import static coop.cooperage.members.control.ImportField.MEMBER_NUMBER;
import static coop.cooperage.members.control.ImportField.NAME;
import static coop.cooperage.members.control.ImportField.POSTCODE;
import static coop.cooperage.members.control.ImportField.REGISTERED_SOCIETY;
import static coop.cooperage.members.control.ImportField.REPRESENTATIVE;
import static coop.cooperage.members.control.ImportField.SHARES;
import static coop.cooperage.members.control.ImportField.SURNAME;
import static coop.cooperage.members.control.ImportField.TOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import coop.cooperage.members.control.ImportProblem.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    static SpreadsheetTable headed(String... headers) {
        return SpreadsheetTable.of(List.of(headers), List.of());
    }

    @Test
    void suggestsTheUsualHeadingsWhateverTheirCaseAndPunctuation() {
        ColumnMapping mapping = ColumnMapping.suggest(List.of("MEMBER NO.", "Type", "Name", "Representative", "Address",
                "Post code", "E-mail address", "Email consent", "D.O.B.", "Date joined", "Number of shares",
                "Amount paid (£)", "Registered society?"));

        assertThat(mapping.asMap()).containsExactly(
                entry(MEMBER_NUMBER, "MEMBER NO."), entry(KIND, "Type"), entry(NAME, "Name"),
                entry(REPRESENTATIVE, "Representative"), entry(ADDRESS, "Address"), entry(POSTCODE, "Post code"),
                entry(EMAIL, "E-mail address"), entry(EMAIL_PURPOSES, "Email consent"), entry(DATE_OF_BIRTH, "D.O.B."),
                entry(JOINED_ON, "Date joined"), entry(SHARES, "Number of shares"), entry(AMOUNT_PAID, "Amount paid (£)"),
                entry(REGISTERED_SOCIETY, "Registered society?"));
    }

    @Test
    void suggestsSplitNamesAndAddressLinesAndLeavesOtherColumnsAlone() {
        ColumnMapping mapping = ColumnMapping.suggest(List.of("Title", "First name", "Surname", "Address", "Address 2",
                "Address 3", "Town", "Postcode", "Notes", "Joined"));

        assertThat(mapping.asMap()).containsExactly(
                entry(FIRST_NAMES, "First name"), entry(SURNAME, "Surname"), entry(ADDRESS_LINE_1, "Address"),
                entry(ADDRESS_LINE_2, "Address 2"), entry(ADDRESS_LINE_3, "Address 3"), entry(TOWN, "Town"),
                entry(POSTCODE, "Postcode"), entry(JOINED_ON, "Joined"));
        assertThat(mapping.problemsWith(headed("Title", "First name", "Surname", "Address", "Address 2", "Address 3",
                "Town", "Postcode", "Notes", "Joined"))).isEmpty();
    }

    @Test
    void suggestsFromHeadingsThatStartOrEndWithAKnownNameButPrefersExactOnes() {
        ColumnMapping mapping = ColumnMapping.suggest(List.of("Shares (£1 each)", "Contact email", "Postcode/ZIP",
                "Date joined (dd/mm/yyyy)", "Email", "ID"));

        assertThat(mapping.asMap()).containsExactly(
                entry(MEMBER_NUMBER, "ID"), entry(POSTCODE, "Postcode/ZIP"), entry(EMAIL, "Email"),
                entry(JOINED_ON, "Date joined (dd/mm/yyyy)"), entry(SHARES, "Shares (£1 each)"));
    }

    @Test
    void suggestsNothingForNothing() {
        assertThat(ColumnMapping.suggest(List.of()).asMap()).isEmpty();
        assertThat(ColumnMapping.suggest(List.of("", "???", "Colour")).asMap()).isEmpty();
    }

    @Test
    void listsEveryRequiredFieldWithoutAColumn() {
        List<ImportProblem> problems = ColumnMapping.empty().problemsWith(headed("Anything"));

        assertThat(problems).extracting(p -> p.field().orElseThrow()).containsExactly(NAME, ADDRESS, POSTCODE, JOINED_ON);
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.row()).isZero();
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void acceptsSurnameAloneForTheNameAndAnyAddressLineForTheAddress() {
        ColumnMapping mapping = ColumnMapping.of(Map.of(SURNAME, "Surname", ADDRESS_LINE_2, "Street",
                POSTCODE, "Postcode", JOINED_ON, "Joined"));

        assertThat(mapping.problemsWith(headed("Surname", "Street", "Postcode", "Joined"))).isEmpty();
    }

    @Test
    void refusesFirstNamesWithoutSurnameAWholeAddressWithLinesAndOneColumnForTwoFields() {
        ColumnMapping mapping = ColumnMapping.of(Map.of(NAME, "Name", FIRST_NAMES, "Name", ADDRESS, "Address",
                ADDRESS_LINE_1, "Address", POSTCODE, "Postcode", JOINED_ON, "Joined", EMAIL, "E-mail"));

        List<ImportProblem> problems = mapping.problemsWith(headed("Name", "Address", "Postcode", "Joined"));

        assertThat(problems).extracting(ImportProblem::message).containsExactly(
                "First names is chosen without Surname: choose the surname column too, or use a single Name column.",
                "Choose either one column holding the whole address, or address lines, not both.",
                "The column 'Name' is chosen for both Name and First names.",
                "The column 'Address' is chosen for both Address (all lines) and Address line 1.",
                "There is no column headed 'E-mail' in the file for Email.");
        assertThat(problems.get(2).columnLetter()).isEqualTo("A");
    }

    @Test
    void warnsThatEmailPurposesWithoutEmailAreNotKept() {
        ColumnMapping mapping = ColumnMapping.of(Map.of(NAME, "Name", ADDRESS, "Address", POSTCODE, "Postcode",
                JOINED_ON, "Joined", EMAIL_PURPOSES, "Consent"));

        List<ImportProblem> problems = mapping.problemsWith(headed("Name", "Address", "Postcode", "Joined", "Consent"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.field()).isEqualTo(Optional.of(EMAIL_PURPOSES));
        });
    }

    @Test
    void matchesHeadingsIgnoringCaseAndSpaces() {
        ColumnMapping mapping = ColumnMapping.of(Map.of(NAME, " name ", ADDRESS, "ADDRESS", POSTCODE, "Post  code",
                JOINED_ON, "joined"));

        assertThat(mapping.problemsWith(headed("Name", "Address", "Post code", "Joined"))).isEmpty();
    }

    @Test
    void isAnImmutableValue() {
        ColumnMapping mapping = ColumnMapping.of(Map.of(NAME, "Name"));
        ColumnMapping changed = mapping.with(POSTCODE, "Postcode").with(NAME, " ");

        assertThat(mapping.asMap()).containsExactly(entry(NAME, "Name"));
        assertThat(changed.asMap()).containsExactly(entry(POSTCODE, "Postcode"));
        assertThat(changed.without(POSTCODE)).isEqualTo(ColumnMapping.empty());
        assertThat(mapping.header(NAME)).contains("Name");
        assertThat(mapping.header(EMAIL)).isEmpty();
        assertThat(mapping).isEqualTo(ColumnMapping.of(Map.of(NAME, "Name"))).hasSameHashCodeAs(ColumnMapping.of(Map.of(NAME, "Name")));
    }
}
