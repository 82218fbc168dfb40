package org.gridledger.accounting.tariff;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.accounting.tariff.TariffRating.TariffPrice;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.TariffEvents.TariffDefinedEvent;
import org.gridledger.domain.finance.TariffEvents.TariffPriceSetEvent;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.finance.TariffKind;
import org.gridledger.domain.finance.TariffQueries.FindPriceInForceQuery;
import org.gridledger.domain.finance.TariffQueries.FindTariffQuery;
import org.gridledger.domain.finance.TariffQueries.FindTariffsQuery;
import org.gridledger.domain.finance.TariffQueries.PriceInForceView;
import org.gridledger.domain.finance.TariffQueries.TariffPageView;
import org.gridledger.domain.finance.TariffQueries.TariffPriceView;
import org.gridledger.domain.finance.TariffQueries.TariffView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read model of tariffs: {@code tariff} and its price versions in {@code tariff_price} (every version kept, so the
 * history is the list). Answers the price in force by loading the provider's tariffs of the unit and applying
 * {@link TariffRating}. Idempotent upserts; the reset leaves the key lookup alone.
 */
@Component
@ProcessingGroup(TariffProjection.GROUP)
class TariffProjection {

    static final String GROUP = "tariff";

    private final JdbcClient jdbc;

    TariffProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TariffDefinedEvent event) {
        jdbc.sql("""
                        insert into tariff (tariff_id, kind, provider_id, resource_id, community_id, unit, currency,
                            defined_on)
                        values (:id, :kind, :provider, :resource, :community, :unit, :currency, :on)
                        on conflict (tariff_id) do nothing""")
                .param("id", event.tariffId().value())
                .param("kind", event.kind().name())
                .param("provider", event.providerId().value())
                .param("resource", event.resourceId())
                .param("community", event.communityId() == null ? null : event.communityId().value())
                .param("unit", event.unit().name())
                .param("currency", event.currency().getCurrencyCode())
                .param("on", event.definedOn())
                .update();
    }

    @EventHandler
    void on(TariffPriceSetEvent event) {
        jdbc.sql("""
                        insert into tariff_price (tariff_id, effective_from, effective_until, price, recorded_on)
                        values (:id, :from, :until, :price, :on)
                        on conflict (tariff_id, effective_from) do nothing""")
                .param("id", event.tariffId().value())
                .param("from", event.effectiveFrom())
                .param("until", event.effectiveUntil())
                .param("price", event.price().amount())
                .param("on", event.recordedOn())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("lock table tariff, tariff_price in exclusive mode").update();
        jdbc.sql("delete from tariff_price").update();
        jdbc.sql("delete from tariff").update();
    }

    @QueryHandler
    TariffPageView handle(FindTariffsQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.onlyProviders() != null) {
            if (query.onlyProviders().isEmpty()) {
                return new TariffPageView(List.of(), query.pagination().page(), query.pagination().size(), 0);
            }
            conditions.add("provider_id in (:only)");
            params.put("only", query.onlyProviders().stream().map(ProviderId::value).toList());
        }
        if (query.providerId() != null) {
            conditions.add("provider_id = :provider");
            params.put("provider", query.providerId().value());
        }
        if (query.resourceId() != null) {
            conditions.add("resource_id = :resource");
            params.put("resource", query.resourceId());
        }
        if (query.communityId() != null) {
            conditions.add("community_id = :community");
            params.put("community", query.communityId().value());
        }
        if (query.unit() != null) {
            conditions.add("unit = :unit");
            params.put("unit", query.unit().name());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from tariff" + where).params(params).query(Long.class).single();
        params.put("limit", query.pagination().size());
        params.put("offset", query.pagination().offset());
        List<TariffView> items = jdbc.sql("select * from tariff" + where
                        + " order by provider_id, unit, kind, defined_on, tariff_id limit :limit offset :offset")
                .params(params).query(this::row).list();
        return new TariffPageView(items.stream().map(this::withPrices).toList(), query.pagination().page(),
                query.pagination().size(), total);
    }

    @QueryHandler
    TariffView handle(FindTariffQuery query) {
        return jdbc.sql("select * from tariff where tariff_id = :id").param("id", query.tariffId().value())
                .query(this::row).optional().map(this::withPrices)
                .orElseThrow(() -> DomainException.of(ErrorCode.TARIFF_NOT_FOUND, "no tariff %s", query.tariffId()));
    }

    @QueryHandler
    PriceInForceView handle(FindPriceInForceQuery query) {
        List<TariffPrice> candidates = jdbc.sql("""
                        select t.tariff_id, t.kind, t.resource_id, t.community_id, t.unit, t.currency,
                               p.price, p.effective_from, p.effective_until
                        from tariff t join tariff_price p on p.tariff_id = t.tariff_id
                        where t.provider_id = :provider and t.unit = :unit""")
                .param("provider", query.providerId().value())
                .param("unit", query.unit().name())
                .query((rs, n) -> new TariffPrice(new TariffId(rs.getObject("tariff_id", UUID.class)),
                        TariffKind.valueOf(rs.getString("kind")), rs.getObject("resource_id", UUID.class),
                        community(rs), Unit.valueOf(rs.getString("unit")),
                        new Money(rs.getBigDecimal("price"), Currency.getInstance(rs.getString("currency"))),
                        rs.getObject("effective_from", LocalDate.class),
                        rs.getObject("effective_until", LocalDate.class)))
                .list();
        return TariffRating.priceInForce(candidates, query.resourceId(), query.communityId(), query.unit(), query.at())
                .orElseThrow(() -> DomainException.of(ErrorCode.PRICE_NOT_IN_FORCE,
                        "no price of %s in force at %s for provider %s", query.unit(), query.at(), query.providerId()));
    }

    private TariffView withPrices(TariffView view) {
        List<TariffPriceView> prices = jdbc.sql("""
                        select * from tariff_price where tariff_id = :id order by effective_from""")
                .param("id", view.tariffId().value())
                .query((rs, n) -> new TariffPriceView(
                        new Money(rs.getBigDecimal("price"), Currency.getInstance(view.currency())),
                        rs.getObject("effective_from", LocalDate.class),
                        rs.getObject("effective_until", LocalDate.class),
                        rs.getObject("recorded_on", LocalDate.class)))
                .list();
        return new TariffView(view.tariffId(), view.kind(), view.providerId(), view.resourceId(), view.communityId(),
                view.unit(), view.currency(), view.definedOn(), prices);
    }

    private TariffView row(ResultSet rs, int n) throws SQLException {
        return new TariffView(new TariffId(rs.getObject("tariff_id", UUID.class)),
                TariffKind.valueOf(rs.getString("kind")), new ProviderId(rs.getObject("provider_id", UUID.class)),
                rs.getObject("resource_id", UUID.class), community(rs), Unit.valueOf(rs.getString("unit")),
                rs.getString("currency"), rs.getObject("defined_on", LocalDate.class), List.of());
    }

    private static CommunityId community(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("community_id", UUID.class);
        return id == null ? null : new CommunityId(id);
    }
}
