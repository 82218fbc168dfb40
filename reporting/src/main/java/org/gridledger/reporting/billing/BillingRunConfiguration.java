package org.gridledger.reporting.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridledger.domain.portfolio.CommunityId;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.ItemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.YearMonth;

/**
 * The billing-run job: one chunk-oriented step that reads the communities, rates each one's month and writes the
 * bills. Its identifying parameters are the period and the mode (plus a fresh id for each dry run), so an issuing
 * run for a period is one job instance: launching it again after it completed is refused by Spring Batch, and
 * launching it after a failure restarts it where its last committed chunk ended.
 */
@Configuration(proxyBeanMethods = false)
public class BillingRunConfiguration {

    public static final String JOB = "billingRun";
    public static final String STEP = "rateAndWrite";
    public static final String PERIOD = "period";
    public static final String MODE = "mode";
    /** Makes each dry run a job instance of its own. */
    public static final String DRY_RUN_ID = "dryRunId";
    /** Communities per transaction: a failure loses at most this much work, and a chunk's invoices commit together. */
    static final int CHUNK = 10;

    /**
     * The job. An issuing run first closes the period's usage for billing (every start, so a restart finds it closed):
     * records stored after that are marked late. Closing before rating, not after, leaves no gap: a record stored
     * while the run rates is either in a community's rated month or late, and late usage is billed as the difference
     * to what was charged (ADR 0023), so it counts once either way.
     */
    @Bean
    Job billingRunJob(JobRepository jobRepository, Step billingRunStep, ObjectProvider<Invoicing> invoicing) {
        return new JobBuilder(JOB, jobRepository)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        JobParameters parameters = execution.getJobParameters();
                        if (BillingMode.ISSUE.name().equals(parameters.getString(MODE))) {
                            invoicing.getObject().closeUsage(YearMonth.parse(parameters.getString(PERIOD)));
                        }
                    }
                })
                .start(billingRunStep).build();
    }

    @Bean
    Step billingRunStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        ItemStreamReader<CommunityId> billingCommunityReader,
                        ItemProcessor<CommunityId, CommunityBill> billingProcessor,
                        ItemWriter<CommunityBill> billingWriter) {
        return new StepBuilder(STEP, jobRepository)
                .<CommunityId, CommunityBill>chunk(CHUNK, transactionManager)
                .reader(billingCommunityReader)
                .processor(billingProcessor)
                .writer(billingWriter)
                .build();
    }

    @Bean
    @StepScope
    ItemStreamReader<CommunityId> billingCommunityReader(BillingSources sources,
                                                         @Value("#{jobParameters['period']}") String period) {
        return new CommunityReader(sources, YearMonth.parse(period));
    }

    @Bean
    @StepScope
    ItemProcessor<CommunityId, CommunityBill> billingProcessor(BillingSources sources,
                                                               @Value("#{jobParameters['period']}") String period) {
        YearMonth month = YearMonth.parse(period);
        BillComposer composer = new BillComposer(sources.forRun(month));
        return communityId -> composer.bill(communityId, month);
    }

    @Bean
    @StepScope
    ItemWriter<CommunityBill> billingWriter(BillStore billStore, ObjectProvider<Invoicing> invoicing,
                                            @Value("#{jobParameters['mode']}") String mode,
                                            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long runId) {
        BillingMode billingMode = BillingMode.valueOf(mode);
        Invoicing target = billingMode == BillingMode.ISSUE ? invoicing.getObject() : null;
        return new BillWriter(billStore, target, billingMode, runId);
    }

    /** Billing runs run in the background, one at a time; further runs wait their turn. */
    @Bean
    TaskExecutor billingRunExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("billing-run-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    @Bean
    BillStore billStore(JdbcClient jdbcClient, ObjectMapper objectMapper, Clock clock) {
        return new BillStore(jdbcClient, objectMapper, clock);
    }
}
