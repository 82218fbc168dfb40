package org.gridledger.reporting.billing;

import org.gridledger.accounting.rating.UsageCharge;
import org.gridledger.domain.portfolio.CommunityId;

import java.time.YearMonth;
import java.util.List;

/** What the billing run reads: the communities to bill and what each had in the month. */
public interface BillingSources {

    /**
     * The sources as one run of {@code month} reads them. What cannot change for an ended month — the package terms in
     * force in it — may be read once per run and kept for the run; the run's processor asks for this once per step
     * execution. The default keeps nothing.
     */
    default BillingSources forRun(YearMonth month) {
        return this;
    }

    /** The communities to bill for {@code month}, in a stable order (the run's restart point depends on it). */
    List<CommunityId> communities(YearMonth month);

    BillableCommunity community(CommunityId communityId);

    /** The community's subscriptions with at least one active day in {@code month}. */
    List<BillableSubscription> subscriptions(CommunityId communityId, YearMonth month);

    /** The service credits the community earned in {@code month}, per package, net of reversals. */
    List<BillableCredit> credits(CommunityId communityId, YearMonth month);

    /** The community's usage in {@code month}, rated at the tariffs in force ({@code UsageRating}). */
    List<UsageCharge> usage(CommunityId communityId, YearMonth month);

    /** Late usage of earlier, billed months, as differences to what was charged ({@link LateUsage}). */
    List<UsageAdjustment> lateUsage(CommunityId communityId, YearMonth month, java.util.Currency currency);
}
