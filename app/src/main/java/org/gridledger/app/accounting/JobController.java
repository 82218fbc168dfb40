package org.gridledger.app.accounting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CommunityScope;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.security.ProviderScope;
import org.gridledger.app.security.Role;
import org.gridledger.app.web.Created;
import org.gridledger.domain.accounting.JobCommands.CancelJobCommand;
import org.gridledger.domain.accounting.JobCommands.ReportJobStateCommand;
import org.gridledger.domain.accounting.JobCommands.SubmitJobCommand;
import org.gridledger.domain.accounting.JobId;
import org.gridledger.domain.accounting.JobQueries.FindEmergencyJobsQuery;
import org.gridledger.domain.accounting.JobQueries.FindJobQuery;
import org.gridledger.domain.accounting.JobQueries.FindJobsQuery;
import org.gridledger.domain.accounting.JobQueries.JobPageView;
import org.gridledger.domain.accounting.JobQueries.JobView;
import org.gridledger.domain.accounting.JobQueries.JobVisibility;
import org.gridledger.domain.accounting.JobState;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.DataProtectionClass;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.gridledger.domain.shared.Pagination;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Jobs. A member submits a job under one of its FQANs and may cancel it until it finishes; the site (a PROVIDER
 * account of the resource's provider) reports its states. Staff and finance see every job, a provider those on its
 * resources, a community admin those of its communities, a member its own. The emergency report lists the jobs that
 * ran with emergency priority in a period.
 *
 * <p>The member's DN: the caller names its certificate subject in {@code subjectDn}, and the job rules check that the
 * DN is the caller's (its certificate login's DN, a DN bound to its account, or one it asked a VO membership as) and
 * that it holds the FQAN.
 */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs")
class JobController {

    record SubmitJobRequest(@NotNull ResourceId resourceId, @NotBlank @Size(max = 512) String subjectDn,
                            @NotBlank @Size(max = 512) String fqan, @NotNull @Positive Integer cores,
                            @NotNull Duration wallTimeLimit, @NotNull DataProtectionClass dataProtectionClass,
                            Boolean emergency, @Size(max = 2000) String emergencyReason) {
    }

    record StateReport(@NotNull JobState state, Instant startTime, Instant endTime, @PositiveOrZero Long wallSeconds,
                       @PositiveOrZero Long cpuSeconds, @Size(max = 2000) String note) {
    }

    record CancelRequest(@Size(max = 2000) String reason) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final ProviderScope providers;
    private final CommunityScope communities;
    private final Clock clock;

    JobController(CommandSender commands, Queries queries, ProviderScope providers, CommunityScope communities,
                  Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.providers = providers;
        this.communities = communities;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Submit a job under an FQAN the subject DN holds, optionally with emergency priority")
    ResponseEntity<JobView> submit(@Valid @RequestBody SubmitJobRequest request) {
        JobId id = JobId.random();
        boolean emergency = Boolean.TRUE.equals(request.emergency());
        commands.send(new SubmitJobCommand(id, request.resourceId(), CurrentPrincipal.get().username(),
                request.subjectDn(), request.fqan(), request.cores(), request.wallTimeLimit(),
                request.dataProtectionClass(), emergency, request.emergencyReason()),
                emergency ? request.emergencyReason() : null);
        return created(id);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER','COMMUNITY_ADMIN','MEMBER')")
    @Operation(summary = "Jobs visible to the caller, newest first, optionally in one state or on one resource")
    JobPageView list(@RequestParam(required = false) JobState state,
                     @RequestParam(required = false) ResourceId resourceId,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.ask(new FindJobsQuery(visibility(CurrentPrincipal.get()), state, resourceId,
                new Pagination(page, size)), JobPageView.class);
    }

    @GetMapping("/emergencies")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE')")
    @Operation(summary = "The emergency report: jobs submitted with emergency priority from a day up to, not including, "
            + "another (default the current month, in the organisation's time zone), with their reasons")
    JobPageView emergencies(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        LocalDate start = from == null ? LocalDate.now(clock).withDayOfMonth(1) : from;
        LocalDate end = until == null ? start.withDayOfMonth(1).plusMonths(1) : until;
        return queries.ask(new FindEmergencyJobsQuery(visibility(CurrentPrincipal.get()),
                start.atStartOfDay(clock.getZone()).toInstant(), end.atStartOfDay(clock.getZone()).toInstant(),
                new Pagination(page, size)), JobPageView.class);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER','COMMUNITY_ADMIN','MEMBER')")
    @Operation(summary = "One job with its state, times and measures")
    JobView get(@PathVariable JobId id) {
        JobView job = find(id);
        JobVisibility visibility = visibility(CurrentPrincipal.get());
        if (!visibility.all() && !sees(visibility, job)) {
            throw DomainException.of(ErrorCode.OUT_OF_SCOPE, "job %s lies outside the scope of %s", id,
                    CurrentPrincipal.get().username());
        }
        return job;
    }

    @PostMapping("/{id}/state")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "The site reports the job's next state; a finished job with measures hands over its usage")
    ResponseEntity<JobView> report(@PathVariable JobId id, @Valid @RequestBody StateReport report) {
        providers.requireToAct(CurrentPrincipal.get(), find(id).providerId());
        commands.send(new ReportJobStateCommand(id, report.state(), report.startTime(), report.endTime(),
                report.wallSeconds(), report.cpuSeconds(), report.note()));
        return created(id);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "The member who submitted the job cancels it before it finishes")
    ResponseEntity<JobView> cancel(@PathVariable JobId id, @Valid @RequestBody(required = false) CancelRequest request) {
        GridPrincipal principal = CurrentPrincipal.get();
        if (!find(id).owner().equals(principal.username())) {
            throw DomainException.of(ErrorCode.OUT_OF_SCOPE, "job %s was submitted by another member", id);
        }
        String reason = request == null ? null : request.reason();
        commands.send(new CancelJobCommand(id, reason), reason);
        return created(id);
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "The job's events with who, when, correlation id and reason")
    AuditTrailView history(@PathVariable JobId id) {
        find(id);
        return queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
    }

    /** Everything for staff and finance; otherwise the jobs of the caller's providers, communities and its own. */
    private JobVisibility visibility(GridPrincipal principal) {
        Set<ProviderId> providerIds = providers.visibleTo(principal);
        if (providerIds == null) {
            return JobVisibility.everything();
        }
        Set<CommunityId> communityIds = principal.has(Role.COMMUNITY_ADMIN) ? communities.visibleTo(principal) : null;
        String owner = principal.has(Role.MEMBER) ? principal.username() : null;
        return new JobVisibility(false, providerIds, communityIds, owner);
    }

    private static boolean sees(JobVisibility visibility, JobView job) {
        return visibility.providers() != null && visibility.providers().contains(job.providerId())
                || visibility.communities() != null && visibility.communities().contains(job.communityId())
                || job.owner().equals(visibility.owner());
    }

    private ResponseEntity<JobView> created(JobId id) {
        return Created.at("/api/v1/jobs/" + id, () -> find(id));
    }

    private JobView find(JobId id) {
        return queries.ask(new FindJobQuery(id), JobView.class);
    }
}
