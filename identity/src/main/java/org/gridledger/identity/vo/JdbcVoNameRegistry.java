package org.gridledger.identity.vo;

import org.gridledger.domain.identity.VoId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The name rule on {@code vo_name_lookup}: {@code insert … on conflict do nothing} waits for a concurrent uncommitted
 * claim of the same name and then reports whether this transaction won, without aborting it.
 */
@Component
class JdbcVoNameRegistry implements VoNameRegistry {

    private final JdbcClient jdbc;

    JdbcVoNameRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String name, VoId voId) {
        return jdbc.sql("insert into vo_name_lookup (normalized_name, vo_id) values (:name, :id) on conflict do nothing")
                .param("name", name)
                .param("id", voId.value())
                .update() == 1;
    }
}
