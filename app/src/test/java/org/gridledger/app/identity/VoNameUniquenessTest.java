package org.gridledger.app.identity;

import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** The set-based rule "one VO per name" under a race, across communities, against the real PostgreSQL. */
class VoNameUniquenessTest extends VoApiSupport {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void of_twelve_concurrent_creations_of_one_new_name_in_different_communities_exactly_one_succeeds() throws Exception {
        String name = voName("race");
        List<String> communities = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            communities.add(registerCommunity(unique("RaceGrid")));
        }
        Http staff = staff();
        int racers = 12;
        CountDownLatch ready = new CountDownLatch(racers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                String community = communities.get(i % communities.size());
                replies.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return staff.post("/api/v1/vos", obj("communityId", community, "name", name));
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Reply> results = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                results.add(reply.get(60, TimeUnit.SECONDS));
            }

            assertThat(results).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(results).filteredOn(r -> r.status() != 201).hasSize(racers - 1)
                    .allSatisfy(r -> assertProblem(r, 409, ErrorCode.VO_NAME_TAKEN));
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from virtual_organization where name = :name").param("name", name)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where payload_type like '%VirtualOrganizationCreatedEvent'"
                        + " and convert_from(payload, 'UTF8') like '%\"' || :name || '\"%'").param("name", name)
                .query(Long.class).single()).isEqualTo(1);
    }
}
