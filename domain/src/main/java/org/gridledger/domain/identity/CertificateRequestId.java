package org.gridledger.domain.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a certificate request and the certificate issued for it. Serialised as the bare UUID. */
public record CertificateRequestId(UUID value) {

    public CertificateRequestId {
        Objects.requireNonNull(value, "value");
    }

    public static CertificateRequestId random() {
        return new CertificateRequestId(UUID.randomUUID());
    }

    @JsonCreator
    public static CertificateRequestId of(String value) {
        return new CertificateRequestId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
