package org.gridledger.accounting.settlement;

import org.gridledger.domain.finance.SettlementId;
import org.gridledger.domain.portfolio.ProviderId;
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

/** The gapless counter and the month rule on PostgreSQL, raced from many transactions at once. */
class JdbcSettlementRulesTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final JdbcSettlementNumbering numbering = new JdbcSettlementNumbering(jdbc);
    private final JdbcSettlementPeriods periods = new JdbcSettlementPeriods(jdbc);
    private final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(EmbeddedDatabase.dataSource()));

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("provider_settlement_number_counter", "provider_settlement_period_lookup");
    }

    @Test
    void numbersStartAtOnePerYearInTheirOwnSeries() {
        assertThat(numbering.next(2026)).isEqualTo(1);
        assertThat(numbering.next(2026)).isEqualTo(2);
        assertThat(numbering.next(2027)).isEqualTo(1);
        assertThat(SettlementNumbering.format(2026, 1)).isEqualTo("S2026-000001");
    }

    @Test
    void concurrentIssuesWithRollbacksLeaveNoGapAndNoDuplicate() throws Exception {
        int threads = 12;
        List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        race(threads, i -> transactions.executeWithoutResult(status -> {
            int number = numbering.next(2026);
            if (i % 3 == 0) {
                status.setRollbackOnly();
            } else {
                committed.add(number);
            }
        }));

        assertThat(committed).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 8).boxed().toList());
    }

    @Test
    void ofConcurrentClaimsOfOneProvidersMonthExactlyOneWinsAndAReleaseFreesIt() throws Exception {
        ProviderId provider = ProviderId.random();
        List<SettlementId> winners = Collections.synchronizedList(new ArrayList<>());
        race(8, i -> transactions.executeWithoutResult(status -> {
            SettlementId id = SettlementId.random();
            if (periods.claim(provider, OCTOBER, id)) {
                winners.add(id);
            }
        }));

        assertThat(winners).hasSize(1);
        periods.release(provider, OCTOBER, SettlementId.random());
        assertThat(periods.claim(provider, OCTOBER, SettlementId.random())).isFalse();
        periods.release(provider, OCTOBER, winners.get(0));
        assertThat(periods.claim(provider, OCTOBER, SettlementId.random())).isTrue();
        assertThat(periods.claim(ProviderId.random(), OCTOBER, SettlementId.random())).isTrue();
    }

    private static void race(int threads, java.util.function.IntConsumer body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.accept(index);
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
    }
}
