package org.gridledger.accounting.tariff;

import org.gridledger.domain.finance.TariffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tariff key rule on {@code tariff_key_lookup}: {@code insert … on conflict do nothing} (ADR 0006). */
@Component
class JdbcTariffKeys implements TariffKeys {

    private final JdbcClient jdbc;

    JdbcTariffKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String key, TariffId tariffId) {
        return jdbc.sql("""
                        insert into tariff_key_lookup (tariff_key, tariff_id) values (:key, :id)
                        on conflict (tariff_key) do nothing""")
                .param("key", key)
                .param("id", tariffId.value())
                .update() == 1;
    }
}
