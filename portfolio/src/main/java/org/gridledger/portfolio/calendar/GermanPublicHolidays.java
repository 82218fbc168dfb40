package org.gridledger.portfolio.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * The public holidays observed throughout Germany: New Year, Good Friday, Easter Monday, Labour Day (1 May),
 * Ascension, Whit Monday, German Unity Day (3 October), Christmas Day and Boxing Day. The movable ones follow
 * Easter Sunday, computed for any Gregorian year; no list of years is kept.
 */
public final class GermanPublicHolidays implements HolidayCalendar {

    private static final Set<MonthDay> FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(10, 3),
            MonthDay.of(12, 25), MonthDay.of(12, 26));
    /** Days relative to Easter Sunday: Good Friday, Easter Monday, Ascension, Whit Monday. */
    private static final int[] EASTER_OFFSETS = {-2, 1, 39, 50};

    @Override
    public boolean isHoliday(LocalDate day) {
        if (FIXED.contains(MonthDay.from(day))) {
            return true;
        }
        LocalDate easter = easterSunday(day.getYear());
        for (int offset : EASTER_OFFSETS) {
            if (easter.plusDays(offset).equals(day)) {
                return true;
            }
        }
        return false;
    }

    /** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm of Meeus, Jones and Butcher). */
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
}
