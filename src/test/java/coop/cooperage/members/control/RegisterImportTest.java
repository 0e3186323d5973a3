package coop.cooperage.members.control;

import static coop.cooperage.members.control.ImportField.ADDRESS;
import static coop.cooperage.members.control.ImportField.ADDRESS_LINE_1;
import static coop.cooperage.members.control.ImportField.ADDRESS_LINE_2;
import static coop.cooperage.members.control.ImportField.AMOUNT_PAID;
import static coop.cooperage.members.control.ImportField.COUNTY;
import static coop.cooperage.members.control.ImportField.DATE_OF_BIRTH;
import static coop.cooperage.members.control.ImportField.EMAIL;
import static coop.cooperage.members.control.ImportField.EMAIL_PURPOSES;
import static coop.cooperage.members.control.ImportField.FIRST_NAMES;
import static coop.cooperage.members.control.ImportField.JOINED_ON;
import static coop.cooperage.members.control.ImportField.NAME;
import static coop.cooperage.members.control.ImportField.POSTCODE;
import static coop.cooperage.members.control.ImportField.REGISTERED_SOCIETY;
import static coop.cooperage.members.control.ImportField.REPRESENTATIVE;
import static coop.cooperage.members.control.ImportField.SHARES;
import static coop.cooperage.members.control.ImportField.SURNAME;
import static coop.cooperage.members.control.ImportField.TOWN;
import static coop.cooperage.members.control.RegisterImportFixtures.RULES;
import static coop.cooperage.members.control.RegisterImportFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import coop.cooperage.members.control.ImportProblem.Severity;
import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.ImportedMember;
import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.money.Money;
import coop.cooperage.society.entity.Jurisdiction;
import coop.cooperage.society.entity.SocietyRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegisterImportTest {

    /** A table whose headings are the fields' labels, mapped one to one. */
    static final class Sheet {
        final List<ImportField> fields;
        final List<List<String>> rows = new ArrayList<>();

        Sheet(ImportField... fields) {
            this.fields = List.of(fields);
        }

        Sheet row(String... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        SpreadsheetTable table() {
            return SpreadsheetTable.of(fields.stream().map(ImportField::label).toList(), rows);
        }

        ColumnMapping mapping() {
            var map = new EnumMap<ImportField, String>(ImportField.class);
            fields.forEach(f -> map.put(f, f.label()));
            return ColumnMapping.of(map);
        }

        ImportReport check(ImportRules rules) {
            return RegisterImport.check(table(), mapping(), rules);
        }

        ImportReport check() {
            return check(RULES);
        }
    }

    static Sheet basic(ImportField... more) {
        var fields = new ArrayList<>(List.of(NAME, ADDRESS, POSTCODE, JOINED_ON));
        fields.addAll(List.of(more));
        return new Sheet(fields.toArray(new ImportField[0]));
    }

    static List<String> messages(ImportReport report) {
        return report.problems().stream().map(ImportProblem::message).toList();
    }

    @Test
    void anOrganisationMarkedARegisteredSocietyNeedsNoKindColumnAndIsNotCapped() {
        ImportReport report = basic(REPRESENTATIVE, SHARES, REGISTERED_SOCIETY)
                .row("Stroud Energy Co-operative Ltd", "1 Station Road", "GL5 3AA", "2016-06-01", "Mia Plum", "250000", "Yes")
                .check();

        ImportedMember society = report.members().get(0);
        assertThat(society.kind()).isEqualTo(MemberKind.ORGANISATION);
        assertThat(society.registeredSociety()).isTrue();
        assertThat(society.representative()).contains("Mia Plum");
        assertThat(society.amountPaid()).isEqualTo(Money.ofPounds(250_000));
    }

    @Test
    void worksOutSharesFromTheAmountPaidWhenThereIsNoSharesColumn() {
        ImportReport report = basic(AMOUNT_PAID)
                .row("Ann Lee", "4 Church Street", "GL6 0AA", "2016-05-01", "£250.00")
                .row("Bob Ray", "5 Park Road", "GL5 2AB", "2019-05-12", "250.50")
                .check();

        assertThat(report.problemsOnRow(2)).isEmpty();
        assertThat(report.problemsOnRow(3)).extracting(ImportProblem::message)
                .containsExactly("The amount paid, £250.50, is not a whole number of £1.00 shares.");
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void worksOutSharesWithANominalValueOtherThanAPound() {
        var rules = new ImportRules(Money.ofPence(50), 1, 1_000_000, Money.ofPounds(100_000), 0, TODAY,
                ExistingMembers.none());

        ImportReport report = basic(SHARES, AMOUNT_PAID)
                .row("Ann Lee", "4 Church Street", "GL6 0AA", "2016-05-01", "", "12.50")
                .row("Bob Ray", "5 Park Road", "GL5 2AB", "2019-05-12", "30", "15")
                .check(rules);

        assertThat(report.members()).extracting(ImportedMember::shares).containsExactly(25L, 30L);
        assertThat(report.totalPaid()).isEqualTo(Money.ofPence(2_750));
    }

    @Test
    void withoutSharesOrAmountColumnsMembersHoldNothingAndTheUserIsWarnedOnce() {
        ImportReport report = basic()
                .row("Ann Lee", "4 Church Street", "GL6 0AA", "2016-05-01")
                .row("Bob Ray", "5 Park Road", "GL5 2AB", "2019-05-12")
                .check();

        assertThat(report.isValid()).isTrue();
        assertThat(report.warnings()).singleElement().satisfies(w -> assertThat(w.row()).isZero());
        assertThat(report.members()).allSatisfy(m -> {
            assertThat(m.shares()).isZero();
            assertThat(m.amountPaid()).isEqualTo(Money.ZERO);
        });
    }

    @Test
    void aReportWithOnlyWarningsImports() {
        ImportReport report = basic(SHARES).row("Ann Lee", "4 Church Street", "GL6 0AA", "2016-05-01", "1").check();

        assertThat(report.isValid()).isTrue();
        assertThat(report.warnings()).hasSize(1);
        assertThat(report.members()).hasSize(1);
    }

    @Test
    void splitsAWholeAddressAtLineBreaksAndCommasAndDropsTheRepeatedPostcode() {
        ImportReport report = basic(SHARES)
                .row("Ann Lee", "Flat 2, 12 High Street\nStroud,\nGloucestershire, GL5 1AA", "GL5 1AA", "2016-05-01", "50")
                .check();

        assertThat(report.members().get(0).address()).isEqualTo("Flat 2\n12 High Street\nStroud\nGloucestershire");
    }

    @Test
    void joinsAddressLinesTownAndCountyKeepingCommasWithinALine() {
        ImportReport report = new Sheet(NAME, ADDRESS_LINE_1, ADDRESS_LINE_2, TOWN, COUNTY, POSTCODE, JOINED_ON, SHARES)
                .row("Ann Lee", "Flat 2, 12 High Street", "", " Stroud ", "Glos", "gl51aa", "2016-05-01", "50")
                .check();

        ImportedMember ann = report.members().get(0);
        assertThat(ann.address()).isEqualTo("Flat 2, 12 High Street\nStroud\nGlos");
        assertThat(ann.postcode().value()).isEqualTo("GL5 1AA");
    }

    @Test
    void joinsFirstNamesAndSurnameWhereThereIsNoFullName() {
        ImportReport report = new Sheet(NAME, FIRST_NAMES, SURNAME, ADDRESS, POSTCODE, JOINED_ON, SHARES)
                .row("", "Zoë", "O'Brien", "1 High St", "GL5 1AA", "2016-05-01", "50")
                .row("Stroud Town Council", "", "", "Town Hall", "GL5 1AB", "2016-05-01", "50")
                .row("", "Cher", "", "2 High St", "GL5 1AD", "2016-05-01", "50")
                .check();

        assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::message)
                .containsExactly(tuple(4, "Surname", "Enter the member's surname."));
        report = new Sheet(FIRST_NAMES, SURNAME, ADDRESS, POSTCODE, JOINED_ON, SHARES)
                .row("Zoë", "O'Brien", "1 High St", "GL5 1AA", "2016-05-01", "50")
                .check();
        assertThat(report.members().get(0).name()).isEqualTo("Zoë O'Brien");
    }

    @Test
    void refusesValuesTooLongForTheRegister() {
        ImportReport report = basic(SHARES)
                .row("N".repeat(201), "A".repeat(501), "GL5 1AA", "2016-05-01", "50")
                .check();

        assertThat(messages(report)).containsExactly("The name is longer than 200 characters.",
                "The address is longer than 500 characters.");
    }

    @Test
    void spotsTwoEmailAddressesInOneCell() {
        ImportReport report = basic(EMAIL, SHARES)
                .row("Ann Lee", "1 High St", "GL5 1AA", "2016-05-01", "ann@example.org; bob@example.org", "50")
                .check();

        assertThat(messages(report)).containsExactly("'ann@example.org; bob@example.org' holds more than one email"
                + " address. A member has one: keep the one they use.");
    }

    @Test
    void keepsEmailPurposesOnlyWithAnEmailAddress() {
        ImportReport report = basic(EMAIL, EMAIL_PURPOSES, SHARES)
                .row("Ann Lee", "1 High St", "GL5 1AA", "2016-05-01", "ann@example.org", "notices & news", "50")
                .row("Bob Ray", "2 High St", "GL5 1AB", "2016-05-01", "", "yes", "50")
                .check();

        assertThat(report.members().get(0).emailPurposes()).containsExactly(EmailPurpose.NOTICES, EmailPurpose.NEWS);
        assertThat(report.members().get(1).emailPurposes()).isEmpty();
        assertThat(report.warnings()).extracting(ImportProblem::row).containsExactly(3);
    }

    @Test
    void checksTheMinimumAgeOnTheDayTheMemberJoined() {
        ImportReport report = basic(DATE_OF_BIRTH, SHARES)
                .row("Sixteen Today", "1 High St", "GL5 1AA", "2020-03-01", "2004-03-01", "50")
                .row("Sixteen Tomorrow", "2 High St", "GL5 1AB", "2020-03-01", "2004-03-02", "50")
                .row("Born Later", "3 High St", "GL5 1AD", "2020-03-01", "2021-03-02", "50")
                .check();

        assertThat(report.problems()).extracting(ImportProblem::row).containsExactly(3, 4);
        assertThat(report.problemsOnRow(3).get(0).message()).contains("the member was 15 when they joined");
        assertThat(report.problemsOnRow(4).get(0).message())
                .isEqualTo("The member was born (2 March 2021) after they joined (1 March 2020).");

        var noMinimum = new ImportRules(Money.ofPounds(1), 1, 1000, Money.ofPounds(1000), 0, TODAY, ExistingMembers.none());
        assertThat(basic(DATE_OF_BIRTH, SHARES)
                .row("Baby Member", "1 High St", "GL5 1AA", "2020-03-01", "2020-01-01", "50")
                .check(noMinimum).isValid()).isTrue();
    }

    @Test
    void acceptsDatesUpToTodayButNotTomorrow() {
        ImportReport report = basic(SHARES)
                .row("Ann Lee", "1 High St", "GL5 1AA", TODAY.toString(), "50")
                .row("Bob Ray", "2 High St", "GL5 1AB", TODAY.plusDays(1).toString(), "50")
                .check();

        assertThat(report.problems()).extracting(ImportProblem::row).containsExactly(3);
    }

    @Test
    void findsDuplicatesAgainstExistingMembersLooselyByNameAndExactlyByNumberAndEmail() {
        var existing = ExistingMembers.of(List.of(
                new ExistingMembers.Member(7L, "Mrs Zoë O'Brien", "gl5 1aa", "Zoe@Example.org")));
        var rules = new ImportRules(Money.ofPounds(1), 1, 1000, Money.ofPounds(1000), 0, TODAY, existing);

        ImportReport report = basic(ImportField.MEMBER_NUMBER, EMAIL, SHARES)
                .row("zoe obrien", "1 High St", "GL5 1AA", "2016-05-01", "8", "", "50")
                .row("Someone Else", "2 High St", "GL5 1AB", "2016-05-01", "7", "zoe@example.ORG", "50")
                .check(rules);

        assertThat(messages(report)).containsExactly(
                "zoe obrien at GL5 1AA is already on the register (member 7).",
                "Member number 7 already belongs to Mrs Zoë O'Brien on the register.",
                "zoe@example.ORG is already the email address of Mrs Zoë O'Brien (member 7) on the register.");
    }

    @Test
    void aFileWithNothingBelowTheHeadingsIsAnError() {
        ImportReport report = basic(SHARES).check();

        assertThat(report.isValid()).isFalse();
        assertThat(messages(report)).containsExactly("There are no members in the file: nothing below the headings in row 1.");
    }

    @Test
    void listsMappingProblemsFirstAndStillChecksTheColumnsThatAreMapped() {
        var table = SpreadsheetTable.of(List.of("Name", "Address", "Joined"),
                List.of(List.of("", "1 High St", "2016-05-01"), List.of("Bob Ray", "2 High St", "tomorrow")));
        var mapping = ColumnMapping.of(Map.of(NAME, "Name", ADDRESS, "Address", JOINED_ON, "Joined"));

        ImportReport report = RegisterImport.check(table, mapping, RULES);

        assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::column)
                .containsExactly(
                        tuple(0, ""),  // no column for the postcode
                        tuple(0, ""),  // no column for shares: a warning
                        tuple(2, ""),  // the postcode itself: no column, so first
                        tuple(2, "Name"),
                        tuple(3, ""),
                        tuple(3, "Joined"));
        assertThat(report.problems().get(0).field()).contains(POSTCODE);
        assertThat(report.problems().get(1).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void refusesAHoldingWorthMoreThanAnySociety() {
        var rules = new ImportRules(Money.ofPounds(100_000), 1, Long.MAX_VALUE, Money.ofPounds(100_000), 0, TODAY,
                ExistingMembers.none());

        ImportReport report = basic(SHARES, REGISTERED_SOCIETY, REPRESENTATIVE)
                .row("Big Society", "1 High St", "GL5 1AA", "2016-05-01", "1000000000000", "yes", "Al Big")
                .check(rules);

        assertThat(messages(report)).singleElement().asString().contains("far too large a holding");
    }

    @Test
    void takesItsRulesFromTheSocietysSettings() {
        ImportRules rules = ImportRules.from(SocietyRules.defaults(Jurisdiction.NORTHERN_IRELAND), TODAY,
                ExistingMembers.none());

        assertThat(rules.nominalShareValue()).isEqualTo(Money.ofPounds(1));
        assertThat(rules.minimumHoldingShares()).isEqualTo(50);
        assertThat(rules.maximumHoldingShares()).isEqualTo(20_000);
        assertThat(rules.holdingCap()).isEqualTo(Money.ofPounds(20_000));
        assertThat(rules.minimumAge()).isEqualTo(16);
    }

    @Test
    void refusesRulesThatMakeNoSense() {
        assertThatThrownBy(() -> new ImportRules(Money.ZERO, 1, 10, Money.ofPounds(10), 0, TODAY, ExistingMembers.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImportRules(Money.ofPounds(1), 10, 1, Money.ofPounds(10), 0, TODAY, ExistingMembers.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImportRules(Money.ofPounds(1), 1, 10, Money.ofPounds(10), -1, TODAY, ExistingMembers.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void importedMembersCannotBeChangedAfterTheCheck() {
        ImportedMember ann = basic(EMAIL, EMAIL_PURPOSES, SHARES)
                .row("Ann Lee", "1 High St", "GL5 1AA", "2016-05-01", "ann@example.org", "yes", "50")
                .check().members().get(0);

        assertThatThrownBy(() -> ann.emailPurposes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ann.dateOfBirth()).isEmpty();
        assertThat(ann.joinedOn()).isEqualTo(LocalDate.of(2016, 5, 1));
    }
}
