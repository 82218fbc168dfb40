package org.gridledger.accounting.usage;

import org.gridledger.domain.accounting.UsageBatchId;
import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys on PostgreSQL: claimed once, and forgotten after their retention. */
class UsageUploadsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final UsageUploads uploads = new UsageUploads(jdbc);

    @BeforeEach
    void emptyTable() {
        EmbeddedDatabase.truncate("usage_upload");
    }

    @Test
    void aKeyIsClaimedOncePerCallerAndForgottenOnlyAfterItsRetention() {
        Instant old = NOW.minus(Duration.ofDays(31));
        assertThat(uploads.claim(UsageBatchId.random(), "gridka", "old-key", UsageFormat.APEL, old)).isTrue();
        assertThat(uploads.claim(UsageBatchId.random(), "gridka", "recent-key", UsageFormat.APEL,
                NOW.minus(Duration.ofDays(29)))).isTrue();
        assertThat(uploads.claim(UsageBatchId.random(), "gridka", "old-key", UsageFormat.APEL, NOW)).isFalse();
        assertThat(uploads.claim(UsageBatchId.random(), "desy", "old-key", UsageFormat.APEL, NOW)).isTrue();

        assertThat(uploads.forgetReceivedBefore(NOW.minus(Duration.ofDays(30)))).isOne();

        assertThat(jdbc.sql("select principal || '/' || idempotency_key from usage_upload order by 1")
                .query(String.class).list()).containsExactly("desy/old-key", "gridka/recent-key");
        assertThat(uploads.claim(UsageBatchId.random(), "gridka", "old-key", UsageFormat.APEL, NOW))
                .as("a forgotten key may be used again").isTrue();
    }
}
