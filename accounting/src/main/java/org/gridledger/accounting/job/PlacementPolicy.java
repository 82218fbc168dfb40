package org.gridledger.accounting.job;

import org.gridledger.accounting.resource.ProviderDirectory;
import org.gridledger.accounting.job.JobResources.ResourceFacts;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.DataProtectionClass;

import java.time.LocalDate;

/**
 * Where personal medical data may run: a job whose own class or whose community's profile says
 * {@link DataProtectionClass#PERSONAL_MEDICAL} runs only on a resource that holds a medical-data-protection
 * certification valid on the day of submission, or whose provider holds one valid that day.
 */
final class PlacementPolicy {

    private PlacementPolicy() {
    }

    /** The stricter of the job's class and its community's. */
    static DataProtectionClass required(DataProtectionClass job, DataProtectionClass community) {
        return job.compareTo(community) >= 0 ? job : community;
    }

    static void requirePlaceable(DataProtectionClass required, ResourceFacts resource, ProviderDirectory providers,
                                 LocalDate on) {
        if (required != DataProtectionClass.PERSONAL_MEDICAL) {
            return;
        }
        boolean resourceCertified = resource.certifications().stream()
                .anyMatch(c -> c.type() == CertificationType.MEDICAL_DATA_PROTECTION && c.isValidOn(on));
        if (!resourceCertified
                && !providers.certified(resource.providerId(), CertificationType.MEDICAL_DATA_PROTECTION, on)) {
            throw DomainException.of(ErrorCode.JOB_PLACEMENT_REFUSED,
                    "personal medical data cannot run on resource %s: neither it nor its provider holds a medical "
                            + "data protection certification valid on %s", resource.resourceId(), on);
        }
    }
}
