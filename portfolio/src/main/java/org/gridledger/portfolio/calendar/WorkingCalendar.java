package org.gridledger.portfolio.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Working hours from {@code dayStart} to {@code dayEnd} on the working days of the week in one time zone, except
 * public holidays. Working time is measured in physical time within those windows, so a day on which the clocks
 * change still counts its hours as they pass.
 */
public final class WorkingCalendar {

    /** Far enough for any SLA target; stops a calendar without working days from looping forever. */
    private static final int MAX_DAYS = 366 * 20;

    private final ZoneId zone;
    private final LocalTime dayStart;
    private final LocalTime dayEnd;
    private final Set<DayOfWeek> workingDays;
    private final HolidayCalendar holidays;

    public WorkingCalendar(ZoneId zone, LocalTime dayStart, LocalTime dayEnd, Set<DayOfWeek> workingDays,
                           HolidayCalendar holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.dayStart = Objects.requireNonNull(dayStart, "dayStart");
        this.dayEnd = Objects.requireNonNull(dayEnd, "dayEnd");
        if (!dayEnd.isAfter(dayStart)) {
            throw new IllegalArgumentException("working hours must end after they start");
        }
        if (workingDays == null || workingDays.isEmpty()) {
            throw new IllegalArgumentException("a working calendar needs at least one working day");
        }
        this.workingDays = EnumSet.copyOf(workingDays);
        this.holidays = holidays == null ? HolidayCalendar.NONE : holidays;
    }

    /** Europe/Berlin, Monday to Friday 08:00–18:00, German public holidays. */
    public static WorkingCalendar germanDefault() {
        return new WorkingCalendar(ZoneId.of("Europe/Berlin"), LocalTime.of(8, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), new GermanPublicHolidays());
    }

    public ZoneId zone() {
        return zone;
    }

    /** The nominal length of one working day (10 hours by default); "n working days" means n times this. */
    public Duration workingDay() {
        return Duration.between(dayStart, dayEnd);
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.isHoliday(day);
    }

    /** Working time in [from, to); zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant start = max(open(day), from);
            Instant end = min(close(day), to);
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /**
     * The earliest instant at which {@code workingTime} has passed since {@code from}: a target of 10 hours from
     * Friday 14:00 ends on Monday 14:00, and one that ends with a working day ends at its close (18:00), not at the
     * next morning's opening.
     */
    public Instant plus(Instant from, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative");
        }
        if (workingTime.isZero()) {
            return from;
        }
        Duration remaining = workingTime;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant start = max(open(day), from);
            Instant end = close(day);
            if (!end.isAfter(start)) {
                continue;
            }
            Duration available = Duration.between(start, end);
            if (remaining.compareTo(available) <= 0) {
                return start.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS + " days of " + from);
    }

    private Instant open(LocalDate day) {
        return ZonedDateTime.of(day, dayStart, zone).toInstant();
    }

    private Instant close(LocalDate day) {
        return ZonedDateTime.of(day, dayEnd, zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
