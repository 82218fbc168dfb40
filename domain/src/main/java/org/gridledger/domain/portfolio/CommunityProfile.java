package org.gridledger.domain.portfolio;

import java.util.List;
import java.util.Set;

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
        jobTypes = jobTypes == null ? Set.of() : Set.copyOf(jobTypes);
        resourceTypes = resourceTypes == null ? Set.of() : Set.copyOf(resourceTypes);
        internationalPartners = internationalPartners == null ? List.of() : List.copyOf(internationalPartners);
    }
}
