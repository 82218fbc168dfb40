package org.gridledger.identity.ca;

import org.gridledger.domain.identity.CertificateRequestId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the revocation state and the PEM of issued certificates from {@code identity_certificate}: certificate login
 * asks here whether a presented certificate is revoked (the same state every CRL is signed from, so login never
 * trusts a stale CRL), and the holder downloads the PEM from here.
 */
@Component
public class IssuedCertificates {

    /** What login and downloads need of an issued certificate. */
    public record Status(String serial, CertificateRequestId requestId, String requester, String subjectDn,
                         Instant notAfter, Instant revokedAt, String pem) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    private final JdbcClient jdbc;

    IssuedCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Status> bySerial(String serialHex) {
        return jdbc.sql(SELECT + " where serial = :serial").param("serial", serialHex).query(this::row).optional();
    }

    public Optional<Status> byRequest(CertificateRequestId requestId) {
        return jdbc.sql(SELECT + " where request_id = :id").param("id", requestId.value()).query(this::row).optional();
    }

    /** Certificates of {@code subjectDn} that are neither revoked nor expired at {@code at}. */
    public List<Status> validOf(String subjectDn, Instant at) {
        return jdbc.sql(SELECT + " where subject_dn = :dn and revoked_at is null and :at < not_after order by serial")
                .param("dn", subjectDn).param("at", at.atOffset(ZoneOffset.UTC)).query(this::row).list();
    }

    private static final String SELECT = """
            select serial, request_id, requester, subject_dn, not_after, revoked_at, certificate_pem
            from identity_certificate""";

    private Status row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Status(rs.getString("serial"), new CertificateRequestId(rs.getObject("request_id", UUID.class)),
                rs.getString("requester"), rs.getString("subject_dn"),
                rs.getObject("not_after", OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant(), rs.getString("certificate_pem"));
    }
}
