package org.gridledger.domain.portfolio;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a portfolio proposal. Serialised as the bare UUID. */
public record ProposalId(UUID value) {

    public ProposalId {
        Objects.requireNonNull(value, "value");
    }

    public static ProposalId random() {
        return new ProposalId(UUID.randomUUID());
    }

    @JsonCreator
    public static ProposalId of(String value) {
        return new ProposalId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
