package org.gridledger.domain.shared;

/** Asks for the events of one aggregate, in order, with their audit fields. Answered with {@link AuditTrailView}. */
public record FindAggregateHistoryQuery(String aggregateId) {
}
