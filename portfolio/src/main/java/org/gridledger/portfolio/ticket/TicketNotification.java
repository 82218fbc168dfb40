package org.gridledger.portfolio.ticket;

import org.gridledger.domain.support.TicketId;

import java.time.Instant;

/** A message about a ticket to one recipient (an e-mail address, or a queue's name). */
public record TicketNotification(TicketId ticketId, String recipient, String subject, String body, Instant sentAt) {
}
