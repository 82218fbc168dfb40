package org.gridledger.app.finance;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.finance.FinanceBodies.tariff;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** Tariffs through HTTP: versions, overlaps refused, precedence of the price in force, provider scope. */
class TariffApiTest extends ApiTestBase {

    @Test
    void a_price_change_adds_a_version_and_the_price_in_force_follows_the_precedence() {
        String provider = registerProvider();
        String community = registerCommunity(unique("AgreedGrid"));
        String resource = resourceOf(provider);
        Reply defined = staff().post("/api/v1/tariffs", tariff(provider, "HS06_HOUR", "0.030", "2026-01-01"));
        assertThat(defined.status()).as("%s", defined).isEqualTo(201);
        String path = defined.location();
        assertThat(defined.json().path("kind").asText()).isEqualTo("PROVIDER_DEFAULT");

        Reply changed = staff().post(path + "/prices", obj("price", "0.035", "effectiveFrom", "2027-01-01"));
        assertThat(changed.status()).as("%s", changed).isEqualTo(201);
        assertThat(changed.json().path("prices")).extracting(p -> p.path("price").path("amount").asText())
                .containsExactly("0.03", "0.035");
        JsonNode resourceTariff = staff().post("/api/v1/tariffs", obj("providerId", provider, "resourceId", resource,
                "unit", "HS06_HOUR", "price", "0.040", "effectiveFrom", "2026-01-01")).json();
        assertThat(resourceTariff.path("kind").asText()).isEqualTo("RESOURCE");
        JsonNode agreement = staff().post("/api/v1/tariffs", obj("providerId", provider, "communityId", community,
                "unit", "HS06_HOUR", "price", "0.020", "effectiveFrom", "2026-01-01",
                "effectiveUntil", "2026-12-01")).json();

        assertThat(price(provider, resource, community, "2026-06-15T12:00:00Z").path("tariffId").asText())
                .isEqualTo(agreement.path("tariffId").asText());
        assertThat(price(provider, resource, community, "2026-12-15T12:00:00Z").path("price").path("amount").asText())
                .isEqualTo("0.04");
        assertThat(price(provider, UUID.randomUUID().toString(), community, "2027-02-01T00:00:00Z")
                .path("price").path("amount").asText()).isEqualTo("0.035");
        assertProblem(staff().get("/api/v1/tariffs/price-in-force?providerId=" + provider
                + "&unit=HS06_HOUR&at=2025-01-01T00:00:00Z"), 404, ErrorCode.PRICE_NOT_IN_FORCE);
        assertThat(staff().get(path + "/history").json().path("events")).hasSize(3);
    }

