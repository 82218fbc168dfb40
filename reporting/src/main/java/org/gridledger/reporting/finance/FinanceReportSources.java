package org.gridledger.reporting.finance;

import org.gridledger.domain.finance.GrantQueries.GrantView;
import org.gridledger.domain.finance.ProviderCostQueries.ProviderCostRow;
import org.gridledger.domain.portfolio.CommunityId;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** What the finance reports read, from the read models of invoices, communities, grants and provider settlements. */
public interface FinanceReportSources {

    /** The issued invoices for the service months {@code from} to {@code until} (both included), drafts left out. */
    List<IssuedInvoice> invoicesForPeriods(YearMonth from, YearMonth until);

    /** Every issued invoice of the community; {@code COMMUNITY_NOT_FOUND} for an unknown one. */
    List<IssuedInvoice> invoicesOf(CommunityId communityId);

    /** The community's name; {@code COMMUNITY_NOT_FOUND} for an unknown one. */
    String communityName(CommunityId communityId);

    /**
     * The latest service month with an issued invoice, not after {@code notAfter}, if there is one: an invoice for a
     * later month (a prepayment) does not make the months before it count as billed.
     */
    Optional<YearMonth> latestInvoicedPeriod(YearMonth notAfter);

    /** Every grant with its monthly recognition schedule. */
    List<GrantView> grants();

    /** What issued provider settlements cost in the months {@code from} to {@code until}, both included. */
    List<ProviderCostRow> providerCosts(YearMonth from, YearMonth until);
}
