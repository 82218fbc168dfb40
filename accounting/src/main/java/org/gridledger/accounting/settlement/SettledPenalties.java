package org.gridledger.accounting.settlement;

import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a provider's standing (issued, not reversed) settlements deducted for penalties, per month and package: a
 * penalty line's {@link PenaltyReference} names the month it deducts for; a line without one (written before lines
 * carried it) deducts for its settlement's own month, which is not looked at again ({@link #legacyMonths}). Read from the settlement projection; the settlement sources
 * compare it with the penalties recorded now, so that a penalty recorded or reversed after its month was settled is
 * deducted or given back by a later settlement.
 */
@Component
public class SettledPenalties {

    /** The net deducted for one month and package, as a positive amount (negative when more was given back). */
    public record Deducted(YearMonth month, SupportPackageId packageId, BigDecimal amount, String currency) {
    }

    private final JdbcClient jdbc;

    public SettledPenalties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The provider's penalties deducted by its standing settlements, per month and package. */
    public List<Deducted> deducted(ProviderId providerId) {
        return jdbc.sql("""
                        select case when l.reference ~ :pattern then split_part(l.reference, ' ', 2) else s.period end
                                as month, l.package_id, s.currency, -sum(l.amount) as amount
                        from provider_settlement s join provider_settlement_line l on l.settlement_id = s.settlement_id
                        where s.provider_id = :provider and s.status = 'ISSUED' and l.kind = 'PENALTY'
                          and l.package_id is not null
                        group by 1, 2, 3
                        order by 1, 2""")
                .param("provider", providerId.value())
                .param("pattern", PenaltyReference.SQL_PATTERN)
                .query((rs, n) -> new Deducted(YearMonth.parse(rs.getString("month").strip()),
                        new SupportPackageId(rs.getObject("package_id", UUID.class)), rs.getBigDecimal("amount"),
                        rs.getString("currency")))
                .list();
    }

    /**
     * Months of standing settlements written before penalty lines named their month: a penalty line without a
     * {@link PenaltyReference}. They deducted the month's penalties as they stood then and are not looked at again,
     * as billing leaves months whose credit lines carry no reference (ADR 0031).
     */
    public Set<YearMonth> legacyMonths(ProviderId providerId) {
        return new HashSet<>(jdbc.sql("""
                        select distinct s.period from provider_settlement s
                        join provider_settlement_line l on l.settlement_id = s.settlement_id
                        where s.provider_id = :provider and s.status = 'ISSUED' and l.kind = 'PENALTY'
                          and (l.reference is null or l.reference !~ :pattern)""")
                .param("provider", providerId.value())
                .param("pattern", PenaltyReference.SQL_PATTERN)
                .query((rs, n) -> YearMonth.parse(rs.getString(1).strip()))
                .list());
    }

    /**
     * Serialises the settlements of one provider within the caller's transaction (a transaction-scoped advisory
     * lock), so that two settlements of different months do not both deduct the same late penalty.
     */
    public void lockProvider(ProviderId providerId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('provider-settlement:' || :provider, 0))")
                .param("provider", providerId.value().toString())
                .query().listOfRows();
    }

    /** The months the provider has a standing settlement for. */
    public Set<YearMonth> settledMonths(ProviderId providerId) {
        return new HashSet<>(jdbc.sql("select period from provider_settlement where provider_id = :provider"
                        + " and status = 'ISSUED'")
                .param("provider", providerId.value())
                .query((rs, n) -> YearMonth.parse(rs.getString(1).strip()))
                .list());
    }
}
