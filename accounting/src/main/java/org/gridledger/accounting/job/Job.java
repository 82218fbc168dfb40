package org.gridledger.accounting.job;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.accounting.job.JobResources.ResourceFacts;
import org.gridledger.accounting.resource.ProviderDirectory;
import org.gridledger.domain.accounting.JobCommands.CancelJobCommand;
import org.gridledger.domain.accounting.JobCommands.CancelJobInEmergencyCommand;
import org.gridledger.domain.accounting.JobCommands.ReportJobStateCommand;
import org.gridledger.domain.accounting.JobCommands.SubmitJobCommand;
import org.gridledger.domain.accounting.JobEvents.CancelledBy;
import org.gridledger.domain.accounting.JobEvents.JobCancelledEvent;
import org.gridledger.domain.accounting.JobEvents.JobFinishedEvent;
import org.gridledger.domain.accounting.JobEvents.JobQueuedEvent;
import org.gridledger.domain.accounting.JobEvents.JobStartedEvent;
import org.gridledger.domain.accounting.JobEvents.JobSubmittedEvent;
import org.gridledger.domain.accounting.JobEvents.JobUsageRecordedEvent;
import org.gridledger.domain.accounting.JobId;
import org.gridledger.domain.accounting.JobState;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.DataProtectionClass;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A job a member submitted to a compute resource. Rules at submission ({@link JobRules}): valid fields; a resource in
 * service with at least the job's cores, of a provider that is not suspended; the subject DN is the submitter's and
 * holds the FQAN in its VO;
 * medical data only where certified ({@link PlacementPolicy}); emergency priority only with the VO role that grants
 * it and a reason. Afterwards the site reports the states in order ({@link JobState#canMoveTo}; repeating the current
 * unfinished state changes nothing), the owner may cancel until the job finishes, and a finished job with measures
 * hands its usage record over ({@link JobUsage}).
 */
@Aggregate
class Job {

    @AggregateIdentifier
    private JobId jobId;
    private JobState state;
    private JobSubmittedEvent submission;
    private Instant startTime;

    Job() {
        // for Axon
    }

    @CommandHandler
    Job(SubmitJobCommand command, JobResources resources, ProviderDirectory providers, Memberships memberships,
        CommunityProfiles communities, EmergencyRole emergencyRole, Clock clock) {
        Instant now = clock.instant();
        JobRules.Request request = JobRules.request(command);
        ResourceFacts resource = resources.find(request.resourceId()).orElseThrow(() ->
                DomainException.of(ErrorCode.RESOURCE_NOT_FOUND, "no resource %s", request.resourceId()));
        if (resource.retired()) {
            throw DomainException.of(ErrorCode.RESOURCE_RETIRED, "resource %s is retired", resource.resourceId());
        }
        if (request.cores() > resource.cores()) {
            throw DomainException.of(ErrorCode.JOB_CORES_EXCEED_RESOURCE, "the job asks for %d cores, resource %s has %d",
                    request.cores(), resource.resourceId(), resource.cores());
        }
        ProviderDirectory.Standing standing = providers.standing(resource.providerId()).orElseThrow(() ->
                DomainException.of(ErrorCode.PROVIDER_NOT_FOUND, "no provider %s", resource.providerId()));
        if (standing.suspended()) {
            throw DomainException.of(ErrorCode.PROVIDER_SUSPENDED, "provider %s is suspended", resource.providerId());
        }
        Memberships.Vo vo = memberships.findVo(request.fqan().vo()).orElseThrow(() ->
                DomainException.of(ErrorCode.VO_NOT_FOUND, "no VO %s", request.fqan().vo()));
        if (!memberships.isSubjectOf(request.owner(), request.subjectDn())) {
            throw DomainException.of(ErrorCode.JOB_SUBJECT_NOT_SUBMITTERS, "%s is not a subject DN of %s",
                    request.subjectDn(), request.owner());
        }
        if (!memberships.holdsFqan(request.subjectDn(), request.fqan().text(), now)) {
            throw DomainException.of(ErrorCode.JOB_FQAN_NOT_HELD, "%s does not hold %s", request.subjectDn(),
                    request.fqan().text());
        }
        DataProtectionClass community = communities.dataProtectionClass(vo.communityId()).orElseThrow(() ->
                DomainException.of(ErrorCode.COMMUNITY_NOT_FOUND, "no community %s owns VO %s", vo.communityId(),
                        vo.name()));
        DataProtectionClass required = PlacementPolicy.required(request.dataProtectionClass(), community);
        PlacementPolicy.requirePlaceable(required, resource, providers, LocalDate.now(clock));
        if (request.emergency()
                && !memberships.roleGrants(request.subjectDn(), vo.name(), emergencyRole.name(), now)) {
            throw DomainException.of(ErrorCode.JOB_EMERGENCY_NOT_GRANTED,
                    "%s holds no role %s in VO %s, which emergency priority needs", request.subjectDn(),
                    emergencyRole.name(), vo.name());
        }
        apply(new JobSubmittedEvent(command.jobId(), resource.resourceId(), resource.providerId(), resource.siteName(),
                request.owner(), request.subjectDn(), request.fqan().text(), vo.name(), vo.communityId(),
                request.cores(), request.wallTimeLimit(), request.dataProtectionClass(), required,
                request.emergency(), request.emergencyReason(), now));
    }

    @CommandHandler
    void handle(ReportJobStateCommand command, JobResources resources, Clock clock) {
        JobState target = JobRules.required(command.state(), "state");
        String note = JobRules.note(command.note());
        if (target == state && !state.isFinal()) {
            return;
        }
        requireTransition(target);
        Instant now = clock.instant();
        switch (target) {
            case QUEUED -> apply(new JobQueuedEvent(jobId, now, note));
            case RUNNING -> apply(new JobStartedEvent(jobId,
                    JobRules.startTime(command.startTime() == null ? now : command.startTime(), now), now, note));
            case CANCELLED -> apply(new JobCancelledEvent(jobId, CancelledBy.SITE, now, note));
            case SUCCESSFUL, FAILED -> finish(command, target, note, now, resources);
            default -> throw new IllegalStateException("unreachable: " + target);
        }
    }

    private void finish(ReportJobStateCommand command, JobState outcome, String note, Instant now,
                        JobResources resources) {
        JobRules.Measures measures = JobRules.measures(outcome,
                command.startTime() == null ? startTime : command.startTime(), command.endTime(),
                command.wallSeconds(), command.cpuSeconds(), now);
        if (measures == null) {
            apply(new JobFinishedEvent(jobId, outcome, null, null, null, null, now, note));
            return;
        }
        apply(new JobFinishedEvent(jobId, outcome, measures.start(), measures.end(), measures.wallSeconds(),
                measures.cpuSeconds(), now, note));
        ResourceId resourceId = submission.resourceId();
        apply(new JobUsageRecordedEvent(jobId, resourceId, JobUsage.record(submission, measures,
                resources.find(resourceId).map(ResourceFacts::batchSystem).orElse(null),
                resources.hs06At(resourceId, measures.end()).orElse(null)), now));
    }

    @CommandHandler
    void handle(CancelJobCommand command, Clock clock) {
        requireTransition(JobState.CANCELLED);
        apply(new JobCancelledEvent(jobId, CancelledBy.OWNER, clock.instant(), JobRules.note(command.reason())));
    }

    /** An emergency suspension cancels the job unless it has finished; a finished job is left as it is. */
    @CommandHandler
    void handle(CancelJobInEmergencyCommand command, Clock clock) {
        if (state.isFinal()) {
            return;
        }
        String note = "Emergency suspension " + command.suspensionId() + ": " + command.reason();
        apply(new JobCancelledEvent(jobId, CancelledBy.EMERGENCY, clock.instant(),
                JobRules.note(note.length() > JobRules.MAX_TEXT ? note.substring(0, JobRules.MAX_TEXT) : note)));
    }

    private void requireTransition(JobState target) {
        if (!state.canMoveTo(target)) {
            throw DomainException.of(ErrorCode.JOB_TRANSITION_INVALID, "job %s is %s and cannot become %s; from %s it "
                    + "can become %s", jobId, state, target, state, state.next());
        }
    }

    @EventSourcingHandler
    void on(JobSubmittedEvent event) {
        jobId = event.jobId();
        submission = event;
        state = JobState.SUBMITTED;
    }

    @EventSourcingHandler
    void on(JobQueuedEvent event) {
        state = JobState.QUEUED;
    }

    @EventSourcingHandler
    void on(JobStartedEvent event) {
        state = JobState.RUNNING;
        startTime = event.startTime();
    }

    @EventSourcingHandler
    void on(JobFinishedEvent event) {
        state = event.outcome();
    }

    @EventSourcingHandler
    void on(JobCancelledEvent event) {
        state = JobState.CANCELLED;
    }
}
