package org.gridledger.reporting.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridledger.accounting.rating.ChargeKind;
import org.gridledger.accounting.rating.SubscriptionFees;
import org.gridledger.accounting.rating.UsageCharge;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Unit;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.PackageTerms;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.TestJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.configuration.support.DefaultBatchConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The billing-run job on Spring Batch's real job repository in the embedded PostgreSQL. The job's ports are played
 * by an in-memory catalogue of communities and an invoicing that writes to a table of its own, so a rolled-back chunk
 * rolls back its invoices too.
 */
@SpringJUnitConfig(BillingRunTest.Config.class)
class BillingRunTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final SupportPackageId TRAINING = new SupportPackageId(UUID.randomUUID());

    @Autowired
    private BillingRuns runs;
    @Autowired
    private Catalogue catalogue;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private org.springframework.batch.core.repository.JobRepository jobRepository;
    @Autowired
    private org.springframework.batch.core.explore.JobExplorer jobExplorer;
    @Autowired
    private org.springframework.batch.core.Job billingRunJob;
    @Autowired
    private BillStore billStore;

    @BeforeEach
    void freshCatalogue() {
        jdbc.sql("create table if not exists test_invoice (community_id uuid not null, period char(7) not null, "
                + "number varchar(20) not null, gross numeric(19,9) not null, primary key (community_id, period))")
                .update();
        jdbc.sql("create table if not exists test_usage_closed (period char(7) primary key)").update();
        catalogue.reset();
    }

    @Test
    void a_dry_run_previews_every_community_and_issues_nothing() {
        List<CommunityId> communities = catalogue.communities(12, "1200.00");

        BillingRunView run = runs.start(OCTOBER, BillingMode.DRY_RUN);

        assertThat(run.status()).isEqualTo("COMPLETED");
        assertThat(run.communities()).isEqualTo(12);
        assertThat(run.processed()).isEqualTo(12);
        assertThat(run.outcomes()).containsEntry(BillOutcome.PREVIEWED, 12L);
        assertThat(issued(communities)).isZero();
        BillStore.RecordedBill bill = runs.bills(run.runId()).get(0);
        assertThat(bill.netTotal()).isEqualByComparingTo("1200.00");
        assertThat(bill.vatTotal()).isEqualByComparingTo("228.00");
        assertThat(bill.grossTotal()).isEqualByComparingTo("1428.00");
        assertThat(bill.lines()).hasSize(1);
        assertThat(bill.lines().get(0).path("kind").asText()).isEqualTo(ChargeKind.FLAT_FEE.name());
    }

    @Test
    void service_credits_become_a_negative_line_that_lowers_net_and_vat() {
        CommunityId community = catalogue.communities(1, "1200.00").get(0);
        catalogue.credit(community, "60.00");

        BillingRunView run = runs.start(OCTOBER, BillingMode.DRY_RUN);

        BillStore.RecordedBill bill = runs.bills(run.runId()).get(0);
        assertThat(bill.lines()).hasSize(2);
        assertThat(bill.lines().get(1).path("kind").asText()).isEqualTo(ChargeKind.SERVICE_CREDIT.name());
        assertThat(bill.lines().get(1).path("description").asText())
                .isEqualTo("Service credit: Training, 2 missed service levels in 2026-10");
        assertThat(bill.netTotal()).isEqualByComparingTo("1140.00");
        assertThat(bill.vatTotal()).isEqualByComparingTo("216.60"); // 228.00 − 11.40
        assertThat(bill.grossTotal()).isEqualByComparingTo("1356.60");
    }

    @Test
    void service_credits_above_the_months_charges_are_capped_and_the_run_still_issues() {
        CommunityId community = catalogue.communities(1, "100.00").get(0);
        catalogue.credit(community, "400.00");
        YearMonth period = catalogue.freshPeriod();

        BillingRunView run = runs.start(period, BillingMode.ISSUE);

        assertThat(run.status()).as("%s", run.failure()).isEqualTo("COMPLETED");
        BillStore.RecordedBill bill = runs.bills(run.runId()).stream()
                .filter(b -> b.communityId().equals(community.value())).findFirst().orElseThrow();
        assertThat(bill.lines()).hasSize(2);
        assertThat(bill.lines().get(1).path("kind").asText()).isEqualTo(ChargeKind.SERVICE_CREDIT.name());
        BigDecimal fee = new BigDecimal(bill.lines().get(0).path("net").path("amount").asText());
        assertThat(fee.signum()).isPositive();
        assertThat(new BigDecimal(bill.lines().get(1).path("net").path("amount").asText()))
                .isEqualByComparingTo(fee.negate()); // capped from 400.00 at the month's charge
        assertThat(bill.netTotal()).isEqualByComparingTo("0.00");
        assertThat(bill.grossTotal()).isEqualByComparingTo("0.00");
        assertThat(bill.invoiceNumber()).isNotNull();
    }

    @Test
    void every_dry_run_is_a_run_of_its_own() {
        catalogue.communities(2, "10.00");

        long first = runs.start(OCTOBER, BillingMode.DRY_RUN).runId();
        long second = runs.start(OCTOBER, BillingMode.DRY_RUN).runId();

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void an_issuing_run_issues_one_invoice_per_community_and_a_rerun_is_refused() {
        List<CommunityId> communities = catalogue.communities(3, "500.00");
        YearMonth period = catalogue.freshPeriod();

        BillingRunView run = runs.start(period, BillingMode.ISSUE);

        assertThat(run.status()).isEqualTo("COMPLETED");
        assertThat(run.outcomes()).containsEntry(BillOutcome.ISSUED, 3L);
        assertThat(issued(communities)).isEqualTo(3);
        assertThat(runs.bills(run.runId())).extracting(BillStore.RecordedBill::invoiceNumber).doesNotContainNull();
        assertThatThrownBy(() -> runs.start(period, BillingMode.ISSUE))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BILLING_RUN_COMPLETED));
        assertThat(issued(communities)).isEqualTo(3);
    }

    @Test
    void a_failed_run_continues_after_its_last_committed_chunk_when_started_again_and_issues_nothing_twice() {
        List<CommunityId> communities = catalogue.communities(25, "100.00"); // in the order the run reads them
        YearMonth period = catalogue.freshPeriod();
        catalogue.failOnceAt(communities.get(17));

        BillingRunView failed = runs.start(period, BillingMode.ISSUE);

        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failure()).contains("source unavailable");
        // chunks of ten: the first chunk committed, the second (communities 11–20) rolled back with its invoices
        assertThat(failed.processed()).isEqualTo(10);
        assertThat(issued(communities)).isEqualTo(10);

        BillingRunView restarted = runs.start(period, BillingMode.ISSUE);

        assertThat(restarted.runId()).isEqualTo(failed.runId());
        assertThat(restarted.status()).isEqualTo("COMPLETED");
        assertThat(restarted.executions()).isEqualTo(2);
        assertThat(restarted.processed()).isEqualTo(25);
        assertThat(issued(communities)).isEqualTo(25);
        assertThat(catalogue.reads(communities.get(0))).as("the committed chunk is not read again").isEqualTo(1);
    }

    @Test
    void a_community_invoiced_already_and_one_with_nothing_to_bill_get_no_invoice() {
        List<CommunityId> communities = catalogue.communities(2, "100.00");
        CommunityId idle = catalogue.idleCommunity();
        YearMonth period = catalogue.freshPeriod();
        jdbc.sql("insert into test_invoice values (:c, :p, 'EARLIER', 1)")
                .param("c", communities.get(0).value()).param("p", period.toString()).update();

        BillingRunView run = runs.start(period, BillingMode.ISSUE);

        assertThat(run.outcomes()).containsEntry(BillOutcome.ALREADY_INVOICED, 1L)
                .containsEntry(BillOutcome.ISSUED, 1L).containsEntry(BillOutcome.NOTHING_TO_BILL, 1L);
        assertThat(issued(List.of(idle))).isZero();
    }

    @Test
    void the_current_and_future_periods_cannot_be_billed() {
        for (YearMonth period : List.of(YearMonth.of(2026, 11), YearMonth.of(2027, 1))) {
            assertThatThrownBy(() -> runs.start(period, BillingMode.DRY_RUN))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.BILLING_PERIOD_NOT_ENDED));
        }
    }

    @Test
    void an_issuing_run_waits_until_the_period_has_ended_in_utc_where_its_usage_is_counted() {
        // 1 November, 00:30 in Berlin: October has ended for the organisation, not yet in UTC
        Clock earlyNovember = Clock.fixed(Instant.parse("2026-10-31T23:30:00Z"), ZoneId.of("Europe/Berlin"));
        BillingRuns early = new BillingRuns(jobRepository, jobExplorer, billingRunJob, billStore, earlyNovember,
                new SyncTaskExecutor());

        assertThatThrownBy(() -> early.start(OCTOBER, BillingMode.ISSUE))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BILLING_PERIOD_NOT_ENDED));
        assertThat(early.start(OCTOBER, BillingMode.DRY_RUN).status()).isEqualTo("COMPLETED");
    }

    @Test
    void usage_charges_and_late_usage_become_lines_with_their_references_and_count_in_the_totals() {
        CommunityId community = catalogue.communities(1, "100.00").get(0);
        UUID resource = UUID.fromString("00000000-0000-0000-0000-00000000a001");
        catalogue.usage(community,
                new UsageCharge(OCTOBER, ProviderId.random(), resource, "gridka-cpu", community, Unit.HS06_HOUR,
                        new BigDecimal("40.002777778"), Money.euros("0.041"), Money.euros("1.64"), TariffId.random(),
                        LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)),
                new UsageCharge(OCTOBER, ProviderId.random(), resource, "gridka-cpu", community, Unit.WALL_HOUR,
                        new BigDecimal("9"), Money.euros("0.02"), Money.euros("0.18"), TariffId.random(),
                        LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15)),
                new UsageCharge(OCTOBER, ProviderId.random(), resource, "gridka-cpu", community, Unit.WALL_HOUR,
                        new BigDecimal("3"), Money.of("0.02", "USD"), Money.of("0.06", "USD"), TariffId.random(),
                        LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)));
        catalogue.lateUsage(community, new UsageAdjustment(YearMonth.of(2026, 9), resource, "gridka-cpu",
                Unit.HS06_HOUR, new BigDecimal("60"), new BigDecimal("50"), Money.euros("3.00"), Money.euros("2.50")));

        BillingRunView run = runs.start(OCTOBER, BillingMode.DRY_RUN);

        BillStore.RecordedBill bill = runs.bills(run.runId()).get(0);
        assertThat(bill.lines()).hasSize(4); // the USD charge is not billed in EUR
        assertThat(bill.lines().get(1).path("kind").asText()).isEqualTo("USAGE");
        assertThat(bill.lines().get(1).path("description").asText())
                .isEqualTo("gridka-cpu: HS06 hours, 1 Oct 2026 – 31 Oct 2026, 31 days at this price");
        assertThat(bill.lines().get(1).path("reference").asText())
                .isEqualTo("usage 2026-10 " + resource + " HS06_HOUR 2026-10-01/2026-11-01");
        assertThat(bill.lines().get(2).path("description").asText())
                .isEqualTo("gridka-cpu: core wall-clock hours, 1 Oct 2026 – 14 Oct 2026, 14 days at this price");
        assertThat(bill.lines().get(3).path("kind").asText()).isEqualTo("LATE_USAGE");
        assertThat(bill.lines().get(3).path("description").asText())
                .isEqualTo("Late usage of 2026-09, gridka-cpu: HS06 hours, +10 (rated now 3.00, invoiced 2.50)");
        assertThat(bill.lines().get(3).path("reference").asText())
                .isEqualTo("late-usage 2026-09 " + resource + " HS06_HOUR 10");
        assertThat(bill.netTotal()).isEqualByComparingTo("102.32"); // 100 + 1.64 + 0.18 + 0.50
        assertThat(bill.vatTotal()).isEqualByComparingTo("19.44"); // 19.00 + 0.31 + 0.03 + 0.10
    }

    @Test
    void late_usage_that_would_make_the_invoice_negative_waits_for_a_later_one() {
        CommunityId community = catalogue.communities(1, "1.00").get(0);
        catalogue.lateUsage(community, new UsageAdjustment(YearMonth.of(2026, 9), UUID.randomUUID(), "gridka-cpu",
                Unit.HS06_HOUR, new BigDecimal("10"), new BigDecimal("60"), Money.euros("0.50"), Money.euros("3.00")));

        BillingRunView run = runs.start(OCTOBER, BillingMode.DRY_RUN);

        BillStore.RecordedBill bill = runs.bills(run.runId()).get(0);
        assertThat(bill.lines()).hasSize(1);
        assertThat(bill.netTotal()).isEqualByComparingTo("1.00");
    }

    @Test
    void an_issuing_run_closes_its_period_for_usage_and_a_dry_run_does_not() {
        catalogue.communities(1, "10.00");
        YearMonth issued = catalogue.freshPeriod();
        YearMonth previewed = catalogue.freshPeriod();

        runs.start(previewed, BillingMode.DRY_RUN);
        runs.start(issued, BillingMode.ISSUE);

        assertThat(jdbc.sql("select period from test_usage_closed where period in (:a, :b)")
                .param("a", issued.toString()).param("b", previewed.toString()).query(String.class).list())
                .containsExactly(issued.toString());
    }

    @Test
    void an_unknown_run_is_not_found() {
        assertThatThrownBy(() -> runs.run(987_654_321L)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BILLING_RUN_NOT_FOUND));
    }

    private long issued(List<CommunityId> communities) {
        return jdbc.sql("select count(*) from test_invoice where community_id in (:ids) and number <> 'EARLIER'")
                .param("ids", communities.stream().map(CommunityId::value).toList())
                .query(Long.class).single();
    }

    /** The communities the test bills: each has one subscription with a flat fee for the whole month. */
    static final class Catalogue implements BillingSources {

        private final Map<CommunityId, String> fees = new LinkedHashMap<>();
        private final Map<CommunityId, Integer> reads = new java.util.concurrent.ConcurrentHashMap<>();
        private final Set<CommunityId> failOnce = new HashSet<>();
        private final Map<CommunityId, Money> credits = new LinkedHashMap<>();
        private final Map<CommunityId, List<UsageCharge>> usage = new LinkedHashMap<>();
        private final Map<CommunityId, List<UsageAdjustment>> lateUsage = new LinkedHashMap<>();
        private int periods;

        void reset() {
            fees.clear();
            credits.clear();
            usage.clear();
            lateUsage.clear();
            reads.clear();
            failOnce.clear();
        }

        List<CommunityId> communities(int count, String monthlyFee) {
            List<CommunityId> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                CommunityId id = new CommunityId(UUID.randomUUID());
                fees.put(id, monthlyFee);
                created.add(id);
            }
            created.sort(java.util.Comparator.comparing(CommunityId::value));
            return created;
        }

        CommunityId idleCommunity() {
            CommunityId id = new CommunityId(UUID.randomUUID());
            fees.put(id, null);
            return id;
        }

        /** Issuing runs are one per period, so each test bills a period of its own. */
        YearMonth freshPeriod() {
            periods++;
            return YearMonth.of(2000, 1).plusMonths(periods);
        }

        void failOnceAt(CommunityId id) {
            failOnce.add(id);
        }

        int reads(CommunityId id) {
            return reads.getOrDefault(id, 0);
        }

        @Override
        public List<CommunityId> communities(YearMonth month) {
            return fees.keySet().stream().sorted(java.util.Comparator.comparing(CommunityId::value)).toList();
        }

        @Override
        public BillableCommunity community(CommunityId communityId) {
            return new BillableCommunity(communityId, "Community " + communityId.value().toString().substring(0, 8),
                    Currency.getInstance("EUR"), new BigDecimal("0.19"));
        }

        @Override
        public List<BillableCredit> credits(CommunityId communityId, YearMonth month) {
            Money credit = credits.get(communityId);
            return credit == null ? List.of()
                    : List.of(new BillableCredit(month, TRAINING, "Training", PackageCategory.TRAINING, 2, credit));
        }

        void credit(CommunityId communityId, String amount) {
            credits.put(communityId, Money.euros(amount));
        }

        void usage(CommunityId communityId, UsageCharge... charges) {
            usage.put(communityId, List.of(charges));
        }

        void lateUsage(CommunityId communityId, UsageAdjustment... adjustments) {
            lateUsage.put(communityId, List.of(adjustments));
        }

        @Override
        public List<UsageCharge> usage(CommunityId communityId, YearMonth month) {
            return usage.getOrDefault(communityId, List.of());
        }

        @Override
        public List<UsageAdjustment> lateUsage(CommunityId communityId, YearMonth month, Currency currency) {
            return lateUsage.getOrDefault(communityId, List.of());
        }

        @Override
        public List<BillableSubscription> subscriptions(CommunityId communityId, YearMonth month) {
            reads.merge(communityId, 1, Integer::sum);
            if (failOnce.remove(communityId)) {
                throw new IllegalStateException("source unavailable");
            }
            String fee = fees.get(communityId);
            if (fee == null) {
                return List.of();
            }
            PackageTerms terms = new PackageTerms(LocalDate.of(2020, 1, 1), Money.euros(fee), null, null, null,
                    List.of());
            return List.of(new BillableSubscription(new SubscriptionId(UUID.randomUUID()), PackageCategory.TRAINING,
                    List.of(new SubscriptionFees.Run("Training", terms, 1, month.atDay(1),
                            month.plusMonths(1).atDay(1))), null));
        }
    }

    /** Issues into test_invoice in the caller's transaction. */
    record TableInvoicing(JdbcClient jdbc) implements Invoicing {

        @Override
        public boolean invoiced(CommunityId communityId, YearMonth period) {
            return jdbc.sql("select count(*) from test_invoice where community_id = :c and period = :p")
                    .param("c", communityId.value()).param("p", period.toString()).query(Long.class).single() > 0;
        }

        @Override
        public String issue(CommunityBill bill) {
            String number = "T-" + UUID.randomUUID().toString().substring(0, 8);
            jdbc.sql("insert into test_invoice values (:c, :p, :n, :g)")
                    .param("c", bill.community().communityId().value()).param("p", bill.period().toString())
                    .param("n", number).param("g", bill.grossTotal().amount()).update();
            return number;
        }

        @Override
        public void closeUsage(YearMonth period) {
            jdbc.sql("insert into test_usage_closed values (:p) on conflict do nothing").param("p", period.toString())
                    .update();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(BillingRunConfiguration.class)
    static class Config extends DefaultBatchConfiguration {

        @Bean
        DataSource dataSource() {
            return EmbeddedDatabase.dataSource();
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        ObjectMapper objectMapper() {
            return TestJson.objectMapper();
        }

        @Bean
        Catalogue catalogue() {
            return new Catalogue();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneId.of("Europe/Berlin"));
        }

        @Bean
        Invoicing invoicing(JdbcClient jdbc) {
            return new TableInvoicing(jdbc);
        }

        @Bean
        TaskExecutor billingRunExecutor() {
            return new SyncTaskExecutor();
        }

        @Bean
        BillingRuns billingRuns(org.springframework.batch.core.repository.JobRepository jobRepository,
                                org.springframework.batch.core.explore.JobExplorer jobExplorer,
                                org.springframework.batch.core.Job billingRunJob, BillStore billStore, Clock clock,
                                TaskExecutor billingRunExecutor) {
            return new BillingRuns(jobRepository, jobExplorer, billingRunJob, billStore, clock, billingRunExecutor);
        }
    }
}
