package org.gridledger.domain.portfolio;

/** Ticket priorities as the grid's helpdesk (GGUS) names them, least urgent first. */
public enum TicketPriority { LESS_URGENT, URGENT, VERY_URGENT, TOP_PRIORITY }
