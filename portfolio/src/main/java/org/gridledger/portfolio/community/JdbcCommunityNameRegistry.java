package org.gridledger.portfolio.community;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.portfolio.naming.NameLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The name rule on {@code community_name_lookup} (see {@link NameLookup}). */
@Component
class JdbcCommunityNameRegistry implements CommunityNameRegistry {

    private final NameLookup lookup;

    JdbcCommunityNameRegistry(JdbcClient jdbc) {
        this.lookup = new NameLookup(jdbc, "community_name_lookup", "community_id");
    }

    @Override
    public boolean claim(String name, CommunityId communityId) {
        return lookup.claim(name, communityId.value());
    }
}
