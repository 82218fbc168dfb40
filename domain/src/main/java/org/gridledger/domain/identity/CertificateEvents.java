package org.gridledger.domain.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Events of the CertificateRequest aggregate. */
public final class CertificateEvents {

    private CertificateEvents() {
    }

    /**
     * A CSR passed every check and its DN is bound to {@code requester}.
     *
     * @param keyDescription e.g. "RSA 2048" or "EC P-256"
     */
    @Revision("1")
    public record CertificateRequestSubmittedEvent(CertificateRequestId requestId, String requester, String subjectDn,
                                                   String keyDescription, String csrPem,
                                                   CertificateRequestId renewalOf, Instant submittedAt) {
    }

    @Revision("1")
    public record CertificateRequestVettedEvent(CertificateRequestId requestId, CertificateVetting vetting,
                                                Instant recordedAt) {
    }

    @Revision("1")
    public record CertificateRequestRejectedEvent(CertificateRequestId requestId, String operator, String reason,
                                                  Instant rejectedAt) {
    }

    /** The CA signed the certificate; {@code serial} is lower-case hex. */
    @Revision("1")
    public record CertificateIssuedEvent(CertificateRequestId requestId, String requester, String serial,
                                         String subjectDn, String issuerDn, Instant notBefore, Instant notAfter,
                                         String certificatePem, String approvedBy, Instant issuedAt) {
    }

    @Revision("1")
    public record CertificateRevokedEvent(CertificateRequestId requestId, String serial, String subjectDn,
                                          CertificateRevocationReason reason, String revokedBy, Instant revokedAt) {
    }
}
