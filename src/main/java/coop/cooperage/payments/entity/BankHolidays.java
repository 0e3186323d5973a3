package coop.cooperage.payments.entity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Bank holidays in England and Wales, which Bacs follows (Scotland's and Northern Ireland's extra
 * days are not Bacs holidays). Computed by the standing rules, not downloaded, so a payment run
 * never waits on, or trusts, a feed:
 * <ul>
 * <li>New Year's Day, Christmas Day and Boxing Day; when one falls at a weekend the holiday is the
 * next weekday not already a holiday (Christmas on a Saturday: Monday 27 and Tuesday 28; Christmas
 * on a Sunday: Boxing Day Monday 26 and Christmas Tuesday 27; Boxing Day on a Saturday: Monday 28);
 * <li>Good Friday and Easter Monday (Easter Sunday by the Gregorian computus);
 * <li>the early May bank holiday (first Monday of May), the spring bank holiday (last Monday of
 * May) and the summer bank holiday (last Monday of August);
 * </ul>
 * plus the one-off changes made by royal proclamation ({@link #MOVED}, {@link #ADDED}). New one-offs
 * are announced months ahead and must be added to those tables by hand; until they are, a run on
 * such a day is accepted and Bacs moves it to the next working day itself.
 *
 * <p>The rules hold from 1978, when the early May holiday began; earlier years are refused rather
 * than answered wrongly.
 */
public final class BankHolidays {

    public static final int FIRST_YEAR = 1978;

    /** One bank holiday: the day, and its name as gov.uk gives it. */
    public record Holiday(LocalDate date, String name) {
    }

    /** Standing holidays moved by proclamation: the day the rule gives, and the holiday that replaced it. */
    static final Map<LocalDate, Holiday> MOVED = Map.of(
            LocalDate.of(1995, 5, 1), new Holiday(LocalDate.of(1995, 5, 8), "Early May bank holiday (VE day)"),
            LocalDate.of(2002, 5, 27), new Holiday(LocalDate.of(2002, 6, 4), "Spring bank holiday"),
            LocalDate.of(2012, 5, 28), new Holiday(LocalDate.of(2012, 6, 4), "Spring bank holiday"),
            LocalDate.of(2020, 5, 4), new Holiday(LocalDate.of(2020, 5, 8), "Early May bank holiday (VE day)"),
            LocalDate.of(2022, 5, 30), new Holiday(LocalDate.of(2022, 6, 2), "Spring bank holiday"));

    /** Extra holidays proclaimed for one year only. */
    static final List<Holiday> ADDED = List.of(
            new Holiday(LocalDate.of(1981, 7, 29), "Royal wedding"),
            new Holiday(LocalDate.of(1999, 12, 31), "Millennium celebrations"),
            new Holiday(LocalDate.of(2002, 6, 3), "Golden Jubilee bank holiday"),
            new Holiday(LocalDate.of(2011, 4, 29), "Royal wedding"),
            new Holiday(LocalDate.of(2012, 6, 5), "Diamond Jubilee bank holiday"),
            new Holiday(LocalDate.of(2022, 6, 3), "Platinum Jubilee bank holiday"),
            new Holiday(LocalDate.of(2022, 9, 19), "Bank holiday for the State Funeral of Queen Elizabeth II"),
            new Holiday(LocalDate.of(2023, 5, 8), "Bank holiday for the coronation of King Charles III"));

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private BankHolidays() {
    }

    /** Every bank holiday of the year, in date order. */
    public static List<Holiday> of(int year) {
        if (year < FIRST_YEAR) {
            throw new IllegalArgumentException("Bank holidays are known from " + FIRST_YEAR + "; asked for " + year);
        }
        var days = new ArrayList<Holiday>();
        LocalDate easter = easterSunday(year);
        days.add(new Holiday(easter.minusDays(2), "Good Friday"));
        days.add(new Holiday(easter.plusDays(1), "Easter Monday"));
        days.add(new Holiday(LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)), "Early May bank holiday"));
        days.add(new Holiday(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), "Spring bank holiday"));
        days.add(new Holiday(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), "Summer bank holiday"));
        fixedDays(year, days);
        days.replaceAll(h -> MOVED.getOrDefault(h.date(), h));
        ADDED.stream().filter(h -> h.date().getYear() == year).forEach(days::add);
        days.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(days);
    }

    /** The holiday on the day, if it is one. */
    public static Optional<Holiday> on(LocalDate day) {
        return of(day.getYear()).stream().filter(h -> h.date().equals(day)).findFirst();
    }

    /** A day Bacs works: a weekday that is not a bank holiday. */
    public static boolean isWorkingDay(LocalDate day) {
        return !isWeekend(day) && on(day).isEmpty();
    }

    /** The first working day on or after the day. */
    public static LocalDate workingDayFrom(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** "Friday 25 December 2026", as the messages about a refused day write it. */
    public static String longDate(LocalDate day) {
        return LONG.format(day);
    }

    /**
     * Easter Sunday in the Gregorian calendar, by the anonymous computus (Meeus/Jones/Butcher):
     * the first Sunday after the ecclesiastical full moon on or after 21 March.
     */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /**
     * New Year's Day, Christmas Day and Boxing Day. Those on weekdays are placed first; each that
     * falls at a weekend then takes, in date order, the next weekday not already a holiday. That
     * gives gov.uk's substitutes: Christmas on a Sunday leaves Boxing Day on Monday 26 and moves
     * Christmas to Tuesday 27; Christmas on a Saturday moves to Monday 27 and Boxing Day to Tuesday 28.
     */
    private static void fixedDays(int year, List<Holiday> days) {
        var fixed = List.of(new Holiday(LocalDate.of(year, 1, 1), "New Year’s Day"),
                new Holiday(LocalDate.of(year, 12, 25), "Christmas Day"), new Holiday(LocalDate.of(year, 12, 26), "Boxing Day"));
        fixed.stream().filter(h -> !isWeekend(h.date())).forEach(days::add);
        for (Holiday h : fixed) {
            if (isWeekend(h.date())) {
                LocalDate substitute = h.date().plusDays(1);
                while (isWeekend(substitute) || taken(substitute, days)) {
                    substitute = substitute.plusDays(1);
                }
                days.add(new Holiday(substitute, h.name() + " (substitute day)"));
            }
        }
    }

    private static boolean taken(LocalDate day, List<Holiday> earlier) {
        return earlier.stream().anyMatch(h -> h.date().equals(day));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
