package org.gridledger.accounting.rating;

import org.gridledger.accounting.rating.UsageRates.Figures;
import org.gridledger.accounting.rating.UsageRates.PricePeriod;
import org.gridledger.accounting.tariff.TariffRating.TariffPrice;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.finance.TariffKind;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Usage rating from the usage summaries and the tariff read model (ADR 0023). One call reads the month's summary rows
 * of the community (or provider) added up per resource and community with the resources' names, and the price
 * versions of the providers involved: two indexed queries. A resource and unit whose price changes inside the month (or
 * whose tariff starts or ends in it) is split at the change day exactly: a fourth query reads its current records
 * per UTC day of their end.
 */
@Component
public class JdbcUsageRating implements UsageRating {

    /** Figures of one resource's usage by one community in the month; the name is null for an unknown resource. */
    private record Usage(ProviderId providerId, UUID resourceId, String resourceName, CommunityId communityId,
                         Figures figures) {
    }

    private record Key(UUID resourceId, CommunityId communityId) {
    }

    private static final String FIGURES = "sum(normalised_cpu), sum(wall_seconds * greatest(processors, 1)),"
            + " sum(cpu_seconds)";
    /** The month's summary rows added up per resource and community, with the resource's name. */
    private static final String USAGE = "select s.provider_id, s.resource_id, r.name, s.community_id,"
            + " sum(s.normalised_cpu), sum(s.wall_seconds * greatest(s.processors, 1)), sum(s.cpu_seconds)"
            + " from usage_summary s left join accounting_resource r on r.resource_id = s.resource_id"
            + " where %s and s.month = :month group by s.provider_id, s.resource_id, r.name, s.community_id";

    private final JdbcClient jdbc;

