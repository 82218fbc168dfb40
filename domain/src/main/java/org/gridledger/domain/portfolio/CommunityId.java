package org.gridledger.domain.portfolio;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a research community. Serialised as the bare UUID. */
public record CommunityId(UUID value) {

    public CommunityId {
        Objects.requireNonNull(value, "value");
    }

    public static CommunityId random() {
        return new CommunityId(UUID.randomUUID());
    }

    @JsonCreator
    public static CommunityId of(String value) {
        return new CommunityId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
