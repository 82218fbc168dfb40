package org.gridledger.domain.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one membership of a person (a certificate subject) in a virtual organisation. Serialised as the bare UUID. */
public record MembershipId(UUID value) {

    public MembershipId {
        Objects.requireNonNull(value, "value");
    }

    public static MembershipId random() {
        return new MembershipId(UUID.randomUUID());
    }

    @JsonCreator
    public static MembershipId of(String value) {
        return new MembershipId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
