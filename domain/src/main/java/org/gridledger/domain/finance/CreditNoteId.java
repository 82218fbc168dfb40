package org.gridledger.domain.finance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a credit note, which always corrects one issued invoice. Serialised as the bare UUID. */
public record CreditNoteId(UUID value) {

    public CreditNoteId {
        Objects.requireNonNull(value, "value");
    }

    public static CreditNoteId random() {
        return new CreditNoteId(UUID.randomUUID());
    }

    @JsonCreator
    public static CreditNoteId of(String value) {
        return new CreditNoteId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
