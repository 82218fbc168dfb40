package org.gridledger.app.ticket;

import org.gridledger.portfolio.calendar.GermanPublicHolidays;
import org.gridledger.portfolio.calendar.HolidayCalendar;
import org.gridledger.portfolio.calendar.WorkingCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The working calendar the SLA clocks count in, from {@link TicketProperties}, and scheduling for the sweeper. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TicketConfiguration {

    @Bean
    WorkingCalendar workingCalendar(TicketProperties properties) {
        HolidayCalendar holidays = properties.holidays() == TicketProperties.Holidays.GERMANY
                ? new GermanPublicHolidays() : HolidayCalendar.NONE;
        return new WorkingCalendar(properties.zone(), properties.dayStart(), properties.dayEnd(),
                properties.workingDays(), holidays);
    }
}
