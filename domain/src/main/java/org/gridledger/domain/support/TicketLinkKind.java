package org.gridledger.domain.support;

/** How one ticket relates to another. */
public enum TicketLinkKind { DUPLICATE_OF, CAUSED_BY }
