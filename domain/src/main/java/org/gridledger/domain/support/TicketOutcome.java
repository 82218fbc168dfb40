package org.gridledger.domain.support;

/** How a closed ticket ended: confirmed or closed after its solution, or closed unsolved after waiting too long. */
public enum TicketOutcome { SOLVED, UNSOLVED }
