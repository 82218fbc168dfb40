package org.gridledger.portfolio.provider;

import org.gridledger.domain.portfolio.ProviderId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lookup-table implementation of the name rule. {@code insert … on conflict do nothing} blocks on a concurrent
 * uncommitted claim of the same name and then reports whether this transaction won, without aborting it.
 */
@Component
class JdbcProviderNameRegistry implements ProviderNameRegistry {

    private final JdbcClient jdbc;

    JdbcProviderNameRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String name, ProviderId providerId) {
        return jdbc.sql("""
                        insert into provider_name_lookup (normalized_name, provider_id) values (:name, :id)
                        on conflict (normalized_name) do nothing""")
                .param("name", ProviderNameRegistry.normalize(name))
                .param("id", providerId.value())
                .update() == 1;
    }
}
