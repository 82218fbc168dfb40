package org.gridledger.accounting.usage;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.accounting.UsageBatchId;
import org.gridledger.domain.accounting.UsageCommands.RecordUsageBatchCommand;
import org.gridledger.domain.accounting.UsageCounts;
import org.gridledger.domain.accounting.UsageEvents.UsageBatchIngestedEvent;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One upload of usage records, the unit of consistency of ingest (ADR 0017). Its records were stored in
 * {@code usage_record} in the same transaction; the aggregate records that they were, with the document's hash and
 * the counts. Rule: the counts add up (every record of the document counted once, and stored ones no more than
 * accepted plus replaced).
 */
@Aggregate
class UsageBatch {

    @AggregateIdentifier
    private UsageBatchId batchId;

    UsageBatch() {
        // for Axon
    }

    @CommandHandler
    UsageBatch(RecordUsageBatchCommand command) {
        UsageCounts c = command.counts();
        boolean consistent = c.accepted() >= 0 && c.duplicate() >= 0 && c.replaced() >= 0 && c.rejected() >= 0
                && c.accepted() + c.duplicate() + c.replaced() + c.rejected() == c.records()
                && c.unattributed() <= c.stored() && c.late() <= c.stored() && c.unattributed() >= 0 && c.late() >= 0;
        if (!consistent || command.contentSha256() == null || command.format() == null) {
            throw DomainException.of(ErrorCode.INVALID_VALUE, "the counts of batch %s do not add up: %s",
                    command.batchId(), c);
        }
        apply(new UsageBatchIngestedEvent(command.batchId(), command.format(), command.contentSha256(), c,
                command.providerIds(), command.months(), command.receivedAt()));
    }

    @EventSourcingHandler
    void on(UsageBatchIngestedEvent event) {
        batchId = event.batchId();
    }
}
