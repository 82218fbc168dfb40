package org.gridledger.identity.ca;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.gridledger.domain.identity.CertificateRequestId;
import org.gridledger.domain.identity.CertificateVetting;

import java.time.Instant;

/**
 * The renewal rule: a certificate may be renewed with a new key while it is valid (issued, not revoked, not expired),
 * by its holder, for the same DN; the renewal relies on the vetting of the original request.
 */
public interface RenewalPolicy {

    /** The vetting the renewal inherits; throws RENEWAL_INVALID when {@code previous} cannot be renewed so. */
    CertificateVetting inheritedVetting(CertificateRequestId previous, String requester, String subjectDn,
                                        SubjectPublicKeyInfo newKey, Instant now);
}
