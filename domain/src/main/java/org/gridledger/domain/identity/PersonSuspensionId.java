package org.gridledger.domain.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies an emergency suspension of a person. Serialised as the bare UUID. */
public record PersonSuspensionId(UUID value) {

    public PersonSuspensionId {
        Objects.requireNonNull(value, "value");
    }

    public static PersonSuspensionId random() {
        return new PersonSuspensionId(UUID.randomUUID());
    }

    @JsonCreator
    public static PersonSuspensionId of(String value) {
        return new PersonSuspensionId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
