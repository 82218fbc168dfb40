package org.gridledger.portfolio.community;

import org.gridledger.domain.portfolio.CommunityId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lookup-table implementation of the name rule. {@code insert … on conflict do nothing} blocks on a concurrent
 * uncommitted claim of the same name and then reports whether this transaction won, without aborting it.
 */
@Component
class JdbcCommunityNameRegistry implements CommunityNameRegistry {

    private final JdbcClient jdbc;

    JdbcCommunityNameRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String name, CommunityId communityId) {
        return jdbc.sql("""
                        insert into community_name_lookup (normalized_name, community_id) values (:name, :id)
                        on conflict (normalized_name) do nothing""")
                .param("name", CommunityNameRegistry.normalize(name))
                .param("id", communityId.value())
                .update() == 1;
    }
}
