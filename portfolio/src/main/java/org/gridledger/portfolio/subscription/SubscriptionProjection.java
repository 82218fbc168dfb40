package org.gridledger.portfolio.subscription;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SubscriptionEvents.CommunitySubscribedEvent;
import org.gridledger.domain.portfolio.SubscriptionEvents.SubscriptionCancelledEvent;
import org.gridledger.domain.portfolio.SubscriptionEvents.SubscriptionSeatsChangedEvent;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SubscriptionQueries.ActiveDaysView;
import org.gridledger.domain.portfolio.SubscriptionQueries.ActiveSubscriptionDaysView;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Read model of subscriptions: {@code subscription} and its effective-dated seats in {@code subscription_seats}.
 * Every handler is an idempotent upsert. The active-days query also reads the terms versions of
 * {@code support_package_terms}.
 */
@Component
@ProcessingGroup(SubscriptionProjection.GROUP)
class SubscriptionProjection {

    static final String GROUP = "subscription";

    private final JdbcClient jdbc;
    private final Clock clock;

    SubscriptionProjection(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(CommunitySubscribedEvent event) {
        jdbc.sql("""
                        insert into subscription (subscription_id, community_id, package_id, starts_on, subscribed_on)
                        values (:id, :community, :package, :startsOn, :subscribedOn)
                        on conflict (subscription_id) do update set community_id = excluded.community_id,
                            package_id = excluded.package_id, starts_on = excluded.starts_on,
                            subscribed_on = excluded.subscribed_on""")
                .param("id", event.subscriptionId().value())
                .param("community", event.communityId().value())
                .param("package", event.packageId().value())
                .param("startsOn", event.startsOn())
                .param("subscribedOn", event.subscribedOn())
                .update();
        seats(event.subscriptionId(), event.startsOn(), event.seats());
    }

    @EventHandler
    void on(SubscriptionSeatsChangedEvent event) {
        seats(event.subscriptionId(), event.effectiveOn(), event.seats());
    }

    @EventHandler
    void on(SubscriptionCancelledEvent event) {
        jdbc.sql("update subscription set ends_on = :endsOn, cancelled_on = :requestedOn where subscription_id = :id")
                .param("id", event.subscriptionId().value())
                .param("endsOn", event.endsOn())
                .param("requestedOn", event.requestedOn())
                .update();
    }

    private void seats(SubscriptionId id, LocalDate from, int seats) {
        jdbc.sql("""
                        insert into subscription_seats (subscription_id, effective_from, seats) values (:id, :from, :seats)
                        on conflict (subscription_id, effective_from) do update set seats = excluded.seats""")
                .param("id", id.value())
                .param("from", from)
                .param("seats", seats)
                .update();
    }

    /** Empties the read model before a replay; the lookup tables of the overlap rule stay (ADR 0006). */
    @ResetHandler
    void reset() {
        jdbc.sql("lock table subscription, subscription_seats in exclusive mode").update();
        jdbc.sql("delete from subscription_seats").update();
        jdbc.sql("delete from subscription").update();
    }

    @QueryHandler
    SubscriptionView handle(FindSubscriptionQuery query) {
        List<Row> rows = rows("where s.subscription_id = :id", Map.of("id", query.subscriptionId().value()), null);
        if (rows.isEmpty()) {
            throw DomainException.of(ErrorCode.SUBSCRIPTION_NOT_FOUND, "no subscription %s", query.subscriptionId());
        }
        return views(rows).get(0);
    }

    @QueryHandler
    SubscriptionPageView handle(FindCommunitySubscriptionsQuery query) {
        return page("where s.community_id = :id", query.communityId().value(), query.pagination());
    }

    @QueryHandler
    SubscriptionPageView handle(FindPackageSubscribersQuery query) {
        return page("where s.package_id = :id", query.packageId().value(), query.pagination());
    }

    @QueryHandler
    ActiveSubscriptionDaysView handle(FindActiveSubscriptionDaysQuery query) {
        DateRange period = query.period();
        if (period == null || period.isOpenEnded()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the period needs a start and an end");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("from", period.from());
        params.put("until", period.until());
        String where = "where s.starts_on < :until and (s.ends_on is null or s.ends_on > :from)";
        if (query.communityId() != null) {
            where += " and s.community_id = :community";
            params.put("community", query.communityId().value());
        }
        List<Row> rows = rows(where, params, null);
        Map<UUID, NavigableMap<LocalDate, Integer>> seats = seatsOf(rows.stream().map(Row::id).toList());
        Map<UUID, NavigableMap<LocalDate, Integer>> terms = termsOf(rows.stream().map(Row::packageId).distinct().toList());
        List<ActiveDaysView> runs = new ArrayList<>();
        for (Row row : rows) {
            runs.addAll(ActiveDays.runs(new SubscriptionId(row.id()), new CommunityId(row.communityId()),
                    new SupportPackageId(row.packageId()), new DateRange(row.startsOn(), row.endsOn()),
                    seats.getOrDefault(row.id(), new TreeMap<>()), terms.getOrDefault(row.packageId(), new TreeMap<>()),
                    period));
        }
        return new ActiveSubscriptionDaysView(period, runs);
    }

    private SubscriptionPageView page(String where, UUID id, Pagination pagination) {
        long total = jdbc.sql("select count(*) from subscription s " + where).param("id", id).query(Long.class).single();
        List<Row> rows = rows(where, Map.of("id", id), pagination);
        return new SubscriptionPageView(views(rows), pagination.page(), pagination.size(), total);
    }

    private List<Row> rows(String where, Map<String, ?> params, Pagination pagination) {
        String sql = "select s.*, p.name as package_name from subscription s "
                + "left join support_package p on p.package_id = s.package_id " + where
                + " order by s.community_id, s.starts_on desc, s.subscription_id";
        Map<String, Object> all = new HashMap<>(params);
        if (pagination != null) {
            sql += " limit :limit offset :offset";
            all.put("limit", pagination.size());
            all.put("offset", pagination.offset());
        }
        return jdbc.sql(sql).params(all).query(SubscriptionProjection::row).list();
    }

    private List<SubscriptionView> views(List<Row> rows) {
        Map<UUID, NavigableMap<LocalDate, Integer>> seats = seatsOf(rows.stream().map(Row::id).toList());
        LocalDate today = LocalDate.now(clock);
        return rows.stream().map(row -> row.view(seats.getOrDefault(row.id(), new TreeMap<>()), today)).toList();
    }

    private Map<UUID, NavigableMap<LocalDate, Integer>> seatsOf(List<UUID> ids) {
        Map<UUID, NavigableMap<LocalDate, Integer>> result = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select * from subscription_seats where subscription_id in (:ids)").param("ids", ids)
                    .query(rs -> {
                        result.computeIfAbsent(rs.getObject("subscription_id", UUID.class), k -> new TreeMap<>())
                                .put(rs.getObject("effective_from", LocalDate.class), rs.getInt("seats"));
                    });
        }
        return result;
    }

    private Map<UUID, NavigableMap<LocalDate, Integer>> termsOf(List<UUID> packageIds) {
        Map<UUID, NavigableMap<LocalDate, Integer>> result = new HashMap<>();
        if (!packageIds.isEmpty()) {
            jdbc.sql("""
                            select package_id, effective_from, version from support_package_terms
                            where package_id in (:ids) and not superseded""")
                    .param("ids", packageIds)
                    .query(rs -> {
                        result.computeIfAbsent(rs.getObject("package_id", UUID.class), k -> new TreeMap<>())
                                .put(rs.getObject("effective_from", LocalDate.class), rs.getInt("version"));
                    });
        }
        return result;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("subscription_id", UUID.class), rs.getObject("community_id", UUID.class),
                rs.getObject("package_id", UUID.class), rs.getString("package_name"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getObject("subscribed_on", LocalDate.class), rs.getObject("cancelled_on", LocalDate.class));
    }

    private record Row(UUID id, UUID communityId, UUID packageId, String packageName, LocalDate startsOn,
                       LocalDate endsOn, LocalDate subscribedOn, LocalDate cancelledOn) {

        /** Seats over time within the subscription's validity, and the seats of today (or of its nearest day). */
        SubscriptionView view(NavigableMap<LocalDate, Integer> seats, LocalDate today) {
            List<SeatsView> history = new ArrayList<>();
            for (var entry : seats.entrySet()) {
                if (endsOn != null && !entry.getKey().isBefore(endsOn)) {
                    break;
                }
                LocalDate next = seats.higherKey(entry.getKey());
                LocalDate until = next == null || (endsOn != null && next.isAfter(endsOn)) ? endsOn : next;
                history.add(new SeatsView(entry.getValue(), entry.getKey(), until));
            }
            var inForce = seats.floorEntry(today);
            int seatsToday = inForce != null ? inForce.getValue() : seats.isEmpty() ? 0 : seats.firstEntry().getValue();
            return new SubscriptionView(new SubscriptionId(id), new CommunityId(communityId),
                    new SupportPackageId(packageId), packageName, startsOn, endsOn, subscribedOn, cancelledOn,
                    seatsToday, history);
        }
    }
}
