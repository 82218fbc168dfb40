package org.gridledger.portfolio.subscription;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.SubscriptionCommands.CancelSubscriptionCommand;
import org.gridledger.domain.portfolio.SubscriptionCommands.ChangeSeatsCommand;
import org.gridledger.domain.portfolio.SubscriptionCommands.SubscribeCommand;
import org.gridledger.domain.portfolio.SubscriptionEvents.CommunitySubscribedEvent;
import org.gridledger.domain.portfolio.SubscriptionEvents.SubscriptionCancelledEvent;
import org.gridledger.domain.portfolio.SubscriptionEvents.SubscriptionSeatsChangedEvent;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SupportPackageId;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.gridledger.portfolio.subscription.SubscriptionPolicy.required;

/**
 * A community's subscription to a support package. Rules: the community exists and is not suspended; the package is
 * published (a retired one takes no new subscriptions, existing ones run on); the start is not in the past nor
 * before the package's first terms; at least one seat; no overlapping subscription of the community to the package
 * (set-based, {@link SubscriptionPeriods}); seat changes take effect within the subscription's validity and not in
 * the past; a cancellation ends the subscription with a billing month, and cancelling twice is refused.
 */
@Aggregate
class Subscription {

    @AggregateIdentifier
    private SubscriptionId subscriptionId;
    private SupportPackageId packageId;
    private LocalDate startsOn;
    private LocalDate endsOn;

    Subscription() {
        // for Axon
    }

    @CommandHandler
    Subscription(SubscribeCommand command, CommunityDirectory communities, PackageCatalogue packages,
                 SubscriptionPeriods periods, Clock clock) {
        required(command.communityId(), "communityId");
        required(command.packageId(), "packageId");
        LocalDate starts = required(command.startsOn(), "startsOn");
        SubscriptionPolicy.requireSeats(command.seats());
        LocalDate today = LocalDate.now(clock);
        SubscriptionPolicy.requireNotPast(starts, today, "start");
        switch (communities.standing(command.communityId())) {
            case UNKNOWN -> throw DomainException.of(ErrorCode.COMMUNITY_NOT_FOUND, "no community %s",
                    command.communityId());
            case SUSPENDED -> throw DomainException.of(ErrorCode.COMMUNITY_SUSPENDED, "community %s is suspended",
                    command.communityId());
            case ACTIVE -> {
                // may subscribe
            }
        }
        PackageCatalogue.Offer offer = packages.find(command.packageId()).orElseThrow(() ->
                DomainException.of(ErrorCode.PACKAGE_NOT_FOUND, "no support package %s", command.packageId()));
        if (offer.status() != PackageStatus.PUBLISHED) {
            throw DomainException.of(ErrorCode.PACKAGE_NOT_SUBSCRIBABLE, "package %s is %s", command.packageId(),
                    offer.status());
        }
        if (offer.firstTermsFrom() == null || starts.isBefore(offer.firstTermsFrom())) {
            throw DomainException.of(ErrorCode.SUBSCRIPTION_BEFORE_TERMS, "the terms of package %s take effect on %s",
                    command.packageId(), offer.firstTermsFrom());
        }
        if (!periods.claim(command.subscriptionId(), command.communityId(), command.packageId(), starts)) {
            throw DomainException.of(ErrorCode.SUBSCRIPTION_OVERLAPS,
                    "community %s holds a subscription to package %s on or after %s", command.communityId(),
                    command.packageId(), starts);
        }
        apply(new CommunitySubscribedEvent(command.subscriptionId(), command.communityId(), command.packageId(),
                starts, command.seats(), today));
    }

    @CommandHandler
    void handle(ChangeSeatsCommand command, Clock clock) {
        SubscriptionPolicy.requireSeats(command.seats());
        LocalDate effectiveOn = required(command.effectiveOn(), "effectiveOn");
        SubscriptionPolicy.requireNotPast(effectiveOn, LocalDate.now(clock), "seat change");
        if (effectiveOn.isBefore(startsOn) || (endsOn != null && !effectiveOn.isBefore(endsOn))) {
            throw DomainException.of(ErrorCode.SUBSCRIPTION_DATE_INVALID,
                    "subscription %s covers [%s, %s), not %s", subscriptionId, startsOn, endsOn, effectiveOn);
        }
        apply(new SubscriptionSeatsChangedEvent(subscriptionId, command.seats(), effectiveOn));
    }

    @CommandHandler
    void handle(CancelSubscriptionCommand command, SubscriptionPeriods periods, NoticePeriods notices, Clock clock) {
        if (endsOn != null) {
            throw DomainException.of(ErrorCode.SUBSCRIPTION_CANCELLED, "subscription %s ends on %s already",
                    subscriptionId, endsOn);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate requestedOn = command.requestedOn() == null ? today : command.requestedOn();
        SubscriptionPolicy.requireNotPast(requestedOn, today, "cancellation");
        LocalDate ends = SubscriptionPolicy.endsOn(requestedOn, startsOn, notices.noticeDays(packageId, requestedOn));
        periods.end(subscriptionId, ends);
        apply(new SubscriptionCancelledEvent(subscriptionId, requestedOn, ends));
    }

    @EventSourcingHandler
    void on(CommunitySubscribedEvent event) {
        subscriptionId = event.subscriptionId();
        packageId = event.packageId();
        startsOn = event.startsOn();
    }

    @EventSourcingHandler
    void on(SubscriptionCancelledEvent event) {
        endsOn = event.endsOn();
    }
}
