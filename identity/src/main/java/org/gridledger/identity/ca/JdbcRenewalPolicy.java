package org.gridledger.identity.ca;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.CertificateRequestId;
import org.gridledger.domain.identity.CertificateVetting;
import org.gridledger.domain.identity.CsrVettingMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/** {@link RenewalPolicy} on the read model, which the submitting transaction sees as committed with the events. */
@Component
class JdbcRenewalPolicy implements RenewalPolicy {

    private final JdbcClient jdbc;

    JdbcRenewalPolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CertificateVetting inheritedVetting(CertificateRequestId previous, String requester, String subjectDn,
                                               SubjectPublicKeyInfo newKey, Instant now) {
        record Row(String requester, String subjectDn, OffsetDateTime notAfter, OffsetDateTime revokedAt, String pem,
                   String method, String documentType, String documentHash, String operator, LocalDate vettedOn,
                   UUID inheritedFrom) {
        }
        Row row = jdbc.sql("""
                        select c.requester, c.subject_dn, c.not_after, c.revoked_at, c.certificate_pem, r.vetting_method,
                               r.vetting_document_type, r.vetting_document_hash, r.vetting_operator, r.vetted_on,
                               r.vetting_inherited_from
                        from identity_certificate c join identity_certificate_request r on r.request_id = c.request_id
                        where c.request_id = :id""")
                .param("id", previous.value())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
                        rs.getObject(11, UUID.class)))
                .optional()
                .orElseThrow(() -> DomainException.of(ErrorCode.RENEWAL_INVALID, "request %s has no certificate", previous));
        if (!row.requester().equals(requester) || !row.subjectDn().equals(subjectDn)) {
            throw new DomainException(ErrorCode.RENEWAL_INVALID, "a renewal keeps the holder and the DN");
        }
        if (row.revokedAt() != null || !now.isBefore(row.notAfter().toInstant())) {
            throw new DomainException(ErrorCode.RENEWAL_INVALID, "only a valid certificate can be renewed");
        }
        byte[] oldKey = CaKeyStore.parseCertificate(row.pem()).getPublicKey().getEncoded();
        try {
            if (Arrays.equals(oldKey, newKey.getEncoded())) {
                throw new DomainException(ErrorCode.RENEWAL_INVALID, "a renewal needs a new key");
            }
        } catch (java.io.IOException e) {
            throw new DomainException(ErrorCode.CSR_MALFORMED, "the public key cannot be encoded");
        }
        CertificateRequestId origin = row.inheritedFrom() != null ? new CertificateRequestId(row.inheritedFrom()) : previous;
        return new CertificateVetting(CsrVettingMethod.valueOf(row.method()), row.documentType(), row.documentHash(),
                row.operator(), row.vettedOn(), origin);
    }
}
