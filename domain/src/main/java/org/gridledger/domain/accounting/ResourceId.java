package org.gridledger.domain.accounting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a compute resource a provider offers (a batch cluster behind one or more CEs). Serialised as the bare UUID. */
public record ResourceId(UUID value) {

    public ResourceId {
        Objects.requireNonNull(value, "value");
    }

    public static ResourceId random() {
        return new ResourceId(UUID.randomUUID());
    }

    @JsonCreator
    public static ResourceId of(String value) {
        return new ResourceId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
