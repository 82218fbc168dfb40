package org.gridledger.domain.support;

/** Who speaks on a ticket: the submitting community's side or the support side (the provider or staff). */
public enum TicketSide { SUBMITTER, SUPPORT }
