package org.gridledger.portfolio.community;

import org.gridledger.domain.portfolio.CommunityEvents.CommunityRegisteredEvent;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityProfile;
import org.gridledger.domain.portfolio.DataProtectionClass;
import org.gridledger.domain.portfolio.ItKnowledge;
import org.gridledger.domain.portfolio.JobType;
import org.gridledger.domain.portfolio.ResourceType;
import org.gridledger.domain.portfolio.SecurityLevel;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Sample community profiles shared by the aggregate and projection tests. */
final class CommunitySamples {

    static final String NAME = "Climate Modelling";

    private CommunitySamples() {
    }

    /** A consistent profile: climate research, internal data, standard security, batch and MPI jobs. */
    static CommunityProfile climateProfile() {
        return profile(SecurityLevel.STANDARD, DataProtectionClass.INTERNAL, 120);
    }

    /** A consistent profile handling personal medical data under high security. */
    static CommunityProfile medicalProfile() {
        return profile(SecurityLevel.HIGH, DataProtectionClass.PERSONAL_MEDICAL, 40);
    }

    static CommunityProfile profile(SecurityLevel security, DataProtectionClass protection, int expectedUsers) {
        return new CommunityProfile("Earth sciences", security, protection, ItKnowledge.INTERMEDIATE, expectedUsers,
                Set.of(JobType.SERIAL_BATCH, JobType.MPI_PARALLEL), Set.of(ResourceType.CPU, ResourceType.STORAGE),
                "EU data only", "Funded until 2029", "Three institutes, one steering board", List.of("CERN", "ECMWF"));
    }

    static CommunityRegisteredEvent registered(CommunityId id, LocalDate on) {
        return new CommunityRegisteredEvent(id, NAME, climateProfile(), on);
    }
}
