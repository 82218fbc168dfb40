package org.gridledger.app.identity;

import org.gridledger.identity.vo.CertificateStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The certificate policy of the grid-mapfiles, and the point where VOs meet GridLedger's own certificates.
 * <ul>
 *   <li>With {@code gridledger.identity.gridmap-requires-certificate=false} (the default) a DN counts as holding a valid
 *       certificate: a grid-mapfile only maps DNs to accounts, and the site's gatekeeper accepts a connection only
 *       with a certificate that chains to an IGTF trust anchor and is not on the CA's CRL.</li>
 *   <li>With {@code true} a DN counts only when an issued certificate for it is in its validity at the instant asked
 *       and not revoked, in the table {@code identity_certificate (subject_dn, not_before, not_after, revoked_at)}
 *       kept by the certificate authority. The service refuses to start with {@code true} when that table does not
 *       exist, rather than answering from nothing.</li>
 * </ul>
 */
@Component
class GridmapCertificatePolicy implements CertificateStatus {

    private static final String VALID = """
            select exists (select 1 from identity_certificate where subject_dn = :dn and not_before <= :at
                and :at < not_after and (revoked_at is null or :at < revoked_at))""";

    private final JdbcClient jdbc;
    private final boolean required;

    GridmapCertificatePolicy(JdbcClient jdbc, VoProperties properties) {
        this.jdbc = jdbc;
        this.required = properties.gridmapRequiresCertificate();
        if (required && !certificateTableExists(jdbc)) {
            throw new IllegalStateException("gridledger.identity.gridmap-requires-certificate is true, but the table "
                    + "identity_certificate does not exist; switch it off or migrate the certificate authority first");
        }
    }

    static boolean certificateTableExists(JdbcClient jdbc) {
        return jdbc.sql("select to_regclass('identity_certificate') is not null").query(Boolean.class).single();
    }

    boolean required() {
        return required;
    }

    @Override
    public boolean hasValidCertificate(String subjectDn, Instant at) {
        if (!required) {
            return true;
        }
        return jdbc.sql(VALID).param("dn", subjectDn).param("at", at.atOffset(ZoneOffset.UTC))
                .query(Boolean.class).single();
    }
}
