package org.gridledger.portfolio.subscription;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.DateRange;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The overlap rule in memory, for fixture tests. */
class InMemorySubscriptionPeriods implements SubscriptionPeriods {

    private record Held(CommunityId communityId, SupportPackageId packageId, DateRange days) {
    }

    private final Map<SubscriptionId, Held> held = new HashMap<>();

    @Override
    public synchronized boolean claim(SubscriptionId subscriptionId, CommunityId communityId,
                                      SupportPackageId packageId, LocalDate startsOn) {
        DateRange wanted = DateRange.from(startsOn);
        boolean overlaps = held.values().stream().anyMatch(h -> h.communityId().equals(communityId)
                && h.packageId().equals(packageId) && h.days().overlaps(wanted));
        if (overlaps) {
            return false;
        }
        held.put(subscriptionId, new Held(communityId, packageId, wanted));
        return true;
    }

    @Override
    public synchronized void end(SubscriptionId subscriptionId, LocalDate endsOn) {
        held.computeIfPresent(subscriptionId, (id, h) ->
                new Held(h.communityId(), h.packageId(), new DateRange(h.days().from(), endsOn)));
    }

    synchronized DateRange daysOf(SubscriptionId subscriptionId) {
        Held h = held.get(subscriptionId);
        return h == null ? null : h.days();
    }
}
