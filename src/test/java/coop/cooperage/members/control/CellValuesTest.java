package coop.cooperage.members.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.money.Money;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellValuesTest {

    static final LocalDate LAST_DAY_OF_MARCH = LocalDate.of(2024, 3, 31);

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-31", "2024/03/31", "31/03/2024", "31-03-2024", "31.03.2024", "31/3/2024",
            "31 Mar 2024", "31 March 2024", "31-Mar-2024", "31st March 2024", "31 MARCH 2024", "31 march, 2024",
            "March 31, 2024", "Mar 31 2024", " 31/03/2024 ", "31/03/2024 00:00", "2024-03-31 13:45:10",
            "2024-03-31T00:00:00", "31\u00A0March\u00A02024"})
    void readsUkAndIsoDates(String text) {
        assertThat(CellValues.date(text)).isEqualTo(LAST_DAY_OF_MARCH);
    }

    @Test
    void readsSeptInBothShortForms() {
        assertThat(CellValues.date("1 Sept 2023")).isEqualTo(LocalDate.of(2023, 9, 1));
        assertThat(CellValues.date("1 Sep 2023")).isEqualTo(LocalDate.of(2023, 9, 1));
    }

    @Test
    void readsFiguresDayFirstEvenWhenBothCouldBeMonths() {
        assertThat(CellValues.date("04/03/2024")).isEqualTo(LocalDate.of(2024, 3, 4));
    }

    @Test
    void refusesMonthFirstDatesRatherThanGuessing() {
        assertThatThrownBy(() -> CellValues.date("03/31/2024"))
                .hasMessageContaining("read day first")
                .hasMessageContaining("31/03/2024");
    }

    @Test
    void refusesTwoFigureYears() {
        assertThatThrownBy(() -> CellValues.date("31/03/24")).hasMessageContaining("year in full");
        assertThatThrownBy(() -> CellValues.date("31-Mar-24")).hasMessageContaining("year in full");
    }

    @Test
    void refusesDatesThatDoNotExist() {
        assertThatThrownBy(() -> CellValues.date("29/02/2023")).hasMessage("'29/02/2023' is not a real date.");
        assertThatThrownBy(() -> CellValues.date("2024-13-01")).hasMessage("'2024-13-01' is not a real date.");
        assertThatThrownBy(() -> CellValues.date("31 Smarch 2024")).hasMessageContaining("'smarch' is not a month");
    }

    @Test
    void refusesImplausiblyEarlyYears() {
        assertThatThrownBy(() -> CellValues.date("31/03/0024")).hasMessageContaining("check the year");
        assertThatThrownBy(() -> CellValues.date("1899-12-31")).hasMessageContaining("check the year");
    }

    @Test
    void explainsADateStoredAsANumber() {
        assertThatThrownBy(() -> CellValues.date("45382")).hasMessageContaining("date stored as a number");
    }

    @Test
    void refusesText() {
        assertThatThrownBy(() -> CellValues.date("last spring")).hasMessageContaining("is not a date");
    }

    @Test
    void readsWholeNumbers() {
        assertThat(CellValues.wholeNumber("500", "shares")).isEqualTo(500);
        assertThat(CellValues.wholeNumber("1,000", "shares")).isEqualTo(1000);
        assertThat(CellValues.wholeNumber("12.00", "shares")).isEqualTo(12);
        assertThat(CellValues.wholeNumber("+7", "shares")).isEqualTo(7);
        assertThat(CellValues.wholeNumber("-0", "shares")).isZero();
        assertThat(CellValues.wholeNumber("0042", "shares")).isEqualTo(42);
    }

    @Test
    void refusesFractionsNegativesMisplacedCommasAndNonsense() {
        assertThatThrownBy(() -> CellValues.wholeNumber("12.5", "shares"))
                .hasMessage("'12.5' is not a whole number of shares.");
        assertThatThrownBy(() -> CellValues.wholeNumber("-5", "shares"))
                .hasMessage("'-5' is negative: a number of shares cannot be less than 0.");
        assertThatThrownBy(() -> CellValues.wholeNumber("1,5", "shares")).hasMessage("'1,5' is not a number of shares.");
        assertThatThrownBy(() -> CellValues.wholeNumber("lots", "shares")).hasMessage("'lots' is not a number of shares.");
        assertThatThrownBy(() -> CellValues.wholeNumber("1e5", "shares")).hasMessage("'1e5' is not a number of shares.");
        assertThatThrownBy(() -> CellValues.wholeNumber("99999999999999999999999", "shares"))
                .hasMessageContaining("far too large");
    }

    @Test
    void readsAmountsInPounds() {
        assertThat(CellValues.amount("250")).isEqualTo(Money.ofPounds(250));
        assertThat(CellValues.amount("£1,250.50")).isEqualTo(Money.ofPence(125_050));
        assertThat(CellValues.amount("£ 1250.5")).isEqualTo(Money.ofPence(125_050));
        assertThat(CellValues.amount("12.500")).isEqualTo(Money.ofPence(1_250));
    }

    @Test
    void refusesNegativeAmountsAndFractionsOfAPenny() {
        assertThatThrownBy(() -> CellValues.amount("-£5")).hasMessageContaining("negative");
        assertThatThrownBy(() -> CellValues.amount("£-5")).hasMessageContaining("negative");
        assertThatThrownBy(() -> CellValues.amount("1.005")).hasMessageContaining("fractions of a penny");
        assertThatThrownBy(() -> CellValues.amount("£££")).hasMessageContaining("not an amount");
        assertThatThrownBy(() -> CellValues.amount("-£-5")).hasMessageContaining("not an amount");
    }

    @Test
    void readsYesAndNo() {
        assertThat(CellValues.yesNo("Yes")).isTrue();
        assertThat(CellValues.yesNo("TRUE")).isTrue();
        assertThat(CellValues.yesNo("y")).isTrue();
        assertThat(CellValues.yesNo("")).isFalse();
        assertThat(CellValues.yesNo("No")).isFalse();
        assertThat(CellValues.yesNo("FALSE")).isFalse();
        assertThatThrownBy(() -> CellValues.yesNo("maybe")).hasMessage("'maybe' is not yes or no.");
    }

    @Test
    void readsTheManyWaysOfSayingIndividualOrOrganisation() {
        assertThat(CellValues.kind("Individual")).isEqualTo(MemberKind.INDIVIDUAL);
        assertThat(CellValues.kind("person")).isEqualTo(MemberKind.INDIVIDUAL);
        assertThat(CellValues.kind("Organisation")).isEqualTo(MemberKind.ORGANISATION);
        assertThat(CellValues.kind("organization")).isEqualTo(MemberKind.ORGANISATION);
        assertThat(CellValues.kind("Company")).isEqualTo(MemberKind.ORGANISATION);
        assertThat(CellValues.kind("Registered Society")).isEqualTo(MemberKind.ORGANISATION);
        assertThat(CellValues.kind("Co-op")).isEqualTo(MemberKind.ORGANISATION);
        assertThat(CellValues.kind("Parish council")).isEqualTo(MemberKind.ORGANISATION);
        assertThatThrownBy(() -> CellValues.kind("Joint")).hasMessageContaining("in their own name");
        assertThatThrownBy(() -> CellValues.kind("alien")).hasMessageContaining("neither individual nor organisation");
    }

    @Test
    void readsEmailPurposesInWordsOrAsAConsentAnswer() {
        assertThat(CellValues.emailPurposes("notices; news"))
                .containsExactlyInAnyOrder(EmailPurpose.NOTICES, EmailPurpose.NEWS);
        assertThat(CellValues.emailPurposes("Notices, statements and newsletter"))
                .isEqualTo(EnumSet.allOf(EmailPurpose.class));
        assertThat(CellValues.emailPurposes("Statements and share certificates")).containsExactly(EmailPurpose.STATEMENTS);
        assertThat(CellValues.emailPurposes("AGM / news")).containsExactlyInAnyOrder(EmailPurpose.NOTICES, EmailPurpose.NEWS);
        assertThat(CellValues.emailPurposes("Yes")).isEqualTo(EnumSet.allOf(EmailPurpose.class));
        assertThat(CellValues.emailPurposes("TRUE")).isEqualTo(EnumSet.allOf(EmailPurpose.class));
        assertThat(CellValues.emailPurposes("No")).isEmpty();
        assertThat(CellValues.emailPurposes("")).isEmpty();
        assertThatThrownBy(() -> CellValues.emailPurposes("notices; carrier pigeon"))
                .hasMessageStartingWith("'carrier pigeon' is not an email purpose.");
    }

    @Test
    void cleansInvisibleCharactersAndSpacesButKeepsLineBreaks() {
        assertThat(CellValues.clean("\uFEFF  Jane\u00A0\u00A0Smith\u200B \r\n 12 High St\t ")).isEqualTo("Jane Smith\n12 High St");
        assertThat(CellValues.oneLine("Jane\nSmith")).isEqualTo("Jane Smith");
        assertThat(CellValues.clean(null)).isEmpty();
    }

    @Test
    void shortensLongValuesQuotedInMessages() {
        assertThat(CellValues.shown("x".repeat(100))).hasSize(60).endsWith("...");
    }
}
