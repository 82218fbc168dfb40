/**
 * Second-level support: the Ticket aggregate (routing to the awarded provider, states, comments, links,
 * reassignment), its SLA clocks in working hours with warnings, breaches, reminders and automatic closing driven by
 * stored deadlines, the service credits and provider penalties of breaches, emergency notifications, and the read
 * models of tickets, deadlines, credits and SLA compliance.
 */
package org.gridledger.portfolio.ticket;
