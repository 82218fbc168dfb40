package org.gridledger.app.security;

import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * Audit trails of communities, subscriptions and resources: staff read them all, a community admin those of its own
 * communities, a provider account those of its providers' resources. FINANCE reads every community and provider, but
 * an account holding FINANCE beside a scoped role gets no other community's or provider's trail through it.
 */
class AuditTrailScopeTest extends ApiTestBase {

    @Test
    void finance_beside_community_admin_reads_the_trails_of_its_own_communities_only() {
        String own = registerCommunity(unique("TrailOwnGrid"));
        String other = registerCommunity(unique("TrailOtherGrid"));
        String pkg = definePublishedPackage(unique("TrailPackage"));
        String subscription = staff().post("/api/v1/communities/" + other + "/subscriptions",
                obj("packageId", pkg, "startsOn", today().toString(), "seats", 1)).json().path("subscriptionId").asText();
        String username = createAccount("fin-trail", Role.FINANCE, Role.COMMUNITY_ADMIN);
        assertSuccess(staff().post("/api/v1/communities/" + own + "/admins", obj("username", username)));
        Http both = withToken(username);

        assertThat(both.get("/api/v1/communities/" + own + "/history").status()).isEqualTo(200);
        assertProblem(both.get("/api/v1/communities/" + other + "/history"), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(both.get("/api/v1/subscriptions/" + subscription + "/history"), 403, ErrorCode.OUT_OF_SCOPE);
        assertThat(both.get("/api/v1/communities/" + other).status()).as("FINANCE still reads the community")
                .isEqualTo(200);
    }

    @Test
    void finance_beside_provider_reads_the_trails_of_its_own_providers_resources_only() {
        String own = staff().post("/api/v1/providers", obj("name", unique("Trail Centre"), "kind", "COMPUTE_CENTRE"))
                .json().path("providerId").asText();
        String other = staff().post("/api/v1/providers", obj("name", unique("Other Centre"), "kind", "COMPUTE_CENTRE"))
                .json().path("providerId").asText();
        String ownResource = staff().post("/api/v1/resources", resource(own)).json().path("resourceId").asText();
        String otherResource = staff().post("/api/v1/resources", resource(other)).json().path("resourceId").asText();
        String username = unique("fin-provider");
        assertSuccess(staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "roles", List.of("FINANCE", "PROVIDER"), "providerIds", List.of(own))));
        Http both = withToken(username);

        assertThat(both.get("/api/v1/resources/" + ownResource + "/history").status()).isEqualTo(200);
        assertProblem(both.get("/api/v1/resources/" + otherResource + "/history"), 403, ErrorCode.OUT_OF_SCOPE);
        assertThat(both.get("/api/v1/resources/" + otherResource).status()).as("FINANCE still reads the resource")
                .isEqualTo(200);
    }

    private static Map<String, Object> resource(String provider) {
        String site = "TRAIL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return obj("providerId", provider, "name", site + " CPU", "siteName", site, "batchSystem", "SLURM",
                "cores", 16, "hs06PerCore", "10");
    }
}
