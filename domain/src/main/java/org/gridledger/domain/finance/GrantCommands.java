package org.gridledger.domain.finance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gridledger.domain.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;

/** Commands of the Grant aggregate. */
public final class GrantCommands {

    private GrantCommands() {
    }

    /**
     * Records a grant received on {@code receivedOn} that funds the months {@code firstMonth} to {@code lastMonth}
     * (inclusive; the grant ends with the last day of {@code lastMonth}).
     */
    public record RecordGrantCommand(@TargetAggregateIdentifier GrantId grantId, String funder, String reference,
                                     Money amount, YearMonth firstMonth, YearMonth lastMonth, LocalDate receivedOn) {
    }
}
