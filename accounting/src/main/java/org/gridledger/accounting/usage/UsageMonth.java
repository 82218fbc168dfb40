package org.gridledger.accounting.usage;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.accounting.UsageCommands.CloseUsageMonthCommand;
import org.gridledger.domain.accounting.UsageEvents.UsageMonthClosedEvent;
import org.gridledger.domain.accounting.UsageMonthId;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An accounting month (UTC) as billing sees it. Rule: only a month that has ended (UTC) can be closed, and only once
 * (a second close meets the existing stream and is refused by the caller's check or as a duplicate).
 */
@Aggregate
class UsageMonth {

    @AggregateIdentifier
    private UsageMonthId monthId;

    UsageMonth() {
        // for Axon
    }

    @CommandHandler
    UsageMonth(CloseUsageMonthCommand command, Clock clock) {
        YearMonth month = command.monthId().month();
        if (!month.isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            throw DomainException.of(ErrorCode.VALIDATION_FAILED, "month %s has not ended yet", month);
        }
        apply(new UsageMonthClosedEvent(command.monthId(), month, clock.instant()));
    }

    @EventSourcingHandler
    void on(UsageMonthClosedEvent event) {
        monthId = event.monthId();
    }
}
