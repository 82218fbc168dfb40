package org.gridledger.app.accounting;

import org.gridledger.app.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys of usage uploads are forgotten after the retention (30 days by default), and only then. */
class IdempotencyKeyHousekeepingTest extends ApiTestBase {

    @Autowired
    private IdempotencyKeyHousekeeping housekeeping;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Clock clock;

    @Test
    void keys_older_than_the_retention_are_forgotten_and_younger_ones_kept() {
        String principal = unique("site");
        insert(principal, "expired", Duration.ofDays(31));
        insert(principal, "kept", Duration.ofDays(29));

        assertThat(housekeeping.forget()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select idempotency_key from usage_upload where principal = :p")
                .param("p", principal).query(String.class).list()).containsExactly("kept");
    }

    private void insert(String principal, String key, Duration age) {
        jdbc.sql("""
                        insert into usage_upload (upload_id, principal, idempotency_key, format, received_at)
                        values (:id, :p, :k, 'APEL', :at)""")
                .param("id", UUID.randomUUID())
                .param("p", principal)
                .param("k", key)
                .param("at", Timestamp.from(clock.instant().minus(age)))
                .update();
    }
}
