package org.gridledger.reporting.billing;

import org.gridledger.accounting.rating.SubscriptionFees;
import org.gridledger.domain.portfolio.CommunityId;

import java.time.YearMonth;

/** Computes a community's bill for a month from the billing sources. */
public final class BillComposer {

    private final BillingSources sources;

    public BillComposer(BillingSources sources) {
        this.sources = sources;
    }

    public CommunityBill bill(CommunityId communityId, YearMonth month) {
        BillableCommunity community = sources.community(communityId);
        return CommunityBill.of(community, month, sources.subscriptions(communityId, month),
                subscription -> SubscriptionFees.rate(month, subscription.runs(), subscription.usedUnits()),
                sources.credits(communityId, month), sources.usage(communityId, month),
                sources.lateUsage(communityId, month, community.currency()));
    }
}
