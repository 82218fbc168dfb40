package org.gridledger.app.projection;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Rebuilds a projection from the event store: in one transaction, the group's reset handlers empty its tables and
 * every stored event the group handles is passed through its handlers again, oldest first. Because every handler is
 * an idempotent upsert, the result equals the projection as the subscribing processor built it event by event; if
 * anything fails, the transaction rolls back and the old rows stay.
 */
@Component
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    public record RebuildResult(String group, long eventsReplayed) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storage;
    private final TransactionManager transactions;

    ProjectionRebuilder(EventProcessingConfiguration processing, EventStorageEngine storage,
                        TransactionManager transactions) {
        this.processing = processing;
        this.storage = storage;
        this.transactions = transactions;
    }

    /** The names of the projection groups that can be rebuilt. */
    public List<String> groups() {
        TreeSet<String> names = new TreeSet<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof SubscribingEventProcessor subscribing
                    && subscribing.eventHandlerInvoker().supportsReset()) {
                names.add(processor.getName());
            }
        }
        return List.copyOf(names);
    }

    public RebuildResult rebuild(String group) {
        SubscribingEventProcessor processor = processing
                .eventProcessorByProcessingGroup(group, SubscribingEventProcessor.class)
                .filter(p -> p.eventHandlerInvoker().supportsReset())
                .orElseThrow(() -> DomainException.of(ErrorCode.NOT_FOUND, "no projection group %s", group));
        EventHandlerInvoker invoker = processor.eventHandlerInvoker();
        long replayed = transactions.fetchInTransaction(() -> replay(invoker));
        log.info("Rebuilt projection {} from {} events", group, replayed);
        return new RebuildResult(group, replayed);
    }

    private long replay(EventHandlerInvoker invoker) {
        invoker.performReset();
        long[] count = {0};
        // Read straight from the storage engine: a finite, synchronous stream of every stored event, in order.
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            events.forEach(event -> {
                if (invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                    DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                        invoker.handle(event, Segment.ROOT_SEGMENT);
                        return null;
                    });
                    count[0]++;
                }
            });
        }
        return count[0];
    }
}
