package org.gridledger.domain.accounting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one upload of usage records (a batch) and the aggregate that records it. Serialised as the bare UUID. */
public record UsageBatchId(UUID value) {

    public UsageBatchId {
        Objects.requireNonNull(value, "value");
    }

    public static UsageBatchId random() {
        return new UsageBatchId(UUID.randomUUID());
    }

    @JsonCreator
    public static UsageBatchId of(String value) {
        return new UsageBatchId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
