package org.gridledger.accounting.rating;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;

import java.time.YearMonth;
import java.util.List;

/**
 * Usage rated at the tariffs in force: what a month's deduplicated, attributed usage costs, per resource, community,
 * unit and price. Billing rates a community's usage to invoice it; provider settlement rates the usage at a
 * provider's resources to pay for what the organisation cleared. Both read the same figures through this one rule,
 * so what a community is billed for a provider's resources is what the provider is settled for them.
 */
public interface UsageRating {

    /** The community's usage in {@code month}, rated; usage with no tariff in force is not charged. */
    List<UsageCharge> forCommunity(CommunityId communityId, YearMonth month);

    /** The usage at the provider's resources in {@code month}, of every community, rated the same way. */
    List<UsageCharge> forProvider(ProviderId providerId, YearMonth month);
}
