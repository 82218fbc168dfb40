package org.gridledger.domain.portfolio;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a community's subscription to a support package. Serialised as the bare UUID. */
public record SubscriptionId(UUID value) {

    public SubscriptionId {
        Objects.requireNonNull(value, "value");
    }

    public static SubscriptionId random() {
        return new SubscriptionId(UUID.randomUUID());
    }

    @JsonCreator
    public static SubscriptionId of(String value) {
        return new SubscriptionId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
