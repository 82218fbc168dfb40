package org.gridledger.accounting.rating;

import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.accounting.tariff.TariffRating.TariffPrice;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.finance.TariffKind;
import org.gridledger.domain.finance.TariffPreviewQueries.PreviewTariffChangeQuery;
import org.gridledger.domain.finance.TariffPreviewQueries.TariffPreviewRowView;
import org.gridledger.domain.finance.TariffPreviewQueries.TariffPreviewView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The tariff preview: re-rates the provider's usage of ended months at the tariffs in force and at the tariffs with a
 * proposed change, through the same {@link JdbcUsageRating} billing uses, with the change added to the price versions
 * in memory. The change is checked as the tariff commands check it (scope, currency, unit, no second version on a
 * day, no second tariff for a key); nothing is written.
 */
@Component
class TariffPreview {

    static final int MAX_MONTHS = 24;

    private record Scope(TariffId tariffId, TariffKind kind, ProviderId providerId, UUID resourceId,
                         CommunityId communityId, Unit unit, Currency currency) {
    }

    private record Key(CommunityId communityId, UUID resourceId, Unit unit) {
    }

    private record Sums(String resourceName, BigDecimal currentQuantity, Money current, BigDecimal proposedQuantity,
                        Money proposed) {
    }

    private final JdbcClient jdbc;
    private final JdbcUsageRating rating;
    private final Clock clock;

    TariffPreview(JdbcClient jdbc, JdbcUsageRating rating, Clock clock) {
        this.jdbc = jdbc;
        this.rating = rating;
        this.clock = clock;
    }

    @QueryHandler
    TariffPreviewView handle(PreviewTariffChangeQuery query) {
        requirePeriod(query.from(), query.until());
        Scope scope = query.tariffId() == null ? newTariff(query) : existing(query.tariffId());
        TariffPrice version = version(scope, query);
        List<TariffPrice> stored = rating.prices(scope.providerId());
        requireNoOverlap(scope, version, stored);

        Map<Key, Sums> rows = new TreeMap<>(Comparator.comparing((Key k) -> k.communityId().value())
                .thenComparing(Key::resourceId).thenComparing(Key::unit));
        Money zero = Money.zero(scope.currency());
        for (YearMonth month = query.from(); !month.isAfter(query.until()); month = month.plusMonths(1)) {
            for (UsageCharge c : rating.forProvider(scope.providerId(), month)) {
                if (c.net().currency().equals(scope.currency())) {
                    rows.merge(new Key(c.communityId(), c.resourceId(), c.unit()),
                            new Sums(c.resourceName(), c.quantity(), c.net(), BigDecimal.ZERO, zero), TariffPreview::add);
                }
            }
            for (UsageCharge c : rating.forProvider(scope.providerId(), month, prices -> withVersion(prices, version))) {
                if (c.net().currency().equals(scope.currency())) {
                    rows.merge(new Key(c.communityId(), c.resourceId(), c.unit()),
                            new Sums(c.resourceName(), BigDecimal.ZERO, zero, c.quantity(), c.net()), TariffPreview::add);
                }
            }
        }
        List<TariffPreviewRowView> views = new ArrayList<>();
        Money current = zero;
        Money proposed = zero;
        for (var row : rows.entrySet()) {
            Sums s = row.getValue();
            views.add(new TariffPreviewRowView(row.getKey().communityId(), row.getKey().resourceId(), s.resourceName(),
                    row.getKey().unit(), s.currentQuantity(), s.current(), s.proposedQuantity(), s.proposed(),
                    s.proposed().minus(s.current())));
            current = current.plus(s.current());
            proposed = proposed.plus(s.proposed());
        }
        return new TariffPreviewView(scope.providerId(), query.from(), query.until(),
                scope.currency().getCurrencyCode(), views, current, proposed, proposed.minus(current));
    }

