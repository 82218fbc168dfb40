package org.gridledger.portfolio.ticket;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.gridledger.domain.support.TicketEvents.SubmitterRemindedEvent;
import org.gridledger.domain.support.TicketEvents.TicketOpenedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells people what they must act on: the emergency-response provider's contacts (or the first-level queue) of a new
 * emergency, at once; the submitter of a ticket waiting for an answer, after 5 and 10 working days. Notifications are
 * sent once: this group is not replayed when projections are rebuilt.
 *
 * <p>The handlers run in the subscribing processor, inside the transaction of the command that caused the event.
 * They only work out the notifications there; the sender gets them after that transaction commits (a Spring
 * {@link TransactionSynchronization}, so that it is the outermost transaction's commit that counts), each in a
 * transaction of its own for the sender's record. A transaction that rolls back sends nothing. A sender that fails
 * after the commit is logged: the ticket stands, and the notification is lost rather than the ticket undone.
 */
@Component
@ProcessingGroup("ticket-notification")
class TicketNotifier {

    static final String FIRST_LEVEL = "first-level queue";
    private static final Logger log = LoggerFactory.getLogger(TicketNotifier.class);

    private final TicketNotificationSender sender;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    TicketNotifier(TicketNotificationSender sender, JdbcClient jdbc, Clock clock,
                   PlatformTransactionManager transactions) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        List<TicketNotification> notifications = new ArrayList<>();
        for (String recipient : recipients) {
            notifications.add(new TicketNotification(event.ticketId(), recipient, "EMERGENCY: " + event.subject(),
                    body, clock.instant()));
        }
        afterCommit(notifications);
    }

    @EventHandler
    @DisallowReplay
    void on(SubmitterRemindedEvent event) {
        String submitter = jdbc.sql("select submitted_by from ticket where ticket_id = :id")
                .param("id", event.ticketId().value()).query(String.class).optional().orElse("submitter");
        afterCommit(List.of(new TicketNotification(event.ticketId(), submitter,
                "Ticket waits for your answer (" + event.workingDays() + " working days)",
                "The support side asked a question " + event.workingDays() + " working days ago. Without an answer the"
                        + " ticket is closed as unsolved after " + SlaClocks.UNSOLVED_DAYS + " working days.",
                clock.instant())));
    }

    /**
     * Hands the notifications to the sender once the current transaction has committed; at once when no transaction
     * is active (nothing can be rolled back then).
     */
    private void afterCommit(List<TicketNotification> notifications) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(notifications);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                send(notifications);
            }
        });
    }

    private void send(List<TicketNotification> notifications) {
        for (TicketNotification notification : notifications) {
            try {
                // the committed transaction's connection is still bound here: the sender's record needs its own
                ownTransaction.executeWithoutResult(status -> sender.send(notification));
            } catch (RuntimeException e) {
                log.error("Ticket notification to {} about ticket {} could not be sent", notification.recipient(),
                        notification.ticketId(), e);
            }
        }
    }
}
