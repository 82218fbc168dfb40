package org.gridledger.identity.vo;

import java.time.Instant;

/**
 * Whether a certificate subject holds a valid grid certificate: the grid-mapfile of a VO lists a member only when this
 * says so. The application decides the policy behind it (see the identity README); the VO feature only asks.
 */
public interface CertificateStatus {

    /** True when {@code subjectDn} holds a certificate that is issued, in its validity at {@code at} and not revoked. */
    boolean hasValidCertificate(String subjectDn, Instant at);
}
