package org.gridledger.domain.support;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a support ticket. Serialised as the bare UUID. */
public record TicketId(UUID value) {

    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    public static TicketId random() {
        return new TicketId(UUID.randomUUID());
    }

    @JsonCreator
    public static TicketId of(String value) {
        return new TicketId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
