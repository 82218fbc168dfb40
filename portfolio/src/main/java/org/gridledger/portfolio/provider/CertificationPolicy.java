package org.gridledger.portfolio.provider;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.Certification;

/**
 * What makes a certification acceptable: type and both validity dates are given, the issuer has at most 200
 * characters, and the validity ends after it begins ({@code validUntil} is the first day it no longer holds).
 */
final class CertificationPolicy {

    static final int MAX_ISSUER = 200;

    private CertificationPolicy() {
    }

    static Certification requireValid(Certification certification) {
        if (certification == null || certification.type() == null || certification.validFrom() == null
                || certification.validUntil() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "a certification needs type, validFrom and validUntil");
        }
        String issuer = certification.issuedBy() == null || certification.issuedBy().isBlank()
                ? null : certification.issuedBy().strip();
        if (issuer != null && issuer.length() > MAX_ISSUER) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "issuedBy is limited to " + MAX_ISSUER + " characters");
        }
        if (!certification.validUntil().isAfter(certification.validFrom())) {
            throw DomainException.of(ErrorCode.CERTIFICATION_INVALID, "validUntil (%s) must lie after validFrom (%s)",
                    certification.validUntil(), certification.validFrom());
        }
        return new Certification(certification.type(), issuer, certification.validFrom(), certification.validUntil());
    }
}
