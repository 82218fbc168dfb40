package org.gridledger.app.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.VoMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/**
 * The SLA clock survives a restart: its state is the ticket's events and the due times in {@code ticket_deadline},
 * nothing in memory. A clock runs to its warning under the service's sweeper; then a fresh sweeper, built from
 * nothing but the stored state as after a restart, with a clock moved past the target, breaches it, once.
 */
class TicketClockRestartTest extends ApiTestBase {

    @Autowired
    private TicketSweeper running;
    @Autowired
    private CommandSender commands;
    @Autowired
    private Queries queries;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void a_fresh_sweeper_over_the_stored_deadlines_breaches_a_clock_that_started_before_the_restart() {
        TicketScenario scenario = TicketScenario.create(anonymous(), staff(), null, null, null);
        Http member = newAccountWithRole(Role.MEMBER);
        VoMembers.join(staff(), member, scenario.communityId());
        JsonNode ticket = member.post("/api/v1/tickets", obj("communityId", scenario.communityId(), "packageId",
                scenario.packageId(), "priority", "TOP_PRIORITY", "subject", "Site down")).json();
        String path = "/api/v1/tickets/" + ticket.path("ticketId").asText();
        Instant warning = Instant.parse(ticket.path("deadlines").path("RESPONSE_WARNING").asText());
        Instant breach = Instant.parse(ticket.path("deadlines").path("RESPONSE_BREACH").asText());

        running.sweep(warning);
        assertThat(staff().get(path).json().path("deadlines").has("RESPONSE_WARNING")).isFalse();
        assertThat(staff().get(path).json().path("responseBreached").asBoolean()).isFalse();

        Instant afterRestart = breach.plus(Duration.ofHours(3));
        TicketSweeper fresh = new TicketSweeper(commands, queries, Clock.fixed(afterRestart, ZoneId.of("UTC")),
                new TicketProperties(ZoneId.of("Europe/Berlin"), LocalTime.of(8, 0), LocalTime.of(18, 0),
                        EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                        TicketProperties.Holidays.GERMANY, Duration.ofSeconds(30), true));
        fresh.scheduled();

        JsonNode breached = staff().get(path).json();
        assertThat(breached.path("responseBreached").asBoolean()).isTrue();
        assertThat(breached.path("credits")).hasSize(1);
        long events = events(ticket.path("ticketId").asText());
        fresh.sweep(afterRestart);
        assertThat(events(ticket.path("ticketId").asText())).as("a second sweep adds nothing").isEqualTo(events);
        assertThat(staff().get(path).json().path("credits")).hasSize(1);
    }

    private long events(String ticketId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", UUID.fromString(ticketId).toString()).query(Long.class).single();
    }
}
