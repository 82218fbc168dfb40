package org.gridledger.domain.portfolio;

import java.time.LocalDate;

/**
 * A certification a provider holds: its type, who issued it, and the half-open validity {@code [validFrom,
 * validUntil)}, so that a certificate "valid until 31 December" is recorded with {@code validUntil} 1 January.
 */
public record Certification(CertificationType type, String issuedBy, LocalDate validFrom, LocalDate validUntil) {

    /** Whether the certification is in force on {@code day}. */
    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && day.isBefore(validUntil);
    }
}
