package org.gridledger.portfolio.provider;

import org.gridledger.domain.portfolio.ProviderId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The name rule without a database, for fixture tests; the JDBC registry is tested against PostgreSQL. */
final class InMemoryProviderNameRegistry implements ProviderNameRegistry {

    private final Map<String, ProviderId> claims = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String name, ProviderId providerId) {
        return claims.putIfAbsent(ProviderNameRegistry.normalize(name), providerId) == null;
    }

    /** The provider holding {@code name}, or null. */
    ProviderId holderOf(String name) {
        return claims.get(ProviderNameRegistry.normalize(name));
    }
}
