package org.gridledger.domain.support;

/**
 * Where a ticket stands. NEW waits in the organisation's first-level queue; ASSIGNED lies with a provider that has
 * not started; REOPENED is a solved ticket the submitter sent back, worked on like IN_PROGRESS.
 */
public enum TicketStatus { NEW, ASSIGNED, IN_PROGRESS, WAITING_FOR_SUBMITTER, SOLVED, REOPENED, CLOSED }
