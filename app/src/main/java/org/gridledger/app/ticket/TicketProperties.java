package org.gridledger.app.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * Settings of the SLA clocks under {@code gridledger.tickets}.
 *
 * @param zone          time zone of the working calendar
 * @param dayStart      start of the working hours
 * @param dayEnd        end of the working hours
 * @param workingDays   working days of the week
 * @param holidays      public holidays observed: {@code GERMANY} (national holidays) or {@code NONE}
 * @param sweepInterval pause between two runs of the deadline sweeper
 * @param sweeperEnabled whether the sweeper runs on its own; it can always be run by hand (tests, demo)
 */
@ConfigurationProperties("gridledger.tickets")
public record TicketProperties(
        @DefaultValue("Europe/Berlin") ZoneId zone,
        @DefaultValue("08:00") LocalTime dayStart,
        @DefaultValue("18:00") LocalTime dayEnd,
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> workingDays,
        @DefaultValue("GERMANY") Holidays holidays,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("true") boolean sweeperEnabled) {

    public enum Holidays { GERMANY, NONE }
}
