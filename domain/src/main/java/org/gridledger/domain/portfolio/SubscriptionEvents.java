package org.gridledger.domain.portfolio;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Events of the Subscription aggregate. Business dates are in the organisation's time zone. */
public final class SubscriptionEvents {

    private SubscriptionEvents() {
    }

    /** The community subscribed on {@code subscribedOn}; the subscription runs from {@code startsOn}. */
    @Revision("1")
    public record CommunitySubscribedEvent(SubscriptionId subscriptionId, CommunityId communityId,
                                           SupportPackageId packageId, LocalDate startsOn, int seats,
                                           LocalDate subscribedOn) {
    }

    /** From {@code effectiveOn} on, the subscription has {@code seats} seats. */
    @Revision("1")
    public record SubscriptionSeatsChangedEvent(SubscriptionId subscriptionId, int seats, LocalDate effectiveOn) {
    }

    /**
     * Notice was given on {@code requestedOn}; {@code endsOn} is the first day no longer covered (the first day of
     * the month after the billing month in which the notice period ends), so the subscription covers
     * {@code [startsOn, endsOn)}.
     */
    @Revision("1")
    public record SubscriptionCancelledEvent(SubscriptionId subscriptionId, LocalDate requestedOn, LocalDate endsOn) {
    }
}
