package org.gridledger.domain.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Commands of the CertificateRequest aggregate (a request and, once issued, its certificate). */
public final class CertificateCommands {

    private CertificateCommands() {
    }

    /**
     * Submits a PKCS#10 CSR (PEM) for the account {@code requester}. With {@code renewalOf} it renews the certificate
     * of that earlier request: same holder, same DN, a new key, and the earlier vetting is relied upon.
     */
    public record SubmitCertificateRequestCommand(@TargetAggregateIdentifier CertificateRequestId requestId,
                                                  String requester, String csrPem, CertificateRequestId renewalOf) {
    }

    /** Records how an RA operator vetted the requester; the document number is hashed before it becomes an event. */
    public record RecordVettingCommand(@TargetAggregateIdentifier CertificateRequestId requestId,
                                       CsrVettingMethod method, String documentType, String documentNumber,
                                       LocalDate vettedOn, String operator) {
    }

    /** Approves a vetted request; the CA issues the certificate at once. */
    public record ApproveCertificateRequestCommand(@TargetAggregateIdentifier CertificateRequestId requestId,
                                                   String operator) {
    }

    public record RejectCertificateRequestCommand(@TargetAggregateIdentifier CertificateRequestId requestId,
                                                  String operator, String reason) {
    }

    /** Revokes the request's certificate; {@code revokedBy} is the holder, an RA operator or staff. */
    public record RevokeCertificateCommand(@TargetAggregateIdentifier CertificateRequestId requestId,
                                           CertificateRevocationReason reason, String revokedBy) {
    }
}
