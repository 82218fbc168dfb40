package org.gridledger.reporting.billing;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.JobParametersInvalidException;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.JobRestartException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts billing runs and reports on them. A run is launched in the background and answered at once with its id;
 * {@link #run(long)} shows its progress. A period is billed only once it has ended (in the organisation's time zone).
 * An issuing run of a period that failed is continued by starting it again.
 */
@Service
public class BillingRuns {

    private final JobRepository jobRepository;
    private final JobExplorer jobExplorer;
    private final Job job;
    private final BillStore bills;
    private final Clock clock;
    private final TaskExecutorJobLauncher launcher;

    public BillingRuns(JobRepository jobRepository, JobExplorer jobExplorer, Job billingRunJob, BillStore bills,
                       Clock clock, @Qualifier("billingRunExecutor") TaskExecutor billingRunExecutor) {
        this.jobRepository = jobRepository;
        this.jobExplorer = jobExplorer;
        this.job = billingRunJob;
        this.bills = bills;
        this.clock = clock;
        this.launcher = new TaskExecutorJobLauncher();
        launcher.setJobRepository(jobRepository);
        launcher.setTaskExecutor(billingRunExecutor);
    }

    /** Launches a run of {@code period} in the background and returns it as it starts. */
    public BillingRunView start(YearMonth period, BillingMode mode) {
        YearMonth latest = YearMonth.now(clock).minusMonths(1);
        if (mode == BillingMode.ISSUE) {
            // usage months are UTC months (by a record's end time): an issuing run closes its usage month, which it
            // cannot before the month has ended in UTC too, up to two hours after the organisation's month
            YearMonth latestInUtc = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
            latest = latestInUtc.isBefore(latest) ? latestInUtc : latest;
        }
        if (period.isAfter(latest)) {
            throw new DomainException(ErrorCode.BILLING_PERIOD_NOT_ENDED,
                    "period " + period + " has not ended yet" + (mode == BillingMode.ISSUE ? " (in UTC, where its "
                            + "usage is counted)" : "") + "; the latest period that can be billed now is " + latest);
        }
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(BillingRunConfiguration.PERIOD, period.toString())
                .addString(BillingRunConfiguration.MODE, mode.name());
        if (mode == BillingMode.DRY_RUN) {
            parameters.addString(BillingRunConfiguration.DRY_RUN_ID, UUID.randomUUID().toString());
        }
        JobParameters identifying = parameters.toJobParameters();
        JobExecution execution;
        try {
            execution = launcher.run(job, identifying);
        } catch (JobInstanceAlreadyCompleteException e) {
            throw new DomainException(ErrorCode.BILLING_RUN_COMPLETED,
                    "the issuing run for " + period + " has completed (run " + runIdOf(identifying) + ")");
        } catch (JobExecutionAlreadyRunningException e) {
            throw new DomainException(ErrorCode.BILLING_RUN_IN_PROGRESS,
                    "the issuing run for " + period + " is in progress (run " + runIdOf(identifying) + ")");
        } catch (JobRestartException | JobParametersInvalidException e) {
            throw new IllegalStateException("cannot launch the billing run for " + period, e);
        }
        return view(execution.getJobInstance());
    }

    /** The run with this id. */
    public BillingRunView run(long runId) {
        JobInstance instance = jobExplorer.getJobInstance(runId);
        if (instance == null || !BillingRunConfiguration.JOB.equals(instance.getJobName())) {
            throw new DomainException(ErrorCode.BILLING_RUN_NOT_FOUND, "no billing run " + runId);
        }
        return view(instance);
    }

    /** The latest runs, newest first. */
    public List<BillingRunView> runs(int page, int size) {
        return jobExplorer.getJobInstances(BillingRunConfiguration.JOB, page * size, size).stream()
                .map(this::view).toList();
    }

    /** The bills the run recorded so far. */
    public List<BillStore.RecordedBill> bills(long runId) {
        run(runId);
        return bills.bills(runId);
    }

    private Long runIdOf(JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(BillingRunConfiguration.JOB, parameters);
        return instance == null ? null : instance.getInstanceId();
    }

    private BillingRunView view(JobInstance instance) {
        List<JobExecution> executions = jobExplorer.getJobExecutions(instance);
        JobExecution latest = executions.stream().max(Comparator.comparing(JobExecution::getId)).orElseThrow();
        JobExecution first = executions.stream().min(Comparator.comparing(JobExecution::getId)).orElseThrow();
        Integer total = null;
        for (StepExecution step : latest.getStepExecutions()) {
            if (step.getExecutionContext().containsKey(CommunityReader.TOTAL)) {
                total = step.getExecutionContext().getInt(CommunityReader.TOTAL);
            }
        }
        Map<BillOutcome, Long> outcomes = bills.outcomes(instance.getInstanceId());
        long processed = outcomes.values().stream().mapToLong(Long::longValue).sum();
        String failure = latest.getStatus() == BatchStatus.FAILED ? latest.getExitStatus().getExitDescription() : null;
        return new BillingRunView(instance.getInstanceId(),
                latest.getJobParameters().getString(BillingRunConfiguration.PERIOD),
                BillingMode.valueOf(latest.getJobParameters().getString(BillingRunConfiguration.MODE)),
                latest.getStatus().name(), instant(first.getStartTime()), instant(latest.getEndTime()), total,
                processed, executions.size(), outcomes,
                failure == null || failure.isBlank() ? null : firstLine(failure));
    }

    private Instant instant(LocalDateTime time) {
        // Spring Batch records local times of the JVM's default zone
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
