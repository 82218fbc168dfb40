package org.gridledger.accounting.usage;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.accounting.UsageAssignmentId;
import org.gridledger.domain.accounting.UsageCommands.AssignUnattributedUsageCommand;
import org.gridledger.domain.accounting.UsageEvents.UnattributedUsageAssignedEvent;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Staff's decision that unattributed usage of a VO counts for a community. Rules: a VO name and a community are
 * given; at least one current unattributed record matches (they are marked in the same transaction, ADR 0006).
 */
@Aggregate
class UsageAssignment {

    @AggregateIdentifier
    private UsageAssignmentId assignmentId;

    UsageAssignment() {
        // for Axon
    }

    @CommandHandler
    UsageAssignment(AssignUnattributedUsageCommand command, UnattributedUsage queue, Clock clock) {
        if (command.vo() == null || command.communityId() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "an assignment names a VO and a community");
        }
        long records = queue.assign(command.assignmentId(), command.vo(), command.month(), command.communityId());
        if (records == 0) {
            throw DomainException.of(ErrorCode.USAGE_NOTHING_TO_ASSIGN, "no unattributed usage of VO '%s'%s",
                    command.vo(), command.month() == null ? "" : " in " + command.month());
        }
        apply(new UnattributedUsageAssignedEvent(command.assignmentId(), command.vo(), command.month(),
                command.communityId(), records, clock.instant()));
    }

    @EventSourcingHandler
    void on(UnattributedUsageAssignedEvent event) {
        assignmentId = event.assignmentId();
    }
}
