package org.gridledger.identity.ca;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.CertificateRequestId;
import org.gridledger.domain.identity.CertificateVetting;
import org.gridledger.domain.identity.CsrVettingMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
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
        PublicKey oldKey = CaKeyStore.parseCertificate(row.pem()).getPublicKey();
        PublicKey candidate;
        try {
            candidate = new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPublicKey(newKey);
        } catch (org.bouncycastle.openssl.PEMException e) {
            throw new DomainException(ErrorCode.CSR_MALFORMED, "the public key cannot be read");
        }
        if (sameKey(oldKey, candidate)) {
            throw new DomainException(ErrorCode.RENEWAL_INVALID, "a renewal needs a new key");
        }
        CertificateRequestId origin = row.inheritedFrom() != null ? new CertificateRequestId(row.inheritedFrom()) : previous;
        return new CertificateVetting(CsrVettingMethod.valueOf(row.method()), row.documentType(), row.documentHash(),
                row.operator(), row.vettedOn(), origin);
    }

    /**
     * Whether two public keys are the same key, whatever their encoding: the RSA modulus, whatever the exponent (the
     * factors of the modulus are the private key; an encoding with or without NULL algorithm parameters is the same
     * key too), the EC point (compressed or not).
     */
    static boolean sameKey(PublicKey a, PublicKey b) {
        if (a instanceof RSAPublicKey ra && b instanceof RSAPublicKey rb) {
            return ra.getModulus().equals(rb.getModulus());
        }
        if (a instanceof ECPublicKey ea && b instanceof ECPublicKey eb) {
            return ea.getW().equals(eb.getW());
        }
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }
}
