package org.gridledger.portfolio.subscription;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The overlap rule on PostgreSQL: one subscription of a community to a package at a time, also under a race. */
class JdbcSubscriptionPeriodsTest {

    private static final int THREADS = 16;
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    private static final LocalDate JAN_1 = LocalDate.of(2027, 1, 1);

    private final DataSource dataSource = EmbeddedDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final JdbcSubscriptionPeriods periods = new JdbcSubscriptionPeriods(jdbc);
    private final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    private final CommunityId community = CommunityId.random();
    private final SupportPackageId pkg = SupportPackageId.random();

    @BeforeEach
    void emptyLookup() {
        EmbeddedDatabase.truncate("subscription_period", "subscription_lock");
    }

    @Test
    void anOpenSubscriptionBlocksEveryLaterStart() {
        assertThat(periods.claim(SubscriptionId.random(), community, pkg, DEC_1)).isTrue();

        assertThat(periods.claim(SubscriptionId.random(), community, pkg, JAN_1)).isFalse();
        assertThat(periods.claim(SubscriptionId.random(), community, pkg, DEC_1.minusDays(1))).isFalse();
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void anEndedSubscriptionFreesTheDaysFromItsEndOn() {
        SubscriptionId first = SubscriptionId.random();
        assertThat(periods.claim(first, community, pkg, DEC_1)).isTrue();
        periods.end(first, JAN_1);

        assertThat(periods.claim(SubscriptionId.random(), community, pkg, JAN_1.minusDays(1))).isFalse();
        assertThat(periods.claim(SubscriptionId.random(), community, pkg, JAN_1)).isTrue();
    }

    @Test
    void otherPackagesAndOtherCommunitiesDoNotCollide() {
        assertThat(periods.claim(SubscriptionId.random(), community, pkg, DEC_1)).isTrue();
        assertThat(periods.claim(SubscriptionId.random(), community, SupportPackageId.random(), DEC_1)).isTrue();
        assertThat(periods.claim(SubscriptionId.random(), CommunityId.random(), pkg, DEC_1)).isTrue();
    }

    @Test
    void aClaimRolledBackWithItsTransactionLeavesThePeriodFree() {
        transactions.executeWithoutResult(status -> {
            assertThat(periods.claim(SubscriptionId.random(), community, pkg, DEC_1)).isTrue();
            status.setRollbackOnly();
        });

        assertThat(count()).isZero();
        assertThat(periods.claim(SubscriptionId.random(), community, pkg, DEC_1)).isTrue();
    }

    @Test
    void ofManyConcurrentOverlappingClaimsExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                LocalDate startsOn = DEC_1.plusDays(i);
                outcomes.add(pool.submit(() -> transactions.execute(status -> {
                    jdbc.sql("select 1").query(Integer.class).single();
                    ready.countDown();
                    await(go);
                    boolean won = periods.claim(SubscriptionId.random(), community, pkg, startsOn);
                    pause(); // hold the lock for a moment so that the others wait for it
                    return won;
                })));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            int winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                if (outcome.get(60, TimeUnit.SECONDS)) {
                    winners++;
                }
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count()).isEqualTo(1);
    }

    private long count() {
        return jdbc.sql("select count(*) from subscription_period").query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
