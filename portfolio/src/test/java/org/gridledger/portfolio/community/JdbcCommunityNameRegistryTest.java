package org.gridledger.portfolio.community;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
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

/** The set-based name rule on PostgreSQL: one community per name, also under concurrent registrations. */
class JdbcCommunityNameRegistryTest {

    private static final int THREADS = 16;

    private final DataSource dataSource = EmbeddedDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final JdbcCommunityNameRegistry registry = new JdbcCommunityNameRegistry(jdbc);
    private final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    @BeforeEach
    void emptyLookup() {
        EmbeddedDatabase.truncate("community_name_lookup");
    }

    @Test
    void theFirstClaimOfANameWinsAndIsStoredNormalised() {
        CommunityId id = CommunityId.random();

        assertThat(registry.claim("  Climate   Modelling ", id)).isTrue();

        assertThat(jdbc.sql("select normalized_name, community_id from community_name_lookup")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getObject(2, UUID.class)).list())
                .containsExactly("climate modelling=" + id);
    }

    @ParameterizedTest(name = "\"{0}\" collides with \"Climate Modelling\"")
    @ValueSource(strings = {"Climate Modelling", "CLIMATE MODELLING", "climate modelling", " Climate Modelling\t",
            "Climate \n Modelling", "Climate\u00A0Modelling"})
    void namesDifferingOnlyInCaseOrWhiteSpaceCollide(String variant) {
        CommunityId holder = CommunityId.random();
        assertThat(registry.claim("Climate Modelling", holder)).isTrue();

        assertThat(registry.claim(variant, CommunityId.random())).isFalse();

        assertThat(jdbc.sql("select community_id from community_name_lookup").query(UUID.class).list())
                .containsExactly(holder.value());
    }

    @Test
    void theLongestNameTheAggregateAcceptsFitsTheLookupColumn() {
        String globes = "\uD83C\uDF0D".repeat(Community.MAX_NAME);

        assertThat(registry.claim(globes, CommunityId.random())).isTrue();
        assertThat(registry.claim("x".repeat(Community.MAX_NAME), CommunityId.random())).isTrue();
    }

    @Test
    void differentNamesDoNotCollide() {
        assertThat(registry.claim("Climate Modelling", CommunityId.random())).isTrue();
        assertThat(registry.claim("Climate Modeling", CommunityId.random())).isTrue();
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aClaimRolledBackWithItsTransactionLeavesTheNameFree() {
        transactions.executeWithoutResult(status -> {
            assertThat(registry.claim("Climate Modelling", CommunityId.random())).isTrue();
            status.setRollbackOnly();
        });

        assertThat(count()).isZero();
        assertThat(registry.claim("climate modelling", CommunityId.random())).isTrue();
    }

    @Test
    void ofManyConcurrentClaimsOfOneNameExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                String spelling = i % 2 == 0 ? "Climate Modelling" : " CLIMATE  modelling ";
                CommunityId id = CommunityId.random();
                outcomes.add(pool.submit(() -> transactions.execute(status -> {
                    // take a connection and open the transaction before the race starts
                    jdbc.sql("select 1").query(Integer.class).single();
                    ready.countDown();
                    await(go);
                    boolean won = registry.claim(spelling, id);
                    pause(); // hold the claim uncommitted for a moment so that the others block on it
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
        return jdbc.sql("select count(*) from community_name_lookup").query(Long.class).single();
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
