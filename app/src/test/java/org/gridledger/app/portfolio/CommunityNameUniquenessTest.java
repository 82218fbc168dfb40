package org.gridledger.app.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** The set-based rule "one community per name", sequentially and under a race, against the real PostgreSQL. */
class CommunityNameUniquenessTest extends ApiTestBase {

    @Test
    void a_second_community_with_the_same_name_is_refused_with_409_also_in_another_case() {
        String name = unique("EnviroGrid");
        registerCommunity(name);
        long before = communityCount();

        assertProblem(staff().post("/api/v1/communities", Bodies.community(name)), 409,
                ErrorCode.COMMUNITY_NAME_TAKEN);
        assertProblem(staff().post("/api/v1/communities", Bodies.community(name.toUpperCase(Locale.ROOT))), 409,
                ErrorCode.COMMUNITY_NAME_TAKEN);
        assertProblem(staff().post("/api/v1/communities", Bodies.community("  " + name + " ")), 409,
                ErrorCode.COMMUNITY_NAME_TAKEN);

        assertThat(communityCount()).isEqualTo(before);
        assertThat(communitiesNamed(name)).hasSize(1);
    }

    @Test
    void of_twelve_concurrent_registrations_of_one_new_name_exactly_one_succeeds() throws Exception {
        String name = unique("RaceGrid");
        Http staff = staff();
        int racers = 12;
        CountDownLatch ready = new CountDownLatch(racers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                replies.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return staff.post("/api/v1/communities", Bodies.community(name));
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
                    .allSatisfy(r -> assertProblem(r, 409, ErrorCode.COMMUNITY_NAME_TAKEN));
        } finally {
            pool.shutdownNow();
        }
        assertThat(communitiesNamed(name)).hasSize(1);
    }

    private long communityCount() {
        return staff().get("/api/v1/communities?size=1").json().path("totalItems").asLong();
    }

    /** Every community whose name equals {@code name} ignoring case, looked up through every page. */
    private List<JsonNode> communitiesNamed(String name) {
        List<JsonNode> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode result = staff().get("/api/v1/communities?size=200&page=" + page).json();
            result.path("items").forEach(item -> {
                if (item.path("name").asText().equalsIgnoreCase(name)) {
                    found.add(item);
                }
            });
            if ((page + 1) * 200L >= result.path("totalItems").asLong()) {
                return found;
            }
        }
    }
}
