package org.gridledger.app.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.shared.AuditMetaData;
import org.gridledger.domain.shared.AuditRecord;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers the audit trail of any aggregate straight from the event store: every event in order with who caused it,
 * when it was recorded, the request's correlation id and the reason given. Callers check access first.
 */
@Component
class AuditTrailQueryHandler {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final EventStore events;
    private final ObjectMapper json;

    AuditTrailQueryHandler(EventStore events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    @QueryHandler
    AuditTrailView handle(FindAggregateHistoryQuery query) {
        List<AuditRecord> records = new ArrayList<>();
        events.readEvents(query.aggregateId()).asStream().forEach(event -> records.add(record(event)));
        return new AuditTrailView(query.aggregateId(), records);
    }

    private AuditRecord record(DomainEventMessage<?> event) {
        var meta = event.getMetaData();
        return new AuditRecord(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                text(meta.get(AuditMetaData.ACTOR)), text(meta.get(AuditMetaData.CORRELATION_ID)),
                text(meta.get(AuditMetaData.REASON)), json.convertValue(event.getPayload(), MAP));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
