package org.gridledger.portfolio.calendar;

import java.time.LocalDate;

/** Which days are public holidays. */
@FunctionalInterface
public interface HolidayCalendar {

    boolean isHoliday(LocalDate day);

    HolidayCalendar NONE = day -> false;
}
