package org.gridledger.domain.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a virtual organisation. Serialised as the bare UUID. */
public record VoId(UUID value) {

    public VoId {
        Objects.requireNonNull(value, "value");
    }

    public static VoId random() {
        return new VoId(UUID.randomUUID());
    }

    @JsonCreator
    public static VoId of(String value) {
        return new VoId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
