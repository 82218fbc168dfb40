package org.gridledger.domain.finance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a government grant. Serialised as the bare UUID. */
public record GrantId(UUID value) {

    public GrantId {
        Objects.requireNonNull(value, "value");
    }

    public static GrantId random() {
        return new GrantId(UUID.randomUUID());
    }

    @JsonCreator
    public static GrantId of(String value) {
        return new GrantId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
