package org.gridledger.domain.finance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a tariff: the prices of one unit for one scope (a resource or a provider's default), optionally for one community. Serialised as the bare UUID. */
public record TariffId(UUID value) {

    public TariffId {
        Objects.requireNonNull(value, "value");
    }

    public static TariffId random() {
        return new TariffId(UUID.randomUUID());
    }

    @JsonCreator
    public static TariffId of(String value) {
        return new TariffId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