    @Test
    void overlapping_and_duplicate_tariffs_are_refused_and_nothing_is_stored() {
        String provider = registerProvider();
        String community = registerCommunity(unique("OverlapGrid"));
        String path = staff().post("/api/v1/tariffs", tariff(provider, "GPU_HOUR", "1.20", "2026-01-01")).location();
        String agreement = staff().post("/api/v1/tariffs", obj("providerId", provider, "communityId", community,
                "unit", "GPU_HOUR", "price", "0.90", "effectiveFrom", "2026-01-01", "effectiveUntil", "2026-07-01"))
                .location();

        assertProblem(staff().post(path + "/prices", obj("price", "1.30", "effectiveFrom", "2026-01-01")), 409,
                ErrorCode.TARIFF_OVERLAPS);
        assertProblem(staff().post(agreement + "/prices", obj("price", "0.80", "effectiveFrom", "2026-06-01")), 409,
                ErrorCode.TARIFF_OVERLAPS);
        assertProblem(staff().post("/api/v1/tariffs", tariff(provider, "GPU_HOUR", "1.50", "2026-03-01")), 409,
                ErrorCode.TARIFF_EXISTS);
        assertProblem(staff().post(path + "/prices", obj("price", "1.30", "currency", "USD",
                "effectiveFrom", "2026-03-01")), 422, ErrorCode.CURRENCY_MISMATCH);
        assertProblem(staff().post("/api/v1/tariffs", tariff(provider, "SEAT", "1", "2026-03-01")), 422,
                ErrorCode.TARIFF_INVALID);
        // a tariff is kept for good and holds its key: its provider, community and resource must exist and match
        assertProblem(staff().post("/api/v1/tariffs", tariff(UUID.randomUUID().toString(), "CPU_HOUR", "0.01",
                "2026-03-01")), 404, ErrorCode.PROVIDER_NOT_FOUND);
        assertProblem(staff().post("/api/v1/tariffs", obj("providerId", provider, "communityId",
                UUID.randomUUID().toString(), "unit", "CPU_HOUR", "price", "0.01", "effectiveFrom", "2026-03-01")),
                404, ErrorCode.COMMUNITY_NOT_FOUND);
        assertProblem(staff().post("/api/v1/tariffs", obj("providerId", provider, "resourceId",
                UUID.randomUUID().toString(), "unit", "CPU_HOUR", "price", "0.01", "effectiveFrom", "2026-03-01")),
                404, ErrorCode.RESOURCE_NOT_FOUND);
        String foreignResource = resourceOf(registerProvider());
        assertProblem(staff().post("/api/v1/tariffs", obj("providerId", provider, "resourceId", foreignResource,
                "unit", "CPU_HOUR", "price", "0.01", "effectiveFrom", "2026-03-01")), 422, ErrorCode.TARIFF_INVALID);

        assertThat(staff().get(path).json().path("prices")).hasSize(1);
        assertThat(staff().get(agreement).json().path("prices")).hasSize(1);
        assertThat(staff().get("/api/v1/tariffs?providerId=" + provider).json().path("totalItems").asLong())
                .isEqualTo(2);
    }

    @Test
    void a_provider_reads_only_the_tariffs_of_its_own_provider() {
        String own = registerProvider();
        String other = registerProvider();
        String ownTariff = staff().post("/api/v1/tariffs", tariff(own, "WALL_HOUR", "0.01", "2026-01-01")).location();
        String otherTariff = staff().post("/api/v1/tariffs", tariff(other, "WALL_HOUR", "0.02", "2026-01-01"))
                .location();
        String username = unique("tariff-provider");
        assertSuccess(staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "roles", List.of("PROVIDER"), "providerIds", List.of(own))));
        Http provider = withToken(username);

        assertThat(provider.get("/api/v1/tariffs").json().path("items"))
                .extracting(t -> t.path("providerId").asText()).containsOnly(own);
        assertSuccess(provider.get(ownTariff));
        assertProblem(provider.get(otherTariff), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(provider.get("/api/v1/tariffs/price-in-force?providerId=" + other + "&unit=WALL_HOUR"), 403,
                ErrorCode.OUT_OF_SCOPE);
        assertProblem(provider.post("/api/v1/tariffs", tariff(own, "HS06_HOUR", "0.01", "2026-01-01")), 403,
                ErrorCode.ACCESS_DENIED);
    }

    private JsonNode price(String provider, String resource, String community, String at) {
        Reply reply = staff().get("/api/v1/tariffs/price-in-force?providerId=" + provider + "&resourceId=" + resource
                + "&unit=HS06_HOUR&communityId=" + community + "&at=" + at);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    /** A compute resource of the provider, registered through the API. */
    private String resourceOf(String provider) {
        String site = "TARIFF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Reply registered = staff().post("/api/v1/resources", obj("providerId", provider, "name", site + " CPU",
                "siteName", site, "batchSystem", "SLURM", "cores", 16, "hs06PerCore", "10"));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        return registered.json().path("resourceId").asText();
    }

    private String registerProvider() {
        return staff().post("/api/v1/providers", obj("name", unique("Tariffed Centre"), "kind", "COMPUTE_CENTRE"))
                .json().path("providerId").asText();
    }
}
