package org.gridledger.portfolio.subscription;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SupportPackageId;

import java.time.LocalDate;

/**
 * The set-based rule "a community never holds two overlapping subscriptions to one package" (ADR 0006, ADR 0010).
 * Both methods run in the command's transaction, so the lookup rows commit with the events or not at all.
 */
public interface SubscriptionPeriods {

    /**
     * Claims {@code [startsOn, open end)} for the subscription; false if the community holds a subscription to the
     * package that has not ended by {@code startsOn}.
     */
    boolean claim(SubscriptionId subscriptionId, CommunityId communityId, SupportPackageId packageId,
                  LocalDate startsOn);

    /** Records that the subscription ends before {@code endsOn} (exclusive), freeing the days from then on. */
    void end(SubscriptionId subscriptionId, LocalDate endsOn);
}
