package org.gridledger.domain.accounting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.domain.portfolio.DataProtectionClass;

import java.time.Duration;
import java.time.Instant;

/** Commands of the Job aggregate. */
public final class JobCommands {

    private JobCommands() {
    }

    /**
     * A member submits a job under one of its FQANs. {@code owner} is the submitting account (who may cancel it),
     * {@code subjectDn} the member's certificate subject; {@code emergency} asks for emergency priority, which the
     * member's VO role must grant and which needs a reason.
     */
    public record SubmitJobCommand(@TargetAggregateIdentifier JobId jobId, ResourceId resourceId, String owner,
                                   String subjectDn, String fqan, int cores, Duration wallTimeLimit,
                                   DataProtectionClass dataProtectionClass, boolean emergency,
                                   String emergencyReason) {
    }

    /**
     * The site reports the job's new state. A RUNNING report may give the start time (the report's time otherwise);
     * a SUCCESSFUL report must give start, end, wall and CPU seconds, a FAILED report may (all four or none).
     */
    public record ReportJobStateCommand(@TargetAggregateIdentifier JobId jobId, JobState state, Instant startTime,
                                        Instant endTime, Long wallSeconds, Long cpuSeconds, String note) {
    }

    /** The owner cancels a job that has not finished. */
    public record CancelJobCommand(@TargetAggregateIdentifier JobId jobId, String reason) {
    }

    /**
     * An emergency suspension of the person whose DN the job runs under cancels it, if it has not finished: its
     * credentials are no longer trusted.
     */
    public record CancelJobInEmergencyCommand(@TargetAggregateIdentifier JobId jobId, PersonSuspensionId suspensionId,
                                              String reason) {
    }
}
