package org.gridledger.domain.support;

/**
 * The moments a ticket's clocks are waiting for: 75 % and 100 % of each SLA target, the reminders after 5 and 10
 * working days of waiting for the submitter, the mark as unsolved after 15, and the closing of a solved ticket after
 * 10 working days.
 */
public enum TicketDeadline {
    RESPONSE_WARNING, RESPONSE_BREACH, RESOLUTION_WARNING, RESOLUTION_BREACH,
    WAITING_REMINDER_1, WAITING_REMINDER_2, WAITING_UNSOLVED, AUTO_CLOSE
}
