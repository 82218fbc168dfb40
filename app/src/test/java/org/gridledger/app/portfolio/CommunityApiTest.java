package org.gridledger.app.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** Research communities through HTTP, down to their projection on the embedded PostgreSQL. */
class CommunityApiTest extends ApiTestBase {

    @Test
    void registering_a_community_answers_201_with_its_location_and_reads_back() {
        String name = unique("LifeSciGrid");

        Reply created = staff().post("/api/v1/communities", Bodies.community(name));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("communityId").asText();
        assertThat(created.location()).isEqualTo("/api/v1/communities/" + id);
        JsonNode read = staff().get(created.location()).json();
        assertThat(read.path("name").asText()).isEqualTo(name);
        assertThat(read.path("profileVersion").asInt()).isEqualTo(1);
        assertThat(read.path("profile").path("discipline").asText()).isEqualTo("Astro physics");
        assertThat(read.path("profile").path("jobTypes")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("WORKFLOW", "HIGH_THROUGHPUT");
        assertThat(read.path("suspended").asBoolean()).isFalse();
        assertThat(read.path("registeredOn").asText()).isEqualTo(today().toString());
        assertThat(read.path("admins")).isEmpty();
    }

    @Test
    void the_community_list_pages_through_all_communities_and_counts_them() {
        long before = staff().get("/api/v1/communities?size=1").json().path("totalItems").asLong();
        List<String> ids = List.of(registerCommunity(unique("Paged")), registerCommunity(unique("Paged")),
                registerCommunity(unique("Paged")));

        JsonNode first = staff().get("/api/v1/communities?page=0&size=2").json();
        assertThat(first.path("totalItems").asLong()).isEqualTo(before + 3);
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("items")).hasSize(2);
        List<String> seen = new ArrayList<>();
        for (int page = 0; page * 2 < before + 3; page++) {
            staff().get("/api/v1/communities?size=2&page=" + page).json().path("items")
                    .forEach(item -> seen.add(item.path("communityId").asText()));
        }
        assertThat(seen).hasSize((int) before + 3).doesNotHaveDuplicates().containsAll(ids);
    }

