package org.gridledger.domain.finance;

import org.axonframework.serialization.Revision;
import org.gridledger.domain.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Events of the Grant aggregate. */
public final class GrantEvents {

    private GrantEvents() {
    }

    /** The share of a grant recognised as income in one month. */
    public record GrantInstalment(YearMonth month, Money amount) {
    }

    /**
     * A grant with its recognition schedule: equal monthly shares in whole cents, rounded down, the cents left over
     * going one each to the first months.
     */
    @Revision("1")
    public record GrantRecordedEvent(GrantId grantId, String funder, String reference, Money amount,
                                     YearMonth firstMonth, YearMonth lastMonth, LocalDate endsOn,
                                     LocalDate receivedOn, List<GrantInstalment> schedule, LocalDate recordedOn) {
    }
}
