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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.ProblemAssertions.assertProblemOfType;

/**
 * Concurrent changes of one aggregate: each either takes effect or is answered 409 CONCURRENT_MODIFICATION; none
 * fails with a server error, none is lost, and the versions the projection records have no gaps or duplicates.
 */
class ConcurrentUpdatesTest extends ApiTestBase {

    private static final int WRITERS = 8;

    @Test
    void concurrent_profile_updates_of_one_community_each_take_effect_or_are_refused_with_409() throws Exception {
        String path = "/api/v1/communities/" + registerCommunity(unique("BusyGrid"));
        Http staff = staff();

        List<Reply> replies = race(i -> () -> staff.put(path + "/profile", Bodies.profile("Writer " + i, i)));

        List<Reply> applied = assertAppliedOrConflicting(replies, 200);
        JsonNode versions = staff.get(path + "/profile-history").json().path("versions");
        assertThat(versions.findValuesAsText("version")).containsExactlyElementsOf(
                IntStream.rangeClosed(1, applied.size() + 1).mapToObj(String::valueOf).toList());
        assertThat(staff.get(path).json().path("profileVersion").asInt()).isEqualTo(applied.size() + 1);
    }

    @Test
    void concurrent_terms_revisions_of_one_package_each_take_effect_or_are_refused_with_409() throws Exception {
        String path = "/api/v1/packages/" + defineDraftPackage(unique("Busy"));
        Http staff = staff();

        List<Reply> replies = race(i -> () -> staff.post(path + "/terms",
                Bodies.terms(today().plusDays(i + 1), (100 + i) + ".00")));

        List<Reply> applied = assertAppliedOrConflicting(replies, 201);
        JsonNode versions = staff.get(path + "/terms").json().path("versions");
        assertThat(versions.findValuesAsText("version")).hasSize(applied.size()).doesNotHaveDuplicates()
                .allSatisfy(v -> assertThat(Integer.parseInt(v)).isBetween(1, applied.size()));
        assertThat(staff.get(path + "/history").json().path("events")).hasSize(applied.size() + 1);
    }

    private static List<Reply> assertAppliedOrConflicting(List<Reply> replies, int appliedStatus) {
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as("%s", r).isIn(appliedStatus, 409));
        replies.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertProblemOfType(r, ErrorCode.CONCURRENT_MODIFICATION));
        List<Reply> applied = replies.stream().filter(r -> r.status() == appliedStatus).toList();
        assertThat(applied).isNotEmpty();
        return applied;
    }

    /** Runs the requests at the same moment, one thread each, and returns their replies. */
    private static List<Reply> race(IntFunction<Callable<Reply>> request) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                Callable<Reply> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get(60, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
