package org.gridledger.domain.identity;

import java.time.LocalDate;

/**
 * How an RA operator established the requester's identity. The document number itself is never kept: only a salted
 * SHA-256 hash of it ({@code documentNumberHash}, "sha256:&lt;salt&gt;:&lt;hash&gt;", or null when none was given).
 *
 * @param method             how the person was met (IGTF classic: in person)
 * @param documentType       kind of photo identification seen, e.g. "PASSPORT", "ID_CARD"
 * @param documentNumberHash salted hash of the document number, or null
 * @param operator           the RA operator's account
 * @param vettedOn           the day of the meeting
 * @param inheritedFrom      for a renewal, the request whose vetting this one relies on; null for a fresh vetting
 */
public record CertificateVetting(CsrVettingMethod method, String documentType, String documentNumberHash,
                                 String operator, LocalDate vettedOn, CertificateRequestId inheritedFrom) {
}
