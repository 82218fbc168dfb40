package org.gridledger.portfolio.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Working-hour arithmetic of the default calendar: Berlin, Monday–Friday 08:00–18:00, German public holidays. */
class WorkingCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final WorkingCalendar calendar = WorkingCalendar.germanDefault();

    @ParameterizedTest
    @CsvSource({"2024,2024-03-31", "2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28", "2038,2038-04-25",
            "2285,2285-03-22", "1818,1818-03-22", "2000,2000-04-23"})
    void easterSundayIsComputedForAnyYear(int year, LocalDate easter) {
        assertThat(GermanPublicHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25",
            "2025-10-03", "2026-12-25", "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17", "2028-04-14"})
    void nationalHolidaysAreNoWorkingDays(String day) {
        LocalDate date = LocalDate.parse(day);
        boolean weekendOrHoliday = date.getDayOfWeek().getValue() >= 6 || new GermanPublicHolidays().isHoliday(date);
        assertThat(calendar.isWorkingDay(date)).as("%s", day).isFalse();
        assertThat(weekendOrHoliday).isTrue();
    }

    @Test
    void theMondayAfterChristmasIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 28))).isTrue();
        assertThat(new GermanPublicHolidays().isHoliday(LocalDate.of(2026, 4, 5))).as("Easter Sunday is no "
                + "national holiday; it is a Sunday").isFalse();
    }

    @Test
    void regionalHolidaysAndChristmasEveAreWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 4))).as("Corpus Christi").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 24))).as("Christmas Eve").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).as("a Saturday").isFalse();
    }

    @Test
    void workingTimeAcrossAWeekendCountsOnlyWorkingHours() {
        assertThat(calendar.between(at("2026-11-27T16:00"), at("2026-11-30T10:00"))).isEqualTo(Duration.ofHours(4));
        assertThat(calendar.between(at("2026-11-28T09:00"), at("2026-11-29T17:00"))).isZero();
        assertThat(calendar.between(at("2026-11-30T10:00"), at("2026-11-27T16:00"))).isZero();
    }

    @Test
    void tenWorkingHoursFromFridayAfternoonEndOnMondayAfternoon() {
        assertThat(calendar.plus(at("2026-11-27T14:00"), Duration.ofHours(10))).isEqualTo(at("2026-11-30T14:00"));
    }

    @Test
    void aTargetEndingWithTheWorkingDayEndsAtItsCloseNotTheNextMorning() {
        assertThat(calendar.plus(at("2026-11-30T08:00"), Duration.ofHours(10))).isEqualTo(at("2026-11-30T18:00"));
    }

    @Test
    void timeBeforeOpeningOrOnAWeekendStartsCountingAtTheNextOpening() {
        assertThat(calendar.plus(at("2026-11-28T10:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-30T09:00"));
        assertThat(calendar.plus(at("2026-11-30T06:30"), Duration.ofMinutes(30))).isEqualTo(at("2026-11-30T08:30"));
    }

    @Test
    void easterHolidaysAreSkipped() {
        // Thursday before Easter 2026, 17:00: Good Friday, the weekend and Easter Monday do not count
        assertThat(calendar.plus(at("2026-04-02T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-04-07T09:00"));
        assertThat(calendar.between(at("2026-04-02T17:00"), at("2026-04-07T09:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void ascensionAndWhitMondayAreSkipped() {
        // Wednesday before Ascension 2026 (14 May), then Friday; Whit Monday 25 May
        assertThat(calendar.plus(at("2026-05-13T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-05-15T09:00"));
        assertThat(calendar.plus(at("2026-05-22T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-05-26T09:00"));
    }

    @Test
    void christmasAndNewYearAreSkipped() {
        assertThat(calendar.plus(at("2026-12-24T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-12-28T09:00"));
        assertThat(calendar.plus(at("2026-12-31T17:00"), Duration.ofHours(2))).isEqualTo(at("2027-01-04T09:00"));
    }

    @Test
    void aDayWithAClockChangeCountsItsHoursAsTheyPass() {
        // 2026-10-26 is a Monday; the clocks changed on Sunday 25 October, which is no working day anyway
        assertThat(calendar.between(at("2026-10-23T17:00"), at("2026-10-26T09:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void plusAndBetweenAgree() {
        Instant from = at("2026-12-22T15:42");
        for (long minutes = 0; minutes <= 60 * 60; minutes += 37) {
            Duration d = Duration.ofMinutes(minutes);
            assertThat(calendar.between(from, calendar.plus(from, d))).as("%s", d).isEqualTo(d);
        }
    }

    @Test
    void aWorkingDayIsTenHours() {
        assertThat(calendar.workingDay()).isEqualTo(Duration.ofHours(10));
    }

    static Instant at(String berlinLocal) {
        return LocalDateTime.parse(berlinLocal).atZone(BERLIN).toInstant();
    }
}
