package org.gridledger.domain.identity;

/**
 * The CRL reason codes of RFC 5280 section 5.3.1 that a user certificate can be revoked for, with their code.
 * {@code removeFromCRL} (8) is left out: GridLedger never un-revokes.
 */
public enum CertificateRevocationReason {
    UNSPECIFIED(0), KEY_COMPROMISE(1), CA_COMPROMISE(2), AFFILIATION_CHANGED(3), SUPERSEDED(4),
    CESSATION_OF_OPERATION(5), CERTIFICATE_HOLD(6), PRIVILEGE_WITHDRAWN(9), AA_COMPROMISE(10);

    private final int code;

    CertificateRevocationReason(int code) {
        this.code = code;
    }

    /** The reason code as written into the CRL entry. */
    public int code() {
        return code;
    }
}
