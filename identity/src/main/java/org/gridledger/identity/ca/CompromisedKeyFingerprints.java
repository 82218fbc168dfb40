package org.gridledger.identity.ca;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Replaces, once the context is up, every row of {@code identity_compromised_key} that still carries the old hash of
 * the subjectPublicKey bits (fingerprint 1) by the canonical {@link CompromisedKeys#hash} of the revoked
 * certificate's key (fingerprint 2), so that keys revoked for key compromise before the canonical fingerprint stay
 * blocked in every encoding. Each row is inserted anew before the old one is deleted, so an interrupted upgrade or
 * two nodes starting together leave every key blocked; nothing is left to do on later starts.
 */
@Component
class CompromisedKeyFingerprints implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CompromisedKeyFingerprints.class);

    private final JdbcClient jdbc;

    CompromisedKeyFingerprints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int upgraded = upgrade();
        if (upgraded > 0) {
            log.info("recomputed the canonical fingerprint of {} compromised keys", upgraded);
        }
    }

    /** Upgrades the rows of fingerprint 1 whose certificate is known; returns how many. */
    int upgrade() {
        record Legacy(String keyHash, String serial, OffsetDateTime revokedAt, String pem) {
        }
        List<Legacy> rows = jdbc.sql("""
                        select k.key_hash, k.serial, k.revoked_at, c.certificate_pem
                        from identity_compromised_key k left join identity_certificate c on c.serial = k.serial
                        where k.fingerprint = 1 order by k.key_hash""")
                .query((rs, n) -> new Legacy(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4)))
                .list();
        int upgraded = 0;
        for (Legacy row : rows) {
            if (row.pem() == null) {
                log.warn("compromised key {} (serial {}) has no certificate to recompute its fingerprint from; it "
                        + "stays blocked in its submitted encoding only", row.keyHash(), row.serial());
                continue;
            }
            String canonical = CompromisedKeys.hash(SubjectPublicKeyInfo.getInstance(
                    CaKeyStore.parseCertificate(row.pem()).getPublicKey().getEncoded()));
            jdbc.sql("""
                            insert into identity_compromised_key (key_hash, serial, revoked_at, fingerprint)
                            values (:hash, :serial, :at, 2) on conflict (key_hash) do nothing""")
                    .param("hash", canonical).param("serial", row.serial()).param("at", row.revokedAt()).update();
            jdbc.sql(canonical.equals(row.keyHash())
                            ? "update identity_compromised_key set fingerprint = 2 where key_hash = :hash"
                            : "delete from identity_compromised_key where key_hash = :hash and fingerprint = 1")
                    .param("hash", row.keyHash()).update();
            upgraded++;
        }
        return upgraded;
    }
}
