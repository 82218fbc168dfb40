package org.gridledger.portfolio.community;

import org.gridledger.domain.portfolio.CommunityId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The name rule without a database, for fixture tests; the JDBC registry is tested against PostgreSQL. */
final class InMemoryCommunityNameRegistry implements CommunityNameRegistry {

    private final Map<String, CommunityId> claims = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String name, CommunityId communityId) {
        return claims.putIfAbsent(CommunityNameRegistry.normalize(name), communityId) == null;
    }

    /** The community holding {@code name}, or null. */
    CommunityId holderOf(String name) {
        return claims.get(CommunityNameRegistry.normalize(name));
    }
}
