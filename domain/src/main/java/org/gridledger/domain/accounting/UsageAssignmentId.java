package org.gridledger.domain.accounting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one assignment of unattributed usage to a community. Serialised as the bare UUID. */
public record UsageAssignmentId(UUID value) {

    public UsageAssignmentId {
        Objects.requireNonNull(value, "value");
    }

    public static UsageAssignmentId random() {
        return new UsageAssignmentId(UUID.randomUUID());
    }

    @JsonCreator
    public static UsageAssignmentId of(String value) {
        return new UsageAssignmentId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
