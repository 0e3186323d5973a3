package coop.cooperage.payments.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.payments.entity.BankHolidays.Holiday;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BankHolidaysTest {

    /** England and Wales, as published on gov.uk/bank-holidays (and its archived years). */
    static final Map<Integer, List<String>> GOV_UK = Map.of(
            2019, List.of("2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"),
            2020, List.of("2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"),
            2021, List.of("2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"),
            2022, List.of("2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
                    "2022-12-26", "2022-12-27"),
            2023, List.of("2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25",
                    "2023-12-26"),
            2024, List.of("2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"),
            2025, List.of("2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"),
            2026, List.of("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"),
            2027, List.of("2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"));

    @Test
    void theRulesAndTheOneOffsGiveGovUksDatesFor2019To2027() {
        GOV_UK.forEach((year, dates) -> assertThat(BankHolidays.of(year)).as("%d", year).extracting(h -> h.date().toString())
                .containsExactlyElementsOf(dates));
    }

    @Test
    void easterSundayByTheComputusMatchesThePublishedDates() {
        var published = Map.of(2019, "2019-04-21", 2020, "2020-04-12", 2021, "2021-04-04", 2022, "2022-04-17", 2023, "2023-04-09",
                2024, "2024-03-31", 2025, "2025-04-20", 2026, "2026-04-05", 2027, "2027-03-28");
        published.forEach((year, date) -> assertThat(BankHolidays.easterSunday(year)).as("%d", year).isEqualTo(date));
        // the extremes of the Gregorian range: 22 March and 25 April
        assertThat(BankHolidays.easterSunday(2285)).isEqualTo("2285-03-22");
        assertThat(BankHolidays.easterSunday(1818)).isEqualTo("1818-03-22");
        assertThat(BankHolidays.easterSunday(2038)).isEqualTo("2038-04-25");
        assertThat(BankHolidays.easterSunday(1943)).isEqualTo("1943-04-25");
        for (int year = 1978; year <= 2200; year++) {
            LocalDate easter = BankHolidays.easterSunday(year);
            assertThat(easter.getDayOfWeek()).as("%d", year).isEqualTo(java.time.DayOfWeek.SUNDAY);
            assertThat(easter).as("%d", year).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
        }
    }

    @Test
    void weekendFixedDaysMoveToTheNextFreeWeekdayAndSayTheyAreSubstitutes() {
        // Christmas on a Sunday: Boxing Day keeps Monday 26, Christmas moves to Tuesday 27
        assertThat(BankHolidays.of(2022)).contains(new Holiday(LocalDate.of(2022, 12, 26), "Boxing Day"),
                new Holiday(LocalDate.of(2022, 12, 27), "Christmas Day (substitute day)"),
                new Holiday(LocalDate.of(2022, 1, 3), "New Year’s Day (substitute day)"));
        // Christmas on a Saturday: Monday 27 and Tuesday 28
        assertThat(BankHolidays.of(2021)).contains(new Holiday(LocalDate.of(2021, 12, 27), "Christmas Day (substitute day)"),
                new Holiday(LocalDate.of(2021, 12, 28), "Boxing Day (substitute day)"));
        // Boxing Day on a Saturday: Monday 28
        assertThat(BankHolidays.on(LocalDate.of(2026, 12, 28))).contains(new Holiday(LocalDate.of(2026, 12, 28), "Boxing Day (substitute day)"));
        assertThat(BankHolidays.on(LocalDate.of(2026, 12, 26))).isEmpty();
        // New Year's Day on a Sunday: Monday 2
        assertThat(BankHolidays.on(LocalDate.of(2023, 1, 2))).map(Holiday::name).contains("New Year’s Day (substitute day)");
    }

    @Test
    void oneOffChangesReplaceTheRuleDayOrAddADay() {
        assertThat(BankHolidays.on(LocalDate.of(2020, 5, 4))).as("the first Monday of May 2020 was a working day").isEmpty();
        assertThat(BankHolidays.on(LocalDate.of(2020, 5, 8))).map(Holiday::name).contains("Early May bank holiday (VE day)");
        assertThat(BankHolidays.on(LocalDate.of(2022, 5, 30))).as("the last Monday of May 2022 was a working day").isEmpty();
        assertThat(BankHolidays.on(LocalDate.of(2022, 6, 2))).map(Holiday::name).contains("Spring bank holiday");
        assertThat(BankHolidays.on(LocalDate.of(2022, 6, 3))).map(Holiday::name).contains("Platinum Jubilee bank holiday");
        assertThat(BankHolidays.on(LocalDate.of(2022, 9, 19))).map(Holiday::name).get().asString().contains("State Funeral");
        assertThat(BankHolidays.on(LocalDate.of(2023, 5, 8))).map(Holiday::name).get().asString().contains("coronation");
        assertThat(BankHolidays.of(2012)).extracting(h -> h.date().toString()).contains("2012-06-04", "2012-06-05").doesNotContain("2012-05-28");
        assertThat(BankHolidays.on(LocalDate.of(1999, 12, 31))).isPresent();
        assertThat(BankHolidays.on(LocalDate.of(2011, 4, 29))).isPresent();
    }

    @Test
    void everyYearHasItsEightStandingHolidaysOnDistinctWeekdays() {
        for (int year = BankHolidays.FIRST_YEAR; year <= 2100; year++) {
            int y = year;
            List<Holiday> days = BankHolidays.of(y);
            assertThat(days).as("%d", year).hasSizeGreaterThanOrEqualTo(8);
            assertThat(days).as("%d", year).extracting(Holiday::date).doesNotHaveDuplicates()
                    .allSatisfy(d -> assertThat(d.getDayOfWeek().getValue()).isLessThanOrEqualTo(5))
                    .allSatisfy(d -> assertThat(d.getYear()).isEqualTo(y));
        }
    }

    @Test
    void workingDaysSkipWeekendsAndBankHolidays() {
        assertThat(BankHolidays.isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(BankHolidays.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(BankHolidays.isWorkingDay(LocalDate.of(2026, 12, 27))).isFalse();
        // Friday 25 December 2026: the weekend, then the Boxing Day substitute, then Tuesday
        assertThat(BankHolidays.workingDayFrom(LocalDate.of(2026, 12, 25))).isEqualTo("2026-12-29");
        // Good Friday 2027 to Easter Monday: Tuesday 30 March
        assertThat(BankHolidays.workingDayFrom(LocalDate.of(2027, 3, 26))).isEqualTo("2027-03-30");
        assertThat(BankHolidays.workingDayFrom(LocalDate.of(2026, 12, 2))).isEqualTo("2026-12-02");
    }

    @Test
    void yearsBeforeTheRulesAreRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> BankHolidays.of(1977)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1978");
    }
}
