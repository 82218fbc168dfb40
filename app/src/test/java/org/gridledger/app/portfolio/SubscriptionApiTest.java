package org.gridledger.app.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** Subscriptions over HTTP: the life of one, refused input that leaves nothing behind, scope, and the overlap race. */
class SubscriptionApiTest extends ApiTestBase {

    private Reply subscribe(Http client, String communityId, String packageId, LocalDate startsOn, int seats) {
        return client.post("/api/v1/communities/" + communityId + "/subscriptions",
                obj("packageId", packageId, "startsOn", startsOn.toString(), "seats", seats));
    }

    private long subscriptionCount(String communityId) {
        Reply reply = staff().get("/api/v1/communities/" + communityId + "/subscriptions");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json().path("totalItems").asLong();
    }

    @Test
    void a_community_subscribes_changes_seats_and_cancels_at_the_end_of_the_month() {
        String community = registerCommunity(unique("SubGrid"));
        String pkg = definePublishedPackage(unique("SubPackage"));

        Reply created = subscribe(staff(), community, pkg, today(), 4);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("subscriptionId").asText();
        assertThat(created.location()).endsWith("/api/v1/subscriptions/" + id);
        assertThat(created.json().path("seatsToday").asInt()).isEqualTo(4);

        LocalDate tomorrow = today().plusDays(1);
        Reply seats = staff().post("/api/v1/subscriptions/" + id + "/seats",
                obj("seats", 6, "effectiveOn", tomorrow.toString()));
        assertThat(seats.status()).as("%s", seats).isEqualTo(201);
        assertThat(seats.json().path("seats")).hasSize(2);

        Reply cancelled = staff().post("/api/v1/subscriptions/" + id + "/cancel", obj());
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(201);
        LocalDate endsOn = YearMonth.from(today()).plusMonths(1).atDay(1);
        assertThat(cancelled.json().path("endsOn").asText()).isEqualTo(endsOn.toString());

        JsonNode list = staff().get("/api/v1/communities/" + community + "/subscriptions").json();
        assertThat(list.path("totalItems").asLong()).isEqualTo(1);
        JsonNode subscribers = staff().get("/api/v1/packages/" + pkg + "/subscribers").json();
        assertThat(subscribers.path("items").get(0).path("communityId").asText()).isEqualTo(community);

        JsonNode runs = staff().get("/api/v1/subscriptions/active-days?from=" + today() + "&until="
                + endsOn.plusMonths(1) + "&communityId=" + community).json().path("runs");
        assertThat(runs).hasSize(2);
        assertProblem(staff().get("/api/v1/subscriptions/active-days?from=0001-01-01&until=9999-12-31"), 422,
                ErrorCode.INVALID_PERIOD);
        assertThat(runs.get(0).path("seats").asInt()).isEqualTo(4);
        assertThat(runs.get(0).path("days").asLong()).isEqualTo(1);
        assertThat(runs.get(1).path("seats").asInt()).isEqualTo(6);
        assertThat(runs.get(1).path("until").asText()).isEqualTo(endsOn.toString());

        JsonNode history = staff().get("/api/v1/subscriptions/" + id + "/history").json();
        assertThat(history.toString()).contains("CommunitySubscribedEvent", "SubscriptionSeatsChangedEvent",
                "SubscriptionCancelledEvent");
    }

