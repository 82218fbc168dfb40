package org.gridledger.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** A PROVIDER account reads the providers it acts for and no other. */
class ProviderScopeTest extends ApiTestBase {

    @Test
    void a_provider_account_reads_its_own_provider_and_gets_403_out_of_scope_for_another() {
        String a = registerProvider(unique("Own Centre"));
        String b = registerProvider(unique("Other Centre"));
        Http provider = withToken(providerAccount(a));

        Reply own = provider.get("/api/v1/providers/" + a);
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        assertThat(own.json().path("providerId").asText()).isEqualTo(a);
        assertThat(provider.get("/api/v1/providers/" + a + "/certifications/ISO_27001").status()).isEqualTo(200);

        assertProblem(provider.get("/api/v1/providers/" + b), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(provider.get("/api/v1/providers/" + b + "/certifications/ISO_27001"), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(provider.get("/api/v1/providers/00000000-0000-0000-0000-000000000000"), 403,
                ErrorCode.OUT_OF_SCOPE);
    }

    @Test
    void the_provider_list_of_a_provider_account_contains_only_its_own_providers() {
        String a = registerProvider(unique("Listed Centre"));
        registerProvider(unique("Hidden Centre"));
        Http provider = withToken(providerAccount(a));

        JsonNode list = provider.get("/api/v1/providers").json();

        assertThat(list.path("totalItems").asLong()).isEqualTo(1);
        assertThat(list.path("items").findValuesAsText("providerId")).containsExactly(a);
    }

    @Test
    void a_provider_account_changes_nothing() {
        String a = registerProvider(unique("Readonly Centre"));
        Http provider = withToken(providerAccount(a));

        assertProblem(provider.put("/api/v1/providers/" + a + "/capabilities", obj("categories", List.of("TESTBEDS"))),
                403, ErrorCode.ACCESS_DENIED);
        assertProblem(provider.get("/api/v1/providers/" + a + "/history"), 403, ErrorCode.ACCESS_DENIED);
        assertThat(staff().get("/api/v1/providers/" + a).json().path("categories")).isEmpty();
    }

    @Test
    void finance_reads_every_provider_and_other_roles_none() {
        String a = registerProvider(unique("Audited Centre"));

        assertThat(newAccountWithRole(Role.FINANCE).get("/api/v1/providers/" + a).status()).isEqualTo(200);
        assertProblem(newAccountWithRole(Role.COMMUNITY_ADMIN).get("/api/v1/providers/" + a), 403,
                ErrorCode.ACCESS_DENIED);
    }

    @Test
    void finance_beside_provider_reads_every_provider_but_acts_only_for_its_own() {
        String own = registerProvider(unique("Own Centre"));
        String other = registerProvider(unique("Other Centre"));
        String username = unique("fin-provider");
        assertSuccess(staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "displayName", "Finance and provider", "roles", List.of("FINANCE", "PROVIDER"), "providerIds",
                List.of(own))));
        Http both = withToken(username);

        assertThat(both.get("/api/v1/providers/" + other).status()).isEqualTo(200);
        assertProblem(both.post("/api/v1/resources", resource(other)), 403, ErrorCode.OUT_OF_SCOPE);
        Reply registered = both.post("/api/v1/resources", resource(own));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
    }

    private static Map<String, Object> resource(String provider) {
        String site = "SITE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return obj("providerId", provider, "name", site + " CPU", "siteName", site, "batchSystem", "SLURM",
                "cores", 64, "hs06PerCore", "10.00", "hs06EffectiveFrom", "2026-01-01", "hosts", List.of(), "gpus", 0);
    }

    @Test
    void a_token_narrowed_to_a_community_acts_for_none_of_the_accounts_providers() {
        String provider = registerProvider(unique("Community Narrow Centre"));
        String community = registerCommunity(unique("CommNarrowGrid"));
        String username = unique("provadmin");
        assertThat(staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "displayName", "Provider and admin", "roles", List.of("PROVIDER", "COMMUNITY_ADMIN"),
                "providerIds", List.of(provider))).status()).isEqualTo(201);
        assertSuccess(staff().post("/api/v1/communities/" + community + "/admins", obj("username", username)));
        Reply issued = staff().post("/api/v1/tokens", obj("username", username, "name", "community-only",
                "communityId", community));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        Http narrowed = anonymous().bearer(issued.json().path("secret").asText());
        assertThat(withToken(username).get("/api/v1/providers/" + provider).status()).isEqualTo(200);

        assertProblem(narrowed.get("/api/v1/providers/" + provider), 403, ErrorCode.OUT_OF_SCOPE);
        assertThat(narrowed.get("/api/v1/providers").json().path("totalItems").asLong()).isZero();
        assertThat(narrowed.get("/api/v1/me").json().path("providerIds")).isEmpty();
        assertThat(narrowed.get("/api/v1/communities/" + community).status()).as("its own axis").isEqualTo(200);
    }

    private String providerAccount(String providerId) {
        String username = unique("provider");
        Reply reply = staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "displayName", "Provider " + username, "roles", List.of("PROVIDER"), "providerIds", List.of(providerId)));
        assertThat(reply.status()).as("create account %s: %s", username, reply).isEqualTo(201);
        return username;
    }

    private String registerProvider(String name) {
        Reply reply = staff().post("/api/v1/providers", obj("name", name, "kind", "COMPUTE_CENTRE"));
        assertThat(reply.status()).as("register provider %s: %s", name, reply).isEqualTo(201);
        return reply.json().path("providerId").asText();
    }
}
