package org.gridledger.identity.ca;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link CompromisedKeys} on {@code identity_compromised_key}, written by {@link CertificateProjection}. */
@Component
class JdbcCompromisedKeys implements CompromisedKeys {

    private final JdbcClient jdbc;

    JdbcCompromisedKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean compromised(SubjectPublicKeyInfo key) {
        return jdbc.sql("select exists (select 1 from identity_compromised_key where key_hash in (:hash, :legacy))")
                .param("hash", CompromisedKeys.hash(key)).param("legacy", CompromisedKeys.legacyHash(key))
                .query(Boolean.class).single();
    }
}