    public JdbcUsageRating(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UsageCharge> forCommunity(CommunityId communityId, YearMonth month) {
        List<Usage> usage = jdbc.sql(USAGE.formatted("s.community_id = :community"))
                .param("community", communityId.value()).param("month", Date.valueOf(month.atDay(1)))
                .query(JdbcUsageRating::usage).list();
        return rate(month, usage, communityId, UnaryOperator.identity());
    }

    @Override
    public List<UsageCharge> forProvider(ProviderId providerId, YearMonth month) {
        return forProvider(providerId, month, UnaryOperator.identity());
    }

    /**
     * The provider's usage rated as {@link #forProvider(ProviderId, YearMonth)} does, but at the price versions
     * {@code proposal} makes of the provider's stored ones: a tariff preview, nothing is written.
     */
    public List<UsageCharge> forProvider(ProviderId providerId, YearMonth month,
                                         UnaryOperator<List<TariffPrice>> proposal) {
        List<Usage> usage = jdbc.sql(USAGE.formatted("s.provider_id = :provider"))
                .param("provider", providerId.value()).param("month", Date.valueOf(month.atDay(1)))
                .query(JdbcUsageRating::usage).list();
        return rate(month, usage, null, proposal);
    }

    /** The stored price versions of the provider's tariffs of the rated units. */
    public List<TariffPrice> prices(ProviderId providerId) {
        return prices(Set.of(providerId.value()), null).getOrDefault(providerId.value(), List.of());
    }

    private List<UsageCharge> rate(YearMonth month, List<Usage> usage, CommunityId onlyCommunity,
                                   UnaryOperator<List<TariffPrice>> proposal) {
        if (usage.isEmpty()) {
            return List.of();
        }
        Set<UUID> providers = usage.stream().map(u -> u.providerId().value()).collect(Collectors.toSet());
        Map<UUID, List<TariffPrice>> prices = prices(providers, onlyCommunity);
        List<UsageCharge> charges = new ArrayList<>();
        Map<Key, List<Runnable>> splits = new HashMap<>();
        Map<Key, Map<LocalDate, Figures>> daily = new HashMap<>();
        for (Usage u : usage) {
            List<TariffPrice> own = proposal.apply(candidates(prices.getOrDefault(u.providerId().value(), List.of()),
                    u.communityId()));
            String name = u.resourceName() == null ? u.resourceId().toString() : u.resourceName();
            for (Unit unit : UsageRates.RATED_UNITS) {
                if (u.figures().seconds(unit).signum() == 0) {
                    continue;
                }
                List<PricePeriod> periods = UsageRates.periods(own, u.resourceId(), u.communityId(), unit, month);
                if (periods.size() == 1) {
                    add(charges, UsageRates.charge(month, u.providerId(), u.resourceId(), name, u.communityId(), unit,
                            u.figures(), periods.get(0)));
                    continue;
                }
                Key key = new Key(u.resourceId(), u.communityId());
                splits.computeIfAbsent(key, k -> new ArrayList<>()).add(() -> {
                    Map<LocalDate, Figures> days = daily.getOrDefault(key, Map.of());
                    for (PricePeriod period : periods) {
                        add(charges, UsageRates.charge(month, u.providerId(), u.resourceId(), name, u.communityId(),
                                unit, UsageRates.within(period, days), period));
                    }
                });
            }
        }
        if (!splits.isEmpty()) {
            daily.putAll(daily(month, splits.keySet(), onlyCommunity));
            splits.values().forEach(list -> list.forEach(Runnable::run));
        }
        charges.sort(Comparator.comparing((UsageCharge c) -> c.providerId().value())
                .thenComparing(c -> String.valueOf(c.resourceName())).thenComparing(UsageCharge::resourceId)
                .thenComparing(c -> c.communityId().value()).thenComparing(UsageCharge::unit)
                .thenComparing(UsageCharge::from));
        return charges;
    }

    private static void add(List<UsageCharge> charges, UsageCharge charge) {
        if (charge != null) {
            charges.add(charge);
        }
    }

    /** The versions that can rate the community's usage: every non-agreement price and the community's agreements. */
    private static List<TariffPrice> candidates(List<TariffPrice> providerPrices, CommunityId communityId) {
        return providerPrices.stream()
                .filter(p -> p.kind() != TariffKind.AGREEMENT || p.communityId().equals(communityId))
                .toList();
    }

    private Map<UUID, List<TariffPrice>> prices(Set<UUID> providers, CommunityId onlyCommunity) {
        Map<UUID, List<TariffPrice>> byProvider = new HashMap<>();
        jdbc.sql("""
                        select t.provider_id, t.tariff_id, t.kind, t.resource_id, t.community_id, t.unit, t.currency,
                               p.price, p.effective_from, p.effective_until
                        from tariff t join tariff_price p on p.tariff_id = t.tariff_id
                        where t.provider_id = any(:providers) and t.unit in ('HS06_HOUR', 'WALL_HOUR', 'CPU_HOUR')
                          and (cast(:community as uuid) is null or t.community_id is null
                               or t.community_id = cast(:community as uuid))
                        order by t.tariff_id, p.effective_from""")
                .param("providers", providers.toArray(UUID[]::new))
                .param("community", onlyCommunity == null ? null : onlyCommunity.value())
                .query((rs, n) -> {
                    UUID community = rs.getObject("community_id", UUID.class);
                    byProvider.computeIfAbsent(rs.getObject("provider_id", UUID.class), k -> new ArrayList<>())
                            .add(new TariffPrice(new TariffId(rs.getObject("tariff_id", UUID.class)),
                                    TariffKind.valueOf(rs.getString("kind")), rs.getObject("resource_id", UUID.class),
                                    community == null ? null : new CommunityId(community),
                                    Unit.valueOf(rs.getString("unit")),
                                    new Money(rs.getBigDecimal("price"), Currency.getInstance(rs.getString("currency"))),
                                    rs.getObject("effective_from", LocalDate.class),
                                    rs.getObject("effective_until", LocalDate.class)));
                    return null;
                })
                .list();
        return byProvider;
    }

    /** The current, attributed records of the keys' resources in the month, per key and UTC day of their end. */
    private Map<Key, Map<LocalDate, Figures>> daily(YearMonth month, Set<Key> keys, CommunityId onlyCommunity) {
        Set<UUID> resources = new HashSet<>();
        keys.forEach(k -> resources.add(k.resourceId()));
        Map<Key, Map<LocalDate, Figures>> daily = new HashMap<>();
        String sql = "select resource_id, community_id, cast(end_time at time zone 'UTC' as date), " + FIGURES
                + " from usage_record where resource_id = any(:resources) and month = :month"
                + " and superseded_by is null and community_id is not null"
                + (onlyCommunity == null ? "" : " and community_id = :community")
                + " group by 1, 2, 3";
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("resources", resources.toArray(UUID[]::new)).param("month", Date.valueOf(month.atDay(1)));
        if (onlyCommunity != null) {
            statement = statement.param("community", onlyCommunity.value());
        }
        statement
                .query((rs, n) -> {
                    Key key = new Key(rs.getObject(1, UUID.class), new CommunityId(rs.getObject(2, UUID.class)));
                    if (keys.contains(key)) {
                        daily.computeIfAbsent(key, k -> new HashMap<>()).put(rs.getObject(3, LocalDate.class),
                                figures(rs, 4));
                    }
                    return null;
                })
                .list();
        return daily;
    }

    private static Usage usage(ResultSet rs, int n) throws SQLException {
        return new Usage(new ProviderId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class), rs.getString(3),
                new CommunityId(rs.getObject(4, UUID.class)), figures(rs, 5));
    }

    private static Figures figures(ResultSet rs, int first) throws SQLException {
        return new Figures(rs.getBigDecimal(first), rs.getBigDecimal(first + 1), rs.getBigDecimal(first + 2));
    }
}
