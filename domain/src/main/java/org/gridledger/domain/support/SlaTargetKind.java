package org.gridledger.domain.support;

/** The two SLA clocks of a ticket: time to first response and time to resolution. */
public enum SlaTargetKind { RESPONSE, RESOLUTION }
