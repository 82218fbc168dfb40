package org.gridledger.domain.accounting;

import org.gridledger.domain.accounting.JobEvents.CancelledBy;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.DataProtectionClass;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Pagination;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Queries about jobs and their results. */
public final class JobQueries {

    private JobQueries() {
    }

    /**
     * Who may see which jobs: everything, or the union of the jobs on the resources of {@code providers}, those of
     * {@code communities} and those {@code owner} submitted (each null when it does not apply).
     */
    public record JobVisibility(boolean all, Set<ProviderId> providers, Set<CommunityId> communities, String owner) {

        public static JobVisibility everything() {
            return new JobVisibility(true, null, null, null);
        }
    }

    /** Lists jobs, newest first, optionally in one state or on one resource. */
    public record FindJobsQuery(JobVisibility visibility, JobState state, ResourceId resourceId,
                                Pagination pagination) {
    }

    public record FindJobQuery(JobId jobId) {
    }

    /** The emergency jobs submitted in {@code [from, until)}, oldest first: the emergency report. */
    public record FindEmergencyJobsQuery(JobVisibility visibility, Instant from, Instant until,
                                         Pagination pagination) {
    }

    public record JobView(JobId jobId, ResourceId resourceId, ProviderId providerId, String siteName, String owner,
                          String subjectDn, String fqan, String voName, CommunityId communityId, int cores,
                          Duration wallTimeLimit, DataProtectionClass dataProtectionClass,
                          DataProtectionClass requiredProtection, boolean emergency, String emergencyReason,
                          JobState state, Instant submittedAt, Instant queuedAt, Instant startTime, Instant endTime,
                          Long wallSeconds, Long cpuSeconds, Instant finishedAt, CancelledBy cancelledBy,
                          String note, boolean usageRecorded) {
    }

    public record JobPageView(List<JobView> items, int page, int size, long totalItems) {
    }
}
