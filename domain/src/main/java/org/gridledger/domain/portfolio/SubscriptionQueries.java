package org.gridledger.domain.portfolio;

import org.gridledger.domain.shared.DateRange;
import org.gridledger.domain.shared.Pagination;

import java.time.LocalDate;
import java.util.List;

/** Queries about subscriptions and their results. All periods are half-open: {@code until} is the first day after. */
public final class SubscriptionQueries {

    private SubscriptionQueries() {
    }

    public record FindSubscriptionQuery(SubscriptionId subscriptionId) {
    }

    /** A community's subscriptions, newest start first, each with its seats over time. */
    public record FindCommunitySubscriptionsQuery(CommunityId communityId, Pagination pagination) {
    }

    /** The subscriptions to a package, of all communities. */
    public record FindPackageSubscribersQuery(SupportPackageId packageId, Pagination pagination) {
    }

    /**
     * The billing input for {@code period} (which must be bounded): per subscription (of one community, or of all when
     * {@code communityId} is null), each maximal run of days with the same terms version and seats.
     */
    public record FindActiveSubscriptionDaysQuery(CommunityId communityId, DateRange period) {
    }

    /** Seats in force over {@code [from, until)}; {@code until} null means until the subscription ends. */
    public record SeatsView(int seats, LocalDate from, LocalDate until) {
    }

    /** {@code endsOn} is the first day no longer covered, null while not cancelled. */
    public record SubscriptionView(SubscriptionId subscriptionId, CommunityId communityId, SupportPackageId packageId,
                                   String packageName, LocalDate startsOn, LocalDate endsOn, LocalDate subscribedOn,
                                   LocalDate cancelledOn, int seatsToday, List<SeatsView> seats) {
    }

    public record SubscriptionPageView(List<SubscriptionView> items, int page, int size, long totalItems) {
    }

    /** Days in {@code [from, until)} during which the subscription had {@code seats} seats under terms {@code termsVersion}. */
    public record ActiveDaysView(SubscriptionId subscriptionId, CommunityId communityId, SupportPackageId packageId,
                                 int termsVersion, int seats, LocalDate from, LocalDate until, long days) {
    }

    public record ActiveSubscriptionDaysView(DateRange period, List<ActiveDaysView> runs) {
    }
}
