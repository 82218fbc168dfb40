package org.gridledger.accounting.settlement;

import org.gridledger.domain.finance.SettlementId;
import org.gridledger.domain.portfolio.ProviderId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.YearMonth;

/**
 * The month rule on {@code provider_settlement_period_lookup}: {@code insert … on conflict do nothing}, which waits
 * for a concurrent claimer of the same row and then finds it taken.
 */
@Component
class JdbcSettlementPeriods implements SettlementPeriods {

    private final JdbcClient jdbc;

    JdbcSettlementPeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(ProviderId providerId, YearMonth period, SettlementId settlementId) {
        return jdbc.sql("""
                        insert into provider_settlement_period_lookup (provider_id, period, settlement_id)
                        values (:provider, :period, :settlement)
                        on conflict (provider_id, period) do nothing""")
                .param("provider", providerId.value())
                .param("period", period.toString())
                .param("settlement", settlementId.value())
                .update() == 1;
    }

    @Override
    public void release(ProviderId providerId, YearMonth period, SettlementId settlementId) {
        jdbc.sql("""
                        delete from provider_settlement_period_lookup
                        where provider_id = :provider and period = :period and settlement_id = :settlement""")
                .param("provider", providerId.value())
                .param("period", period.toString())
                .param("settlement", settlementId.value())
                .update();
    }
}
