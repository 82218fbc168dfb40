package org.gridledger.portfolio.naming;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/**
 * A lookup table of claimed names ({@code normalized_name} primary key, and the owner's id). {@code insert … on
 * conflict do nothing} blocks on a concurrent uncommitted claim of the same name and then reports whether this
 * transaction won, without aborting it.
 */
public final class NameLookup {

    private final JdbcClient jdbc;
    private final String insert;

    /** {@code table} and {@code ownerColumn} are constants of the calling feature, never user input. */
    public NameLookup(JdbcClient jdbc, String table, String ownerColumn) {
        this.jdbc = jdbc;
        this.insert = "insert into " + table + " (normalized_name, " + ownerColumn + ") values (:name, :owner)"
                + " on conflict (normalized_name) do nothing";
    }

    /** Claims {@code name} for {@code owner}; false if the name is claimed already. */
    public boolean claim(String name, UUID owner) {
        return jdbc.sql(insert).param("name", Names.normalize(name)).param("owner", owner).update() == 1;
    }
}
