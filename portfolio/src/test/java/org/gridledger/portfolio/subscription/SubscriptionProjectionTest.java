package org.gridledger.portfolio.subscription;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SubscriptionEvents.CommunitySubscribedEvent;
import org.gridledger.domain.portfolio.SubscriptionEvents.SubscriptionCancelledEvent;
import org.gridledger.domain.portfolio.SubscriptionEvents.SubscriptionSeatsChangedEvent;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SubscriptionQueries.ActiveDaysView;
import org.gridledger.domain.portfolio.SubscriptionQueries.FindActiveSubscriptionDaysQuery;
import org.gridledger.domain.portfolio.SubscriptionQueries.FindCommunitySubscriptionsQuery;
import org.gridledger.domain.portfolio.SubscriptionQueries.FindPackageSubscribersQuery;
import org.gridledger.domain.portfolio.SubscriptionQueries.FindSubscriptionQuery;
import org.gridledger.domain.portfolio.SubscriptionQueries.SeatsView;
import org.gridledger.domain.portfolio.SubscriptionQueries.SubscriptionPageView;
import org.gridledger.domain.portfolio.SubscriptionQueries.SubscriptionView;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.DateRange;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subscription read model on PostgreSQL: seats over time, lists, and the active days billing reads. */
class SubscriptionProjectionTest {

