package org.gridledger.domain.shared;

import java.util.List;

/** The full history of one aggregate, oldest event first. */
public record AuditTrailView(String aggregateId, List<AuditRecord> events) {
}
