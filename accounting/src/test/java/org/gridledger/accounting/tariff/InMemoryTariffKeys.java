package org.gridledger.accounting.tariff;

import org.gridledger.domain.finance.TariffId;

import java.util.HashMap;
import java.util.Map;

/** The tariff key rule in memory, for fixture tests. */
class InMemoryTariffKeys implements TariffKeys {

    private final Map<String, TariffId> claimed = new HashMap<>();

    @Override
    public boolean claim(String key, TariffId tariffId) {
        return claimed.putIfAbsent(key, tariffId) == null;
    }
}
