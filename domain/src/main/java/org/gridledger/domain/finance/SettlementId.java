package org.gridledger.domain.finance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a provider settlement: what the organisation owes one provider for one month. Serialised as the bare UUID. */
public record SettlementId(UUID value) {

    public SettlementId {
        Objects.requireNonNull(value, "value");
    }

    public static SettlementId random() {
        return new SettlementId(UUID.randomUUID());
    }

    @JsonCreator
    public static SettlementId of(String value) {
        return new SettlementId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
