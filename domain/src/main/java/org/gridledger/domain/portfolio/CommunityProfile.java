package org.gridledger.domain.portfolio;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The constraints that make each community different and that the portfolio must honour: its discipline, how secure
 * and how data-protected its work must be, its users' IT knowledge and number, its job and resource types, its legal
 * and business constraints, how it is organised, and its international partners.
 */
public record CommunityProfile(String discipline, SecurityLevel securityLevel, DataProtectionClass dataProtectionClass,
                               ItKnowledge itKnowledge, int expectedUsers, Set<JobType> jobTypes,
                               Set<ResourceType> resourceTypes, String legalConstraints, String businessConstraints,
                               String organisationalStructure, List<String> internationalPartners) {

    public CommunityProfile {
        // sorted (declaration order), so that the profile reads and serialises the same way every time
        jobTypes = jobTypes == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(jobTypes));
        resourceTypes = resourceTypes == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(resourceTypes));
        internationalPartners = internationalPartners == null ? List.of() : List.copyOf(internationalPartners);
    }
}
