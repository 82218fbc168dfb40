package org.gridledger.portfolio.ticket;

/**
 * Sends notifications about tickets. The default, {@link LoggingTicketNotificationSender}, writes them to the log and
 * the table {@code ticket_notification}; a mail or pager gateway is a bean implementing this interface marked
 * {@code @Primary}.
 */
public interface TicketNotificationSender {

    void send(TicketNotification notification);
}
