package org.gridledger.domain.identity;

/** Where a certificate request stands: SUBMITTED → ISSUED (→ REVOKED) or SUBMITTED → REJECTED. */
public enum CertificateRequestStatus {
    SUBMITTED, REJECTED, ISSUED, REVOKED
}
