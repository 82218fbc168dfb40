package org.gridledger.portfolio.provider;

import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.portfolio.naming.NameLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The name rule on {@code provider_name_lookup} (see {@link NameLookup}). */
@Component
class JdbcProviderNameRegistry implements ProviderNameRegistry {

    private final NameLookup lookup;

    JdbcProviderNameRegistry(JdbcClient jdbc) {
        this.lookup = new NameLookup(jdbc, "provider_name_lookup", "provider_id");
    }

    @Override
    public boolean claim(String name, ProviderId providerId) {
        return lookup.claim(name, providerId.value());
    }
}
