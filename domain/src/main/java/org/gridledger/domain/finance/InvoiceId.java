package org.gridledger.domain.finance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies an invoice to a community for one month. Serialised as the bare UUID. */
public record InvoiceId(UUID value) {

    public InvoiceId {
        Objects.requireNonNull(value, "value");
    }

    public static InvoiceId random() {
        return new InvoiceId(UUID.randomUUID());
    }

    @JsonCreator
    public static InvoiceId of(String value) {
        return new InvoiceId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
