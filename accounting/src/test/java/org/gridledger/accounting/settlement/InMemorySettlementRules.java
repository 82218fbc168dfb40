package org.gridledger.accounting.settlement;

import org.gridledger.domain.finance.SettlementId;
import org.gridledger.domain.portfolio.ProviderId;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/** The number counter and the month rule in memory, for fixture tests. */
class InMemorySettlementRules implements SettlementNumbering, SettlementPeriods {

    private final Map<Integer, Integer> counters = new HashMap<>();
    private final Map<String, SettlementId> periods = new HashMap<>();

    @Override
    public int next(int year) {
        return counters.merge(year, 1, Integer::sum);
    }

    @Override
    public boolean claim(ProviderId providerId, YearMonth period, SettlementId settlementId) {
        return periods.putIfAbsent(providerId + "/" + period, settlementId) == null;
    }

    @Override
    public void release(ProviderId providerId, YearMonth period, SettlementId settlementId) {
        periods.remove(providerId + "/" + period, settlementId);
    }

    boolean held(ProviderId providerId, YearMonth period) {
        return periods.containsKey(providerId + "/" + period);
    }
}
