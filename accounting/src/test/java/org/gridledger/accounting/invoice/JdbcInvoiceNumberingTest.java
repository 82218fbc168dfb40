package org.gridledger.accounting.invoice;

import org.gridledger.accounting.invoice.InvoiceNumbering.Series;
import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Gapless counters and the period rule on PostgreSQL, raced from many transactions at once. */
class JdbcInvoiceNumberingTest {

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final JdbcInvoiceNumbering numbering = new JdbcInvoiceNumbering(jdbc);
    private final JdbcInvoicePeriods periods = new JdbcInvoicePeriods(jdbc);
    private final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(EmbeddedDatabase.dataSource()));

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("invoice_number_counter", "invoice_period_lookup");
    }

    @Test
    void numbersStartAtOnePerSeriesAndYear() {
        assertThat(numbering.next(Series.INVOICE, 2026)).isEqualTo(1);
        assertThat(numbering.next(Series.INVOICE, 2026)).isEqualTo(2);
        assertThat(numbering.next(Series.CREDIT_NOTE, 2026)).isEqualTo(1);
        assertThat(numbering.next(Series.INVOICE, 2027)).isEqualTo(1);
        assertThat(InvoiceNumbering.format(Series.INVOICE, 2026, 123)).isEqualTo("2026-000123");
        assertThat(InvoiceNumbering.format(Series.CREDIT_NOTE, 2026, 7)).isEqualTo("CN-2026-000007");
    }

    @Test
    void concurrentIssuesWithRollbacksLeaveNoGapAndNoDuplicate() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                boolean rollBack = i % 3 == 0;
                futures.add(pool.submit(() -> {
                    start.await();
                    transactions.executeWithoutResult(status -> {
                        int number = numbering.next(Series.INVOICE, 2026);
                        if (rollBack) {
                            status.setRollbackOnly();
                        } else {
                            committed.add(number);
                        }
                    });
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        int expected = threads - (threads + 2) / 3;
        assertThat(committed).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, expected).boxed().toList());
        assertThat(numbering.next(Series.INVOICE, 2026)).isEqualTo(expected + 1);
    }

    @Test
    void aPeriodIsClaimedOnceAndARolledBackClaimLeavesItFree() {
        CommunityId community = CommunityId.random();
        YearMonth november = YearMonth.of(2026, 11);

        transactions.executeWithoutResult(status -> {
            assertThat(periods.claim(community, november, InvoiceId.random())).isTrue();
            status.setRollbackOnly();
        });

        assertThat(periods.claim(community, november, InvoiceId.random())).isTrue();
        assertThat(periods.claim(community, november, InvoiceId.random())).isFalse();
        assertThat(periods.claim(community, november.plusMonths(1), InvoiceId.random())).isTrue();
        assertThat(periods.claim(CommunityId.random(), november, InvoiceId.random())).isTrue();
    }
}
