package org.gridledger.app.ticket;

import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.support.TicketCommands.ProcessTicketDeadlineCommand;
import org.gridledger.domain.support.TicketQueries.DueDeadlineView;
import org.gridledger.domain.support.TicketQueries.DueDeadlinesView;
import org.gridledger.domain.support.TicketQueries.FindDueTicketDeadlinesQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drives the SLA clocks: reads the deadlines due from {@code ticket_deadline} and sends a
 * {@link ProcessTicketDeadlineCommand} for each, as the system actor {@value #ACTOR}. The due times live in the
 * database, so a restart loses nothing: the first sweep after it catches up. Sending twice is harmless (the
 * aggregate ignores a deadline that is no longer pending), so several nodes may sweep at once (ADR 0019).
 */
@Component
public class TicketSweeper {

    static final String ACTOR = "ticket-clock";
    private static final Logger log = LoggerFactory.getLogger(TicketSweeper.class);
    private static final int BATCH = 200;
    private static final int MAX_ROUNDS = 50;

    private final CommandSender commands;
    private final Queries queries;
    private final Clock clock;
    private final TicketProperties properties;

    TicketSweeper(CommandSender commands, Queries queries, Clock clock, TicketProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${gridledger.tickets.sweep-interval:PT30S}")
    void scheduled() {
        if (properties.sweeperEnabled()) {
            sweep(clock.instant());
        }
    }

    /**
     * Acts on every deadline due by {@code asOf}; answers how many commands were sent. A deadline whose command
     * fails is logged and retried at the next sweep.
     */
    public int sweep(Instant asOf) {
        // a deadline is sent once per sweep, even if its row stays (a failure, or a command that changed nothing)
        Set<DueDeadlineView> handled = new HashSet<>();
        int sent = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<DueDeadlineView> due = queries.ask(new FindDueTicketDeadlinesQuery(asOf, BATCH + handled.size()),
                    DueDeadlinesView.class).items().stream().filter(d -> !handled.contains(d)).toList();
            if (due.isEmpty()) {
                break;
            }
            for (DueDeadlineView deadline : due) {
                handled.add(deadline);
                try {
                    commands.sendAsSystem(new ProcessTicketDeadlineCommand(deadline.ticketId(), deadline.deadline(),
                            asOf), ACTOR);
                    sent++;
                } catch (RuntimeException e) {
                    log.warn("Ticket {} deadline {} due {} failed; retried at the next sweep: {}",
                            deadline.ticketId(), deadline.deadline(), deadline.dueAt(), e.toString());
                }
            }
        }
        return sent;
    }
}
