package org.gridledger.reporting.billing;

import org.gridledger.accounting.rating.SubscriptionFees;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.shared.Quantity;

import java.util.List;

/**
 * One subscription's billing month: its runs of days with the same terms and seats, and the units used under it
 * (null when its terms count none).
 */
public record BillableSubscription(SubscriptionId subscriptionId, PackageCategory category,
                                   List<SubscriptionFees.Run> runs, Quantity usedUnits) {

    public BillableSubscription {
        runs = List.copyOf(runs);
    }
}
