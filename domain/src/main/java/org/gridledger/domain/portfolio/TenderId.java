package org.gridledger.domain.portfolio;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a tender: the selection of providers for one support package (and lot). Serialised as the bare UUID. */
public record TenderId(UUID value) {

    public TenderId {
        Objects.requireNonNull(value, "value");
    }

    public static TenderId random() {
        return new TenderId(UUID.randomUUID());
    }

    @JsonCreator
    public static TenderId of(String value) {
        return new TenderId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
