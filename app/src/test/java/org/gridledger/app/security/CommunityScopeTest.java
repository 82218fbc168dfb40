package org.gridledger.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** A community admin acts on the communities it administers and on no other. */
class CommunityScopeTest extends ApiTestBase {

    @Test
    void an_admin_of_a_community_reads_and_updates_it() {
        String a = registerCommunity(unique("OwnGrid"));
        Http admin = withToken(adminOf(a));

        assertThat(admin.get("/api/v1/communities/" + a).status()).isEqualTo(200);
        Reply updated = admin.put("/api/v1/communities/" + a + "/profile", Bodies.profile("Own discipline"));
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().path("profileVersion").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/communities/" + a + "/profile-history").json().path("versions")).hasSize(2);
        assertThat(admin.get("/api/v1/communities/" + a + "/history").json().path("events")).hasSize(3);
    }

    @Test
    void an_admin_of_one_community_gets_403_out_of_scope_for_another_and_changes_nothing_there() {
        String a = registerCommunity(unique("MineGrid"));
        String b = "/api/v1/communities/" + registerCommunity(unique("TheirGrid"));
        Http admin = withToken(adminOf(a));

        assertProblem(admin.get(b), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(admin.put(b + "/profile", Bodies.profile("Hijacked")), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(admin.get(b + "/profile-history"), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(admin.get(b + "/history"), 403, ErrorCode.OUT_OF_SCOPE);

        JsonNode untouched = staff().get(b).json();
        assertThat(untouched.path("profileVersion").asInt()).isEqualTo(1);
        assertThat(untouched.path("profile").path("discipline").asText()).isEqualTo("Astro physics");
    }

    @Test
    void the_community_list_of_an_admin_contains_only_its_own_communities() {
        String a = registerCommunity(unique("ListedGrid"));
        registerCommunity(unique("HiddenGrid"));
        Http admin = withToken(adminOf(a));

        JsonNode list = admin.get("/api/v1/communities").json();

        assertThat(list.path("totalItems").asLong()).isEqualTo(1);
        assertThat(list.path("items").findValuesAsText("communityId")).containsExactly(a);
        assertThat(admin.get("/api/v1/me").json().path("communities")).extracting(JsonNode::asText).containsExactly(a);
    }

    @Test
    void a_token_narrowed_to_one_community_reaches_only_that_one_of_several_administered() {
        String a = registerCommunity(unique("NarrowA"));
        String b = registerCommunity(unique("NarrowB"));
        String username = adminOf(a);
        assertSuccess(staff().post("/api/v1/communities/" + b + "/admins", obj("username", username)));
        Reply issued = staff().post("/api/v1/tokens", obj("username", username, "name", "only-a", "communityId", a));
        Http narrowed = anonymous().bearer(issued.json().path("secret").asText());

        assertThat(withToken(username).get("/api/v1/communities").json().path("totalItems").asLong()).isEqualTo(2);
        assertThat(narrowed.get("/api/v1/communities").json().path("items").findValuesAsText("communityId"))
                .containsExactly(a);
        assertThat(narrowed.get("/api/v1/communities/" + a).status()).isEqualTo(200);
        assertProblem(narrowed.get("/api/v1/communities/" + b), 403, ErrorCode.OUT_OF_SCOPE);
    }

    @Test
    void an_admin_removed_from_its_community_loses_access_at_once() {
        String a = registerCommunity(unique("FormerGrid"));
        String username = adminOf(a);
        Http admin = withToken(username);
        assertThat(admin.get("/api/v1/communities/" + a).status()).isEqualTo(200);

        assertThat(staff().delete("/api/v1/communities/" + a + "/admins/" + username).status()).isEqualTo(204);

        assertProblem(admin.get("/api/v1/communities/" + a), 403, ErrorCode.OUT_OF_SCOPE);
        assertThat(admin.get("/api/v1/communities").json().path("totalItems").asLong()).isZero();
    }

    @Test
    void finance_beside_community_admin_reads_every_community_but_acts_only_on_its_own() {
        String own = registerCommunity(unique("FinOwnGrid"));
        String other = registerCommunity(unique("FinOtherGrid"));
        String username = createAccount("fin-ca", Role.FINANCE, Role.COMMUNITY_ADMIN);
        assertSuccess(staff().post("/api/v1/communities/" + own + "/admins", obj("username", username)));
        Http both = withToken(username);

        assertThat(both.get("/api/v1/communities/" + other).status()).isEqualTo(200);
        assertProblem(both.put("/api/v1/communities/" + other + "/profile", Bodies.profile("Taken over")), 403,
                ErrorCode.OUT_OF_SCOPE);
        assertProblem(both.post("/api/v1/vos", obj("communityId", other, "name", unique("fin").toLowerCase(),
                "description", "not ours")), 403, ErrorCode.OUT_OF_SCOPE);
        assertThat(both.put("/api/v1/communities/" + own + "/profile", Bodies.profile("Ours")).status())
                .isEqualTo(200);
        assertThat(staff().get("/api/v1/communities/" + other).json().path("profileVersion").asInt()).isEqualTo(1);
    }

    @Test
    void a_token_narrowed_to_a_community_shows_no_provider_through_finance() {
        String own = registerCommunity(unique("NarrowFinGrid"));
        String username = createAccount("fin-narrow", Role.FINANCE, Role.COMMUNITY_ADMIN);
        assertSuccess(staff().post("/api/v1/communities/" + own + "/admins", obj("username", username)));
        Reply issued = staff().post("/api/v1/tokens", obj("username", username, "name", "narrow", "communityId", own));
        Http narrowed = anonymous().bearer(issued.json().path("secret").asText());
        Reply provider = staff().post("/api/v1/providers", obj("name", unique("Unseen Centre"), "kind", "COMPUTE_CENTRE"));

        assertThat(withToken(username).get("/api/v1/providers/" + provider.json().path("providerId").asText())
                .status()).isEqualTo(200);
        assertProblem(narrowed.get("/api/v1/providers/" + provider.json().path("providerId").asText()), 403,
                ErrorCode.OUT_OF_SCOPE);
    }

    @Test
    void a_token_narrowed_to_a_provider_reaches_no_community_its_account_administers() {
        String own = registerCommunity(unique("ProvNarrowGrid"));
        String provider = staff().post("/api/v1/providers", obj("name", unique("Narrow Centre"),
                "kind", "COMPUTE_CENTRE")).json().path("providerId").asText();
        String username = unique("adminprov");
        assertThat(staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "displayName", "Admin and provider", "roles", java.util.List.of("COMMUNITY_ADMIN", "PROVIDER"),
                "providerIds", java.util.List.of(provider))).status()).isEqualTo(201);
        assertSuccess(staff().post("/api/v1/communities/" + own + "/admins", obj("username", username)));
        Reply issued = staff().post("/api/v1/tokens", obj("username", username, "name", "provider-only",
                "providerId", provider));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        Http narrowed = anonymous().bearer(issued.json().path("secret").asText());
        assertThat(withToken(username).get("/api/v1/communities/" + own).status()).isEqualTo(200);

        assertProblem(narrowed.get("/api/v1/communities/" + own), 403, ErrorCode.OUT_OF_SCOPE);
        assertThat(narrowed.get("/api/v1/communities").json().path("totalItems").asLong()).isZero();
        assertProblem(narrowed.put("/api/v1/communities/" + own + "/profile", Bodies.profile("Not through this")),
                403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(narrowed.post("/api/v1/vos", obj("communityId", own, "name", unique("narrow").toLowerCase(),
                "description", "not through this token")), 403, ErrorCode.OUT_OF_SCOPE);
        assertThat(narrowed.get("/api/v1/me").json().path("communities")).isEmpty();
        assertThat(narrowed.get("/api/v1/providers/" + provider).status()).as("its own axis").isEqualTo(200);
    }

    /** A new account with the role COMMUNITY_ADMIN, assigned as admin of the community. */
    private String adminOf(String communityId) {
        String username = createAccount("ca", Role.COMMUNITY_ADMIN);
        assertSuccess(staff().post("/api/v1/communities/" + communityId + "/admins", obj("username", username)));
        return username;
    }

    @Test
    void a_token_cannot_be_narrowed_to_a_community_its_account_does_not_administer() {
        String a = registerCommunity(unique("ForeignGrid"));
        String b = registerCommunity(unique("HomeGrid"));
        String username = adminOf(b);
        String member = createAccount("member", Role.MEMBER);

        assertProblem(staff().post("/api/v1/tokens", obj("username", username, "name", "foreign", "communityId", a)),
                403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(staff().post("/api/v1/tokens", obj("username", member, "name", "member", "communityId", a)),
                403, ErrorCode.OUT_OF_SCOPE);
        assertThat(staff().get("/api/v1/tokens?username=" + username).json().path("totalItems").asLong()).isZero();
    }
}