    private static final LocalDate NOV_26 = FixedClocks.TODAY;
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    private static final LocalDate DEC_15 = LocalDate.of(2026, 12, 15);
    private static final LocalDate DEC_20 = LocalDate.of(2026, 12, 20);
    private static final LocalDate JAN_1 = LocalDate.of(2027, 1, 1);
    private static final LocalDate FEB_1 = LocalDate.of(2027, 2, 1);

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final SubscriptionProjection projection = new SubscriptionProjection(jdbc, FixedClocks.now());
    private final CommunityId community = CommunityId.random();
    private final SupportPackageId pkg = SupportPackageId.random();

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("subscription_seats", "subscription", "support_package_terms", "support_package");
        jdbc.sql("""
                        insert into support_package (package_id, name, description, category, currency, status, defined_on)
                        values (:id, 'Second-level support', 'd', 'SECOND_LEVEL_SUPPORT', 'EUR', 'PUBLISHED', :on)""")
                .param("id", pkg.value()).param("on", NOV_26).update();
        terms(1, DEC_1, false);
    }

    private void terms(int version, LocalDate from, boolean superseded) {
        jdbc.sql("""
                        insert into support_package_terms (package_id, version, effective_from, monthly_flat_fee,
                            per_seat_fee, included_units, included_unit, overage_price, sla_targets, superseded)
                        values (:id, :version, :from, 100, 5, 10, 'PERSON_HOUR', 80, '[]'::jsonb, :superseded)""")
                .param("id", pkg.value()).param("version", version).param("from", from)
                .param("superseded", superseded).update();
    }

    private SubscriptionId subscribe(CommunityId who, LocalDate startsOn, int seats) {
        SubscriptionId id = SubscriptionId.random();
        projection.on(new CommunitySubscribedEvent(id, who, pkg, startsOn, seats, NOV_26));
        return id;
    }

    @Test
    void aSubscriptionIsFoundWithItsSeatsOverTime() {
        SubscriptionId id = subscribe(community, DEC_1, 5);
        projection.on(new SubscriptionSeatsChangedEvent(id, 8, DEC_15));
        projection.on(new SubscriptionCancelledEvent(id, NOV_26, JAN_1));

        SubscriptionView view = projection.handle(new FindSubscriptionQuery(id));

        assertThat(view).isEqualTo(new SubscriptionView(id, community, pkg, "Second-level support", DEC_1, JAN_1,
                NOV_26, NOV_26, 5, List.of(new SeatsView(5, DEC_1, DEC_15), new SeatsView(8, DEC_15, JAN_1))));
    }

    @Test
    void replayingTheEventsGivesTheSameRows() {
        SubscriptionId id = SubscriptionId.random();
        var subscribed = new CommunitySubscribedEvent(id, community, pkg, DEC_1, 5, NOV_26);
        var changed = new SubscriptionSeatsChangedEvent(id, 8, DEC_15);
        projection.on(subscribed);
        projection.on(changed);
        SubscriptionView before = projection.handle(new FindSubscriptionQuery(id));

        projection.on(subscribed);
        projection.on(changed);

        assertThat(projection.handle(new FindSubscriptionQuery(id))).isEqualTo(before);
        EmbeddedDatabase.inTransaction(projection::reset);
        assertThatThrownBy(() -> projection.handle(new FindSubscriptionQuery(id)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SUBSCRIPTION_NOT_FOUND));
    }

    @Test
    void aCommunitysSubscriptionsAndAPackagesSubscribersArePaged() {
        subscribe(community, DEC_1, 5);
        subscribe(CommunityId.random(), DEC_1, 2);
        subscribe(CommunityId.random(), JAN_1, 3);

        SubscriptionPageView mine = projection.handle(new FindCommunitySubscriptionsQuery(community, Pagination.first()));
        SubscriptionPageView subscribers = projection.handle(new FindPackageSubscribersQuery(pkg, new Pagination(0, 2)));

        assertThat(mine.totalItems()).isEqualTo(1);
        assertThat(mine.items()).extracting(SubscriptionView::seatsToday).containsExactly(5);
        assertThat(subscribers.totalItems()).isEqualTo(3);
        assertThat(subscribers.items()).hasSize(2);
    }

    @Test
    void activeDaysSplitAtASeatChangeAndATermsRevision() {
        terms(2, DEC_20, false);
        terms(3, DEC_15, true); // superseded: never in force, so no split
        SubscriptionId id = subscribe(community, DEC_1, 5);
        projection.on(new SubscriptionSeatsChangedEvent(id, 8, DEC_15));

        List<ActiveDaysView> runs = projection.handle(
                new FindActiveSubscriptionDaysQuery(community, DateRange.of(YearMonth.of(2026, 12)))).runs();

        assertThat(runs).containsExactly(
                new ActiveDaysView(id, community, pkg, 1, 5, DEC_1, DEC_15, 14),
                new ActiveDaysView(id, community, pkg, 1, 8, DEC_15, DEC_20, 5),
                new ActiveDaysView(id, community, pkg, 2, 8, DEC_20, JAN_1, 12));
    }

    @Test
    void activeDaysStopAtTheEndOfACancelledSubscriptionAndMergeUnchangedRuns() {
        SubscriptionId id = subscribe(community, DEC_1, 5);
        projection.on(new SubscriptionSeatsChangedEvent(id, 5, DEC_15)); // same seats: one run
        projection.on(new SubscriptionCancelledEvent(id, NOV_26, JAN_1));

        List<ActiveDaysView> runs = projection.handle(
                new FindActiveSubscriptionDaysQuery(null, new DateRange(NOV_26, FEB_1))).runs();

        assertThat(runs).filteredOn(r -> r.subscriptionId().equals(id))
                .containsExactly(new ActiveDaysView(id, community, pkg, 1, 5, DEC_1, JAN_1, 31));
    }

    @Test
    void activeDaysOfOneCommunityLeaveOthersOut() {
        subscribe(CommunityId.random(), DEC_1, 2);
        SubscriptionId mine = subscribe(community, JAN_1, 3);

        List<ActiveDaysView> runs = projection.handle(
                new FindActiveSubscriptionDaysQuery(community, new DateRange(DEC_1, FEB_1))).runs();

        assertThat(runs).containsExactly(new ActiveDaysView(mine, community, pkg, 1, 3, JAN_1, FEB_1, 31));
    }

    @Test
    void activeDaysNeedABoundedPeriod() {
        assertThatThrownBy(() -> projection.handle(new FindActiveSubscriptionDaysQuery(null, DateRange.from(DEC_1))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }
}
