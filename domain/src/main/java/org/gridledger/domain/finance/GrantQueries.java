package org.gridledger.domain.finance;

import org.gridledger.domain.finance.GrantEvents.GrantInstalment;
import org.gridledger.domain.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Queries about grants. */
public final class GrantQueries {

    private GrantQueries() {
    }

    /** Every grant, latest end first. */
    public record FindGrantsQuery() {
    }

    /** One grant with its recognition schedule. */
    public record FindGrantQuery(GrantId grantId) {
    }

    public record GrantView(GrantId grantId, String funder, String reference, Money amount, YearMonth firstMonth,
                            YearMonth lastMonth, LocalDate endsOn, LocalDate receivedOn, LocalDate recordedOn,
                            List<GrantInstalment> schedule) {
    }

    public record GrantsView(List<GrantView> grants) {
    }
}
