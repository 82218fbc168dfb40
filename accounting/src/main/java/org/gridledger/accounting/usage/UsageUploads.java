package org.gridledger.accounting.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.gridledger.domain.accounting.UsageBatchId;
import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.accounting.UsageViews.UsageUploadView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The idempotency keys of uploads ({@code usage_upload}). A key is claimed at the start of the upload's transaction;
 * a second upload with the same key waits on the claim until the first commits (then it finds the stored answer) or
 * rolls back (then it claims the key itself). Keys are kept for a retention period ({@link #forgetReceivedBefore}):
 * a retry comes within minutes or days, and records are deduplicated by site, local job id and end time anyway, so an
 * upload repeated with a forgotten key stores nothing twice.
 */
@Component
public class UsageUploads {

    /** A stored answer and the hash of the document it answered. */
    record Previous(String contentSha256, UsageUploadView answer) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JdbcClient jdbc;

    UsageUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for a new upload; empty when the key is claimed already, by a committed upload. */
    boolean claim(UsageBatchId uploadId, String principal, String key, UsageFormat format, Instant receivedAt) {
        return jdbc.sql("""
                insert into usage_upload (upload_id, principal, idempotency_key, format, received_at)
                values (:id, :principal, :key, :format, :received)
                on conflict (principal, idempotency_key) do nothing""")
                .param("id", uploadId.value())
                .param("principal", principal)
                .param("key", key)
                .param("format", format.name())
                .param("received", Timestamp.from(receivedAt))
                .update() == 1;
    }

    /** Forgets the keys (and stored answers) of uploads received before {@code cutoff}; the number forgotten. */
    public int forgetReceivedBefore(Instant cutoff) {
        return jdbc.sql("delete from usage_upload where received_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    Optional<Previous> previous(String principal, String key) {
        return jdbc.sql("select content_sha256, answer from usage_upload where principal = :principal and idempotency_key = :key")
                .param("principal", principal)
                .param("key", key)
                .query((rs, n) -> new Previous(rs.getString(1), read(rs.getString(2))))
                .optional();
    }

    void answer(UsageUploadView answer) {
        jdbc.sql("update usage_upload set content_sha256 = :sha, answer = cast(:answer as jsonb) where upload_id = :id")
                .param("sha", answer.contentSha256())
                .param("answer", write(answer))
                .param("id", answer.uploadId().value())
                .update();
    }

    private static String write(UsageUploadView answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UsageUploadView read(String json) {
        try {
            return json == null ? null : JSON.readValue(json, UsageUploadView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
