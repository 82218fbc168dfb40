package org.gridledger.accounting.resource;

import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The host rule on PostgreSQL: a host belongs to one resource, also under concurrent registrations. */
class JdbcResourceHostRegistryTest {

    private static final int THREADS = 16;

    private final DataSource dataSource = EmbeddedDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final JdbcResourceHostRegistry registry = new JdbcResourceHostRegistry(jdbc);
    private final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    @BeforeEach
    void emptyClaims() {
        EmbeddedDatabase.truncate("accounting_resource_host_claim");
    }

    @Test
    void hostsOfAnotherResourceAreReportedAndTheResourcesOwnHostsCountAsItsOwn() {
        ResourceId gridka = ResourceId.random();
        ResourceId desy = ResourceId.random();

        assertThat(registry.claim(List.of("ce01.gridka.de", "ce02.gridka.de"), gridka)).isEmpty();
        assertThat(registry.claim(List.of("ce01.gridka.de", "arc.gridka.de"), gridka)).isEmpty();
        assertThat(registry.claim(List.of("ce.desy.de", "ce02.gridka.de"), desy)).containsExactly("ce02.gridka.de");
    }

    @Test
    void aSiteBelongsToTheFirstProviderToClaimIt() {
        ProviderId gridka = ProviderId.random();
        String site = "SITE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        assertThat(registry.claimSite(site, gridka)).isTrue();
        assertThat(registry.claimSite(site, gridka)).isTrue();
        assertThat(registry.claimSite(site, ProviderId.random())).isFalse();
        assertThat(registry.claimSite(site.toLowerCase(), ProviderId.random())).isTrue();
    }

    @Test
    void aReleasedHostIsFreeForAnotherResourceButOnlyItsOwnerReleasesIt() {
        ResourceId gridka = ResourceId.random();
        ResourceId desy = ResourceId.random();
        registry.claim(List.of("ce01.gridka.de"), gridka);

        registry.release(List.of("ce01.gridka.de"), desy);
        assertThat(registry.claim(List.of("ce01.gridka.de"), desy)).containsExactly("ce01.gridka.de");

        registry.release(List.of("ce01.gridka.de"), gridka);
        assertThat(registry.claim(List.of("ce01.gridka.de"), desy)).isEmpty();
    }

    @Test
    void aClaimRolledBackWithItsTransactionLeavesTheHostFree() {
        transactions.executeWithoutResult(status -> {
            assertThat(registry.claim(List.of("ce01.gridka.de"), ResourceId.random())).isEmpty();
            status.setRollbackOnly();
        });

        assertThat(registry.claim(List.of("ce01.gridka.de"), ResourceId.random())).isEmpty();
    }

    @Test
    void ofManyConcurrentClaimsOfOneHostExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                ResourceId id = ResourceId.random();
                outcomes.add(pool.submit(() -> transactions.execute(status -> {
                    jdbc.sql("select 1").query(Integer.class).single();
                    ready.countDown();
                    await(go);
                    boolean won = registry.claim(List.of("ce01.gridka.de"), id).isEmpty();
                    pause();
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
        assertThat(jdbc.sql("select count(*) from accounting_resource_host_claim").query(Long.class).single())
                .isEqualTo(1);
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
