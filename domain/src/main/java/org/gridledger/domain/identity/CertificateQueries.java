package org.gridledger.domain.identity;

import org.gridledger.domain.shared.Pagination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries of certificate requests and certificates, with their views. */
public final class CertificateQueries {

    private CertificateQueries() {
    }

    public record FindCertificateRequestQuery(CertificateRequestId requestId) {
    }

    /** Requests of one requester, or of everyone when {@code requester} is null; optionally in one status. */
    public record FindCertificateRequestsQuery(String requester, CertificateRequestStatus status,
                                              Pagination pagination) {
    }

    /** Whether {@code subjectDn} holds a certificate that is valid (issued, not expired, not revoked) at {@code at}. */
    public record CheckValidCertificateQuery(String subjectDn, Instant at) {
    }

    public record ValidCertificateView(String subjectDn, Instant at, boolean valid) {
    }

    public record CertificateRequestView(CertificateRequestId requestId, String requester, String subjectDn,
                                         String keyDescription, CertificateRequestStatus status,
                                         CertificateRequestId renewalOf, Instant submittedAt,
                                         CsrVettingMethod vettingMethod, String vettingDocumentType,
                                         String vettingOperator, LocalDate vettedOn,
                                         CertificateRequestId vettingInheritedFrom, String decidedBy,
                                         String rejectionReason, CertificateView certificate) {
    }

    public record CertificateView(String serial, String subjectDn, String issuerDn, Instant notBefore,
                                  Instant notAfter, Instant revokedAt, CertificateRevocationReason revocationReason) {
    }

    public record CertificateRequestPageView(List<CertificateRequestView> items, int page, int size, long totalItems) {
    }
}
