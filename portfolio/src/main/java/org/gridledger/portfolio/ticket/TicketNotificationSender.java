package org.gridledger.portfolio.ticket;

/**
 * Sends notifications about tickets. The default, {@link LoggingTicketNotificationSender}, writes them to the log and
 * the table {@code ticket_notification}; a mail or pager gateway is a bean implementing this interface marked
 * {@code @Primary}. {@link TicketNotifier} calls it after the transaction of the command that caused the notification
 * has committed, in a new transaction of its own.
 */
public interface TicketNotificationSender {

    void send(TicketNotification notification);
}
