package org.gridledger.portfolio.ticket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** The default sender: one log line and one row of {@code ticket_notification} per notification. */
@Component
class LoggingTicketNotificationSender implements TicketNotificationSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingTicketNotificationSender.class);
    private static final int MAX_HEADER = 300;

    private final JdbcClient jdbc;

    LoggingTicketNotificationSender(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void send(TicketNotification notification) {
        log.info("Ticket notification to {}: {} (ticket {})", notification.recipient(), notification.subject(),
                notification.ticketId());
        jdbc.sql("""
                        insert into ticket_notification (ticket_id, recipient, subject, body, sent_at)
                        values (:ticket, :recipient, :subject, :body, :at)""")
                .param("ticket", notification.ticketId().value())
                .param("recipient", cut(notification.recipient()))
                .param("subject", cut(notification.subject()))
                .param("body", notification.body())
                .param("at", Timestamp.from(notification.sentAt()))
                .update();
    }

    private static String cut(String text) {
        return text.length() <= MAX_HEADER ? text : text.substring(0, MAX_HEADER);
    }
}
