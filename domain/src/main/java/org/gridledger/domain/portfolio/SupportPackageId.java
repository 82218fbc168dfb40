package org.gridledger.domain.portfolio;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a support package. Serialised as the bare UUID. */
public record SupportPackageId(UUID value) {

    public SupportPackageId {
        Objects.requireNonNull(value, "value");
    }

    public static SupportPackageId random() {
        return new SupportPackageId(UUID.randomUUID());
    }

    @JsonCreator
    public static SupportPackageId of(String value) {
        return new SupportPackageId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