    private void requirePeriod(YearMonth from, YearMonth until) {
        if (from == null || until == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "from and until (yyyy-MM) are required");
        }
        YearMonth thisMonth = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        if (from.isAfter(until) || !until.isBefore(thisMonth) || from.plusMonths(MAX_MONTHS - 1).isBefore(until)) {
            throw DomainException.of(ErrorCode.TARIFF_PREVIEW_PERIOD_INVALID,
                    "%s to %s is no period of at most %d ended months before %s", from, until, MAX_MONTHS, thisMonth);
        }
    }

    private Scope existing(TariffId tariffId) {
        return jdbc.sql("select * from tariff where tariff_id = :id").param("id", tariffId.value())
                .query((rs, n) -> {
                    UUID community = rs.getObject("community_id", UUID.class);
                    return new Scope(tariffId, TariffKind.valueOf(rs.getString("kind")),
                            new ProviderId(rs.getObject("provider_id", UUID.class)),
                            rs.getObject("resource_id", UUID.class),
                            community == null ? null : new CommunityId(community), Unit.valueOf(rs.getString("unit")),
                            Currency.getInstance(rs.getString("currency")));
                })
                .optional()
                .orElseThrow(() -> DomainException.of(ErrorCode.TARIFF_NOT_FOUND, "no tariff %s", tariffId));
    }

    private Scope newTariff(PreviewTariffChangeQuery q) {
        if (q.providerId() == null || q.unit() == null || q.price() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "a new tariff needs providerId, unit and price (or give the tariffId of an existing one)");
        }
        long taken = jdbc.sql("""
                        select count(*) from tariff where provider_id = :provider and unit = :unit
                          and resource_id is not distinct from cast(:resource as uuid)
                          and community_id is not distinct from cast(:community as uuid)""")
                .param("provider", q.providerId().value()).param("unit", q.unit().name())
                .param("resource", q.resourceId())
                .param("community", q.communityId() == null ? null : q.communityId().value())
                .query(Long.class).single();
        if (taken > 0) {
            throw DomainException.of(ErrorCode.TARIFF_EXISTS,
                    "a tariff of %s for this scope exists; preview a new price of it instead", q.unit());
        }
        TariffKind kind = q.communityId() != null ? TariffKind.AGREEMENT
                : q.resourceId() != null ? TariffKind.RESOURCE : TariffKind.PROVIDER_DEFAULT;
        return new Scope(TariffId.random(), kind, q.providerId(), q.resourceId(), q.communityId(), q.unit(),
                q.price().currency());
    }

    private static TariffPrice version(Scope scope, PreviewTariffChangeQuery q) {
        if (q.price() == null || q.effectiveFrom() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "price and effectiveFrom are required");
        }
        if (!UsageRates.RATED_UNITS.contains(scope.unit())) {
            throw DomainException.of(ErrorCode.TARIFF_INVALID, "usage is rated in %s, not %s",
                    UsageRates.RATED_UNITS, scope.unit());
        }
        if (!q.price().currency().equals(scope.currency())) {
            throw DomainException.of(ErrorCode.CURRENCY_MISMATCH, "the tariff prices in %s", scope.currency());
        }
        if (q.price().amount().signum() < 0) {
            throw new DomainException(ErrorCode.TARIFF_INVALID, "a price must not be negative");
        }
        if (q.effectiveUntil() != null && (scope.kind() != TariffKind.AGREEMENT
                || !q.effectiveUntil().isAfter(q.effectiveFrom()))) {
            throw new DomainException(ErrorCode.TARIFF_INVALID,
                    "only agreements end, and effectiveUntil lies after effectiveFrom");
        }
        return new TariffPrice(scope.tariffId(), scope.kind(), scope.resourceId(), scope.communityId(), scope.unit(),
                q.price(), q.effectiveFrom(), q.effectiveUntil());
    }

    /** The tariff's versions are checked as {@code Tariff} checks them: one version a day, agreements not overlapping. */
    private static void requireNoOverlap(Scope scope, TariffPrice version, List<TariffPrice> stored) {
        for (TariffPrice p : stored) {
            if (!p.tariffId().equals(scope.tariffId())) {
                continue;
            }
            boolean overlaps = scope.kind() == TariffKind.AGREEMENT
                    ? before(p.effectiveFrom(), version.effectiveUntil()) && before(version.effectiveFrom(), p.effectiveUntil())
                    : p.effectiveFrom().equals(version.effectiveFrom());
            if (overlaps) {
                throw DomainException.of(ErrorCode.TARIFF_OVERLAPS, "tariff %s has a price from %s already",
                        scope.tariffId(), p.effectiveFrom());
            }
        }
    }

    private static boolean before(LocalDate day, LocalDate exclusiveEnd) {
        return exclusiveEnd == null || day.isBefore(exclusiveEnd);
    }

    /** The stored versions and the proposed one; an agreement of another community rates nobody else's usage. */
    private static List<TariffPrice> withVersion(List<TariffPrice> prices, TariffPrice version) {
        List<TariffPrice> changed = new ArrayList<>(prices);
        changed.add(version);
        return changed;
    }

    private static Sums add(Sums a, Sums b) {
        return new Sums(a.resourceName(), a.currentQuantity().add(b.currentQuantity()), a.current().plus(b.current()),
                a.proposedQuantity().add(b.proposedQuantity()), a.proposed().plus(b.proposed()));
    }
}
