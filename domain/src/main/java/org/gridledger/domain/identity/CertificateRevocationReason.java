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

    /**
     * Whether the reason applies to a grid user certificate at all: {@code aACompromise} is for attribute
     * certificates, and {@code certificateHold} is a temporary revocation that GridLedger, which never un-revokes,
     * cannot lift.
     */
    public boolean appliesToUserCertificates() {
        return this != AA_COMPROMISE && this != CERTIFICATE_HOLD;
    }

    /**
     * Whether the holder may give the reason for their own certificate: unspecified, keyCompromise,
     * affiliationChanged, superseded, cessationOfOperation. A CA compromise and a withdrawn privilege are the RA's and
     * staff's to declare.
     */
    public boolean holderMayGive() {
        return switch (this) {
            case UNSPECIFIED, KEY_COMPROMISE, AFFILIATION_CHANGED, SUPERSEDED, CESSATION_OF_OPERATION -> true;
            default -> false;
        };
    }
}
