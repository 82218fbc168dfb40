package org.gridledger.portfolio.ticket;

import org.gridledger.domain.portfolio.TicketPriority;
import org.gridledger.domain.support.TicketEvents.SubmitterRemindedEvent;
import org.gridledger.domain.support.TicketEvents.TicketOpenedEvent;
import org.gridledger.domain.support.TicketId;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.portfolio.ticket.TicketSamples.BERLIN;
import static org.gridledger.portfolio.ticket.TicketSamples.FEE;
import static org.gridledger.portfolio.ticket.TicketSamples.FIVE_PERCENT_CAPPED_AT_TEN;
import static org.gridledger.portfolio.ticket.TicketSamples.MEDIGRID;
import static org.gridledger.portfolio.ticket.TicketSamples.OPENED;
import static org.gridledger.portfolio.ticket.TicketSamples.SUPPORT;
import static org.gridledger.portfolio.ticket.TicketSamples.VERY_URGENT;

/**
 * Notifications leave only with a committed transaction: the handlers run inside the command's transaction, as in
 * the subscribing processor, on PostgreSQL, with the default sender behind a recording one.
 */
class TicketNotifierTest {

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final DataSourceTransactionManager transactions =
            new DataSourceTransactionManager(EmbeddedDatabase.dataSource());
    private final TransactionTemplate command = new TransactionTemplate(transactions);
    private final List<TicketNotification> sent = new ArrayList<>();
    private final LoggingTicketNotificationSender recordingSender = new LoggingTicketNotificationSender(jdbc);
    private final TicketNotifier notifier = new TicketNotifier(notification -> {
        sent.add(notification);
        recordingSender.send(notification);
    }, jdbc, Clock.fixed(OPENED, BERLIN), transactions);

    private final TicketId ticket = TicketId.random();

    @Test
    void anEmergencyWhoseTransactionRollsBackNotifiesNobody() {
        command.executeWithoutResult(status -> {
            notifier.on(emergency());
            status.setRollbackOnly();
        });

        assertThat(sent).isEmpty();
        assertThat(recorded()).isZero();
    }

    @Test
    void anEmergencyWhoseCommandFailsAfterTheHandlerNotifiesNobody() {
        assertThatThrownBy(() -> command.executeWithoutResult(status -> {
            notifier.on(emergency());
            throw new IllegalStateException("a later handler of the same command fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(sent).isEmpty();
        assertThat(recorded()).isZero();
    }

    @Test
    void aCommittedEmergencyNotifiesTheFirstLevelQueueAfterTheCommitAndIsRecorded() {
        command.executeWithoutResult(status -> {
            notifier.on(emergency());
            assertThat(sent).as("nothing leaves before the commit").isEmpty();
        });

        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo(TicketNotifier.FIRST_LEVEL);
            assertThat(n.subject()).isEqualTo("EMERGENCY: Stolen proxy");
        });
        assertThat(recorded()).isEqualTo(1);
    }

    @Test
    void aReminderWhoseTransactionRollsBackIsNotSentButACommittedOneIs() {
        command.executeWithoutResult(status -> {
            notifier.on(new SubmitterRemindedEvent(ticket, 5, OPENED));
            status.setRollbackOnly();
        });
        assertThat(sent).isEmpty();

        command.executeWithoutResult(status -> notifier.on(new SubmitterRemindedEvent(ticket, 5, OPENED)));
        assertThat(sent).singleElement().satisfies(n -> assertThat(n.subject()).contains("5 working days"));
        assertThat(recorded()).isEqualTo(1);
    }

    @Test
    void aSenderFailingAfterTheCommitLeavesTheCommittedWorkAndRecordsNothing() {
        TicketNotifier failing = new TicketNotifier(notification -> {
            recordingSender.send(notification);
            throw new IllegalStateException("mail gateway down");
        }, jdbc, Clock.fixed(OPENED, BERLIN), transactions);

        command.executeWithoutResult(status -> failing.on(emergency()));

        assertThat(recorded()).as("the sender's record rolls back with its own transaction").isZero();
    }

    private TicketOpenedEvent emergency() {
        return new TicketOpenedEvent(ticket, MEDIGRID, SUPPORT, TicketPriority.TOP_PRIORITY, true, "Stolen proxy",
                "A proxy of /C=DE/O=GridGermany/CN=Jane Doe is used from elsewhere", "mia", OPENED, null,
                "first-level queue", VERY_URGENT, FIVE_PERCENT_CAPPED_AT_TEN, FEE, null);
    }

    private int recorded() {
        return jdbc.sql("select count(*) from ticket_notification where ticket_id = :id")
                .param("id", ticket.value()).query(Integer.class).single();
    }
}
