package org.gridledger.portfolio.community;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityProfile;
import org.gridledger.domain.portfolio.DataProtectionClass;
import org.gridledger.domain.portfolio.SecurityLevel;

/**
 * What makes a community profile acceptable: discipline and the three classifications are given, the expected number
 * of users is not negative, at least one job type and one resource type are named, and a community that handles
 * personal medical data does not claim the standard security level.
 */
final class ProfilePolicy {

    static final int MAX_TEXT = 4000;

    private ProfilePolicy() {
    }

    static void requireConsistent(CommunityProfile profile) {
        if (profile == null || profile.discipline() == null || profile.discipline().isBlank()
                || profile.securityLevel() == null || profile.dataProtectionClass() == null
                || profile.itKnowledge() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "a profile needs discipline, securityLevel, dataProtectionClass and itKnowledge");
        }
        if (profile.expectedUsers() < 0) {
            throw new DomainException(ErrorCode.PROFILE_INVALID, "expectedUsers must not be negative");
        }
        if (profile.jobTypes().isEmpty() || profile.resourceTypes().isEmpty()) {
            throw new DomainException(ErrorCode.PROFILE_INVALID, "a profile names at least one job and one resource type");
        }
        if (profile.dataProtectionClass() == DataProtectionClass.PERSONAL_MEDICAL
                && profile.securityLevel() == SecurityLevel.STANDARD) {
            throw new DomainException(ErrorCode.PROFILE_INVALID,
                    "a community handling personal medical data needs an elevated or high security level");
        }
        for (String text : new String[]{profile.discipline(), profile.legalConstraints(), profile.businessConstraints(),
                profile.organisationalStructure()}) {
            if (text != null && text.length() > MAX_TEXT) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "profile texts are limited to " + MAX_TEXT + " characters");
            }
        }
        if (profile.internationalPartners().size() > 100) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "at most 100 international partners");
        }
    }
}
