package org.gridledger.domain.finance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a payment the organisation made to a provider against a settlement. Serialised as the bare UUID. */
public record SettlementPaymentId(UUID value) {

    public SettlementPaymentId {
        Objects.requireNonNull(value, "value");
    }

    public static SettlementPaymentId random() {
        return new SettlementPaymentId(UUID.randomUUID());
    }

    @JsonCreator
    public static SettlementPaymentId of(String value) {
        return new SettlementPaymentId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
