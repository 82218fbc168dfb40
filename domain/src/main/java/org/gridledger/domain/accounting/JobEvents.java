package org.gridledger.domain.accounting;

import org.axonframework.serialization.Revision;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.DataProtectionClass;
import org.gridledger.domain.portfolio.ProviderId;

import java.time.Duration;
import java.time.Instant;

/** Events of the Job aggregate. */
public final class JobEvents {

    private JobEvents() {
    }

    /** Who ended a job before it finished: its owner, its site, or an emergency suspension of its person. */
    public enum CancelledBy { OWNER, SITE, EMERGENCY }

    /**
     * A job accepted for its resource. {@code voName} and {@code communityId} are those of the FQAN's VO at
     * submission; {@code requiredProtection} is the stricter of the job's class and its community's profile, which
     * decided the placement; {@code emergency} with its {@code emergencyReason} marks emergency priority.
     */
    @Revision("1")
    public record JobSubmittedEvent(JobId jobId, ResourceId resourceId, ProviderId providerId, String siteName,
                                    String owner, String subjectDn, String fqan, String voName,
                                    CommunityId communityId, int cores, Duration wallTimeLimit,
                                    DataProtectionClass dataProtectionClass, DataProtectionClass requiredProtection,
                                    boolean emergency, String emergencyReason, Instant submittedAt) {
    }

    @Revision("1")
    public record JobQueuedEvent(JobId jobId, Instant reportedAt, String note) {
    }

    @Revision("1")
    public record JobStartedEvent(JobId jobId, Instant startTime, Instant reportedAt, String note) {
    }

    /**
     * The job ended SUCCESSFUL or FAILED. The measures (start, end, wall and CPU seconds) are all given, or all null
     * for a job that failed without running.
     */
    @Revision("1")
    public record JobFinishedEvent(JobId jobId, JobState outcome, Instant startTime, Instant endTime,
                                   Long wallSeconds, Long cpuSeconds, Instant reportedAt, String note) {
    }

    @Revision("1")
    public record JobCancelledEvent(JobId jobId, CancelledBy cancelledBy, Instant cancelledAt, String reason) {
    }

    /**
     * The usage of a finished job, handed over to usage accounting: applied right after a {@link JobFinishedEvent}
     * that carries measures. The record's site is the resource's APEL site name and its local job id the job id, so
     * that the usage pipeline deduplicates it against the site's own upload of the same job.
     */
    @Revision("1")
    public record JobUsageRecordedEvent(JobId jobId, ResourceId resourceId, UsageRecord usageRecord,
                                        Instant recordedAt) {
    }
}
