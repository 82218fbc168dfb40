package org.gridledger.domain.portfolio;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Commands of the Subscription aggregate: a community funds the organisation by subscribing to packages. */
public final class SubscriptionCommands {

    private SubscriptionCommands() {
    }

    /** Subscribes the community to a published package from {@code startsOn} with {@code seats} seats. */
    public record SubscribeCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId, CommunityId communityId,
                                   SupportPackageId packageId, LocalDate startsOn, int seats) {
    }

    /** Changes the number of seats from {@code effectiveOn} on; the past is never changed. */
    public record ChangeSeatsCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId, int seats,
                                     LocalDate effectiveOn) {
    }

    /**
     * Gives notice on {@code requestedOn}; the subscription ends with the billing month in which the notice period
     * ends.
     */
    public record CancelSubscriptionCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId,
                                            LocalDate requestedOn) {
    }
}
