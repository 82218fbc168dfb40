package org.gridledger.domain.shared;

import java.time.Instant;
import java.util.Map;

/**
 * One event of an aggregate's history as the audit trail shows it: its position, type, record time, who caused it,
 * the correlation id of the request, the optional reason given, and the event's content.
 */
public record AuditRecord(long sequenceNumber, String eventType, Instant recordedAt, String actor,
                          String correlationId, String reason, Map<String, Object> payload) {
}
