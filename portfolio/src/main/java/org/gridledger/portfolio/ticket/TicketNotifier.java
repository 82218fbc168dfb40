package org.gridledger.portfolio.ticket;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.gridledger.domain.support.TicketEvents.SubmitterRemindedEvent;
import org.gridledger.domain.support.TicketEvents.TicketOpenedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Tells people what they must act on: the emergency-response provider's contacts (or the first-level queue) of a new
 * emergency, at once; the submitter of a ticket waiting for an answer, after 5 and 10 working days. Notifications are
 * sent once: this group is not replayed when projections are rebuilt.
 */
@Component
@ProcessingGroup("ticket-notification")
class TicketNotifier {

    static final String FIRST_LEVEL = "first-level queue";

    private final TicketNotificationSender sender;
    private final JdbcClient jdbc;
    private final Clock clock;

    TicketNotifier(TicketNotificationSender sender, JdbcClient jdbc, Clock clock) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(TicketOpenedEvent event) {
        if (!event.emergency()) {
            return;
        }
        List<String> recipients = event.providerId() == null ? List.of()
                : jdbc.sql("select email from provider_contact where provider_id = :id order by position")
                .param("id", event.providerId().value()).query(String.class).list();
        if (recipients.isEmpty()) {
            recipients = List.of(FIRST_LEVEL);
        }
        String body = "Security emergency reported by " + event.submittedBy() + " at " + event.openedAt()
                + (event.affectedPersonDn() == null ? "" : "; person concerned: " + event.affectedPersonDn())
                + "\n\n" + (event.description() == null ? "" : event.description());
        for (String recipient : recipients) {
            sender.send(new TicketNotification(event.ticketId(), recipient, "EMERGENCY: " + event.subject(), body,
                    clock.instant()));
        }
    }

    @EventHandler
    @DisallowReplay
    void on(SubmitterRemindedEvent event) {
        String submitter = jdbc.sql("select submitted_by from ticket where ticket_id = :id")
                .param("id", event.ticketId().value()).query(String.class).optional().orElse("submitter");
        sender.send(new TicketNotification(event.ticketId(), submitter,
                "Ticket waits for your answer (" + event.workingDays() + " working days)",
                "The support side asked a question " + event.workingDays() + " working days ago. Without an answer the"
                        + " ticket is closed as unsolved after " + SlaClocks.UNSOLVED_DAYS + " working days.",
                clock.instant()));
    }
}