    @Test
    void refused_subscriptions_leave_nothing_behind() {
        String community = registerCommunity(unique("RefusedGrid"));
        String pkg = definePublishedPackage(unique("RefusedPackage"));
        String later = defineDraftPackage(unique("LaterPackage"));
        assertSuccess(staff().post("/api/v1/packages/" + later + "/terms", Bodies.terms(today().plusDays(10), "9.00")));
        assertSuccess(staff().post("/api/v1/packages/" + later + "/publish", null));
        String retired = definePublishedPackage(unique("RetiredPackage"));
        assertSuccess(staff().post("/api/v1/packages/" + retired + "/retire", Bodies.reason("end of life")));

        assertProblem(subscribe(staff(), community, later, today(), 2), 422, ErrorCode.SUBSCRIPTION_BEFORE_TERMS);
        assertProblem(subscribe(staff(), community, pkg, today(), 0), 422, ErrorCode.SEATS_INVALID);
        assertProblem(subscribe(staff(), community, pkg, today(), -3), 422, ErrorCode.SEATS_INVALID);
        assertProblem(subscribe(staff(), community, retired, today(), 2), 422, ErrorCode.PACKAGE_NOT_SUBSCRIBABLE);
        assertProblem(subscribe(staff(), community, pkg, today().minusDays(1), 2), 422,
                ErrorCode.SUBSCRIPTION_DATE_INVALID);
        assertThat(subscriptionCount(community)).isZero();

        Reply first = subscribe(staff(), community, pkg, today(), 2);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertProblem(subscribe(staff(), community, pkg, today().plusMonths(3), 2), 409,
                ErrorCode.SUBSCRIPTION_OVERLAPS);
        assertThat(subscriptionCount(community)).isEqualTo(1);

        String id = first.json().path("subscriptionId").asText();
        assertProblem(staff().post("/api/v1/subscriptions/" + id + "/seats",
                obj("seats", 0, "effectiveOn", today().toString())), 422, ErrorCode.SEATS_INVALID);
        assertSuccess(staff().post("/api/v1/subscriptions/" + id + "/cancel", obj()));
        JsonNode afterCancel = staff().get("/api/v1/subscriptions/" + id).json();
        assertProblem(staff().post("/api/v1/subscriptions/" + id + "/cancel", obj()), 422,
                ErrorCode.SUBSCRIPTION_CANCELLED);

        assertThat(staff().get("/api/v1/subscriptions/" + id).json()).isEqualTo(afterCancel);
        assertThat(staff().get("/api/v1/subscriptions/" + id + "/history").json().path("events")).hasSize(2);
    }

    @Test
    void an_admin_of_one_community_cannot_subscribe_or_read_another() {
        String mine = registerCommunity(unique("MineGrid"));
        String theirs = registerCommunity(unique("TheirsGrid"));
        String pkg = definePublishedPackage(unique("ScopePackage"));
        String admin = createAccount("sub-admin", Role.COMMUNITY_ADMIN);
        assertSuccess(staff().post("/api/v1/communities/" + mine + "/admins", obj("username", admin)));
        Http client = withToken(admin);
        String theirSubscription = subscribe(staff(), theirs, pkg, today(), 1).json().path("subscriptionId").asText();

        assertThat(subscribe(client, mine, pkg, today(), 1).status()).isEqualTo(201);
        assertProblem(subscribe(client, theirs, pkg, today().plusDays(40), 1), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(client.get("/api/v1/communities/" + theirs + "/subscriptions"), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(client.get("/api/v1/subscriptions/" + theirSubscription), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(client.post("/api/v1/subscriptions/" + theirSubscription + "/cancel", obj()), 403,
                ErrorCode.OUT_OF_SCOPE);
        String period = "from=" + today() + "&until=" + today().plusDays(30);
        assertProblem(client.get("/api/v1/subscriptions/active-days?" + period + "&communityId=" + theirs), 403,
                ErrorCode.OUT_OF_SCOPE);
        assertProblem(client.get("/api/v1/subscriptions/active-days?" + period), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(client.get("/api/v1/subscriptions/" + UUID.randomUUID()), 403,
                ErrorCode.OUT_OF_SCOPE);
        assertProblem(staff().get("/api/v1/subscriptions/" + UUID.randomUUID()), 404,
                ErrorCode.SUBSCRIPTION_NOT_FOUND);
        assertThat(client.get("/api/v1/subscriptions/active-days?" + period + "&communityId=" + mine).status())
                .isEqualTo(200);
        assertThat(subscriptionCount(theirs)).isEqualTo(1);
    }

    @Test
    void of_ten_concurrent_overlapping_subscriptions_exactly_one_succeeds() throws Exception {
        String community = registerCommunity(unique("RaceSubGrid"));
        String pkg = definePublishedPackage(unique("RacePackage"));
        Http staff = staff();
        int racers = 10;
        CountDownLatch ready = new CountDownLatch(racers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                LocalDate startsOn = today().plusDays(i);
                replies.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return subscribe(staff, community, pkg, startsOn, 1);
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
                    .allSatisfy(r -> assertProblem(r, 409, ErrorCode.SUBSCRIPTION_OVERLAPS));
        } finally {
            pool.shutdownNow();
        }
        assertThat(subscriptionCount(community)).isEqualTo(1);
    }
}