    @Test
    void updating_the_profile_keeps_every_earlier_version_in_the_profile_history() {
        String path = "/api/v1/communities/" + registerCommunity(unique("Profiled"));

        Reply updated = staff().put(path + "/profile", Bodies.profile("Radio astronomy", 777));

        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().path("profileVersion").asInt()).isEqualTo(2);
        assertThat(staff().get(path).json().path("profile").path("expectedUsers").asInt()).isEqualTo(777);
        JsonNode versions = staff().get(path + "/profile-history").json().path("versions");
        assertThat(versions.findValuesAsText("version")).containsExactly("1", "2");
        assertThat(versions.get(0).path("profile").path("discipline").asText()).isEqualTo("Astro physics");
        assertThat(versions.get(1).path("profile").path("discipline").asText()).isEqualTo("Radio astronomy");
        assertThat(versions.findValuesAsText("effectiveOn")).containsOnly(today().toString());
        assertThat(versions.findValuesAsText("recordedAt")).isSorted()
                .as("the record times of the audit trail").containsExactlyElementsOf(
                        staff().get(path + "/history").json().path("events").findValuesAsText("recordedAt"));
    }

    @Test
    void an_account_with_the_community_admin_role_is_assigned_once_and_removed_again() {
        String path = "/api/v1/communities/" + registerCommunity(unique("Administered"));
        String admin = createAccount("ca", Role.COMMUNITY_ADMIN);

        assertThat(staff().post(path + "/admins", obj("username", admin)).json().path("admins"))
                .extracting(JsonNode::asText).containsExactly(admin);
        assertSuccess(staff().post(path + "/admins", obj("username", admin)));
        assertThat(staff().get(path).json().path("admins")).extracting(JsonNode::asText).containsExactly(admin);

        assertThat(staff().delete(path + "/admins/" + admin).status()).isEqualTo(204);
        assertThat(staff().get(path).json().path("admins")).isEmpty();
        assertProblem(staff().delete(path + "/admins/" + admin), 422, ErrorCode.COMMUNITY_ADMIN_NOT_ASSIGNED);
    }

    @Test
    void only_existing_accounts_holding_the_community_admin_role_become_admins() {
        String path = "/api/v1/communities/" + registerCommunity(unique("Guarded"));
        String member = createAccount("member", Role.MEMBER);

        assertProblem(staff().post(path + "/admins", obj("username", member)), 422, ErrorCode.ACCOUNT_LACKS_ROLE);
        assertProblem(staff().post(path + "/admins", obj("username", unique("nobody"))), 404,
                ErrorCode.ACCOUNT_NOT_FOUND);
        assertThat(staff().get(path).json().path("admins")).isEmpty();
        assertThat(staff().get(path + "/history").json().path("events")).hasSize(1);
    }

    @Test
    void a_suspended_community_keeps_its_profile_until_it_is_reinstated() {
        String path = "/api/v1/communities/" + registerCommunity(unique("Suspended"));

        Reply suspended = staff().post(path + "/suspend", Bodies.reason("unpaid invoices"));

        assertSuccess(suspended);
        assertThat(suspended.json().path("suspended").asBoolean()).isTrue();
        assertThat(suspended.json().path("suspensionReason").asText()).isEqualTo("unpaid invoices");
        assertProblem(staff().put(path + "/profile", Bodies.profile("Changed")), 422, ErrorCode.COMMUNITY_SUSPENDED);
        assertProblem(staff().post(path + "/suspend", Bodies.reason("again")), 422, ErrorCode.COMMUNITY_SUSPENDED);
        assertThat(staff().get(path + "/profile-history").json().path("versions")).hasSize(1);

        Reply reinstated = staff().post(path + "/reinstate", Bodies.reason("paid"));

        assertSuccess(reinstated);
        assertThat(reinstated.json().path("suspended").asBoolean()).isFalse();
        assertThat(reinstated.json().has("suspensionReason")).isFalse();
        assertProblem(staff().post(path + "/reinstate", Bodies.reason("twice")), 422,
                ErrorCode.COMMUNITY_NOT_SUSPENDED);
        assertThat(staff().put(path + "/profile", Bodies.profile("Changed")).status()).isEqualTo(200);
    }

    @Test
    void suspending_without_a_reason_is_refused_and_changes_nothing() {
        String path = "/api/v1/communities/" + registerCommunity(unique("NoReason"));

        assertProblem(staff().post(path + "/suspend", obj("reason", " ")), 400, ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post(path + "/suspend", obj()), 400, ErrorCode.VALIDATION_FAILED);

        assertThat(staff().get(path).json().path("suspended").asBoolean()).isFalse();
        assertThat(staff().get(path + "/history").json().path("events")).hasSize(1);
    }

    @Test
    void the_audit_history_lists_every_event_in_order_with_actor_time_correlation_id_and_reason() {
        String staffer = createAccount("staffer", Role.STAFF);
        Http caller = withToken(staffer);
        Reply created = caller.header("X-Correlation-Id", "it-register-7").post("/api/v1/communities",
                Bodies.community(unique("AuditGrid")));
        String path = created.location();
        caller.header("X-Reason", "new partner institutes").put(path + "/profile", Bodies.profile("Geo sciences"));
        caller.header("X-Correlation-Id", "it-suspend-7").post(path + "/suspend", Bodies.reason("audit pending"));
        caller.post(path + "/reinstate", Bodies.reason("audit passed"));

        Reply history = caller.get(path + "/history");

        assertThat(history.status()).as("%s", history).isEqualTo(200);
        JsonNode events = history.json().path("events");
        assertThat(events.findValuesAsText("eventType")).containsExactly("CommunityRegisteredEvent",
                "CommunityProfileUpdatedEvent", "CommunitySuspendedEvent", "CommunityReinstatedEvent");
        assertThat(events.findValuesAsText("sequenceNumber")).containsExactly("0", "1", "2", "3");
        assertThat(events.findValuesAsText("actor")).containsOnly(staffer);
        assertThat(events.findValuesAsText("recordedAt").stream().map(Instant::parse).toList()).hasSize(4).isSorted();
        assertThat(events.findValuesAsText("correlationId")).hasSize(4).doesNotHaveDuplicates();
        assertThat(events.get(0).path("correlationId").asText()).isEqualTo("it-register-7");
        assertThat(events.get(2).path("correlationId").asText()).isEqualTo("it-suspend-7");
        assertThat(events.get(0).has("reason")).isFalse();
        assertThat(events.get(1).path("reason").asText()).isEqualTo("new partner institutes");
        assertThat(events.get(2).path("reason").asText()).isEqualTo("audit pending");
        assertThat(events.get(3).path("reason").asText()).isEqualTo("audit passed");
    }
}
