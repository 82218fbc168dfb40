package org.gridledger.app.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertNotFound;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** Compute resources through HTTP, down to the read-model tables usage ingest reads. */
class ResourceApiTest extends ApiTestBase {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void registeringAResourceAnswers201WithItsLocationAndFillsTheTablesIngestReads() {
        String provider = registerProvider();
        String site = site();

        Reply created = staff().post("/api/v1/resources", resource(provider, site, "CE01." + site.toLowerCase() + ".de"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("resourceId").asText();
        assertThat(created.location()).isEqualTo("/api/v1/resources/" + id);
        JsonNode read = staff().get(created.location()).json();
        assertThat(read.path("siteName").asText()).isEqualTo(site);
        assertThat(read.path("providerId").asText()).isEqualTo(provider);
        assertThat(read.path("batchSystem").asText()).isEqualTo("SLURM");
        assertThat(read.path("cores").asInt()).isEqualTo(256);
        assertThat(read.path("gpus").asInt()).isEqualTo(4);
        assertThat(read.path("hosts")).extracting(JsonNode::asText).containsExactly("ce01." + site.toLowerCase() + ".de");
        assertThat(read.path("hs06History").get(0).path("effectiveFrom").asText()).isEqualTo("2026-01-01");
        assertThat(read.path("hs06History").get(0).path("hs06PerCore").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(jdbc.sql("select resource_id from accounting_resource_host where host = :host")
                .param("host", "ce01." + site.toLowerCase() + ".de").query(UUID.class).single())
                .isEqualTo(UUID.fromString(id));
        assertThat(jdbc.sql("select site_name from accounting_resource where resource_id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single()).isEqualTo(site);
    }

    @Test
    void aProviderAccountRegistersResourcesOfItsOwnProviderOnly() {
        String own = registerProvider();
        String other = registerProvider();
        Http provider = providerAccount(own);
        String site = site();

        Reply mine = provider.post("/api/v1/resources", resource(own, site, null));
        Reply foreign = provider.post("/api/v1/resources", resource(other, site, null));

        assertThat(mine.status()).as("%s", mine).isEqualTo(201);
        assertProblem(foreign, 403, ErrorCode.OUT_OF_SCOPE);
        assertThat(provider.get("/api/v1/resources?siteName=" + site).json().path("items"))
                .extracting(r -> r.path("providerId").asText()).containsExactly(own);
        assertThat(rowsOfSite(site)).isEqualTo(1);
        String foreignResource = staff().post("/api/v1/resources", resource(other, site(), null)).json()
                .path("resourceId").asText();
        assertProblem(provider.get("/api/v1/resources/" + foreignResource), 403, ErrorCode.OUT_OF_SCOPE);
    }

    @Test
    void aSiteNameBelongsToOneProviderWhoseFurtherResourcesMayShareIt() {
        String first = registerProvider();
        String second = registerProvider();
        String site = site();
        assertThat(staff().post("/api/v1/resources", resource(first, site, null)).status()).isEqualTo(201);

        assertProblem(staff().post("/api/v1/resources", resource(second, site, "ce." + site.toLowerCase() + ".de")),
                409, ErrorCode.SITE_NAME_TAKEN);
        assertThat(rowsOfSite(site)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from accounting_resource_host_claim where host = :host")
                .param("host", "ce." + site.toLowerCase() + ".de").query(Long.class).single()).isZero();
        Reply gpus = staff().post("/api/v1/resources", resource(first, site, null));
        assertThat(gpus.status()).as("%s", gpus).isEqualTo(201);
        assertThat(rowsOfSite(site)).isEqualTo(2);
    }

    @Test
    void anUnknownOrSuspendedProviderIsRefusedAndNothingIsStored() {
        String site = site();
        assertNotFound(staff().post("/api/v1/resources", resource(UUID.randomUUID().toString(), site, null)),
                ErrorCode.PROVIDER_NOT_FOUND);
        String suspended = registerProvider();
        assertSuccess(staff().post("/api/v1/providers/" + suspended + "/suspend", Bodies.reason("audit")));
        assertProblem(staff().post("/api/v1/resources", resource(suspended, site, null)), 422,
                ErrorCode.PROVIDER_SUSPENDED);
        assertThat(rowsOfSite(site)).isZero();
    }

    @Test
    void aHostOfAnotherResourceIsRefusedWith409AndNothingIsStored() {
        String provider = registerProvider();
        String host = "ce." + UUID.randomUUID() + ".example.org";
        assertSuccess(staff().post("/api/v1/resources", resource(provider, site(), host)));
        String site = site();

        Reply duplicate = staff().post("/api/v1/resources", resource(provider, site, host.toUpperCase()));

        assertProblem(duplicate, 409, ErrorCode.RESOURCE_HOST_TAKEN);
        assertThat(rowsOfSite(site)).isZero();
    }

    @Test
    void invalidInputIsAProblemAndNothingIsStored() {
        String provider = registerProvider();
        String site = site();
        Map<String, Object> noCores = resource(provider, site, null);
        noCores.remove("cores");
        Map<String, Object> badSite = resource(provider, "GRID KA", null);
        Map<String, Object> badHs06 = resource(provider, site, null);
        badHs06.put("hs06PerCore", "10.12345");

        assertProblem(staff().post("/api/v1/resources", noCores), 400, ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post("/api/v1/resources", badSite), 400, ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post("/api/v1/resources", badHs06), 400, ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post("/api/v1/resources", obj("providerId", provider, "batchSystem", "TORQUE")), 400,
                ErrorCode.INVALID_VALUE);
        assertThat(rowsOfSite(site)).isZero();
    }

    @Test
    void hs06ValuesAreEffectiveDatedAndNeverReplaced() {
        String path = "/api/v1/resources/" + register(registerProvider(), site(), null);
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);

        Reply rated = staff().post(path + "/hs06", obj("effectiveFrom", tomorrow.toString(), "hs06PerCore", "12.25"));
        Reply again = staff().post(path + "/hs06", obj("effectiveFrom", tomorrow.toString(), "hs06PerCore", "13"));
        Reply past = staff().post(path + "/hs06", obj("effectiveFrom", "2026-01-02", "hs06PerCore", "13"));

        assertThat(rated.status()).as("%s", rated).isEqualTo(201);
        assertThat(rated.location()).isEqualTo(path);
        assertProblem(again, 409, ErrorCode.HS06_DATE_TAKEN);
        assertProblem(past, 422, ErrorCode.HS06_DATE_INVALID);
        assertThat(staff().get(path).json().path("hs06History")).hasSize(2);
        assertThat(staff().get(path + "/hs06").json().path("hs06PerCore").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(staff().get(path + "/hs06?at=" + tomorrow + "T00:00:00Z").json().path("hs06PerCore").decimalValue())
                .isEqualByComparingTo("12.25");
        assertProblem(staff().get(path + "/hs06?at=2025-12-31T23:59:59Z"), 404, ErrorCode.HS06_NOT_IN_FORCE);
    }

    @Test
    void capacityHostsCertificationsAndRetirementAreManagedAndAudited() {
        String provider = registerProvider();
        Http site = providerAccount(provider);
        String host = "arc." + UUID.randomUUID() + ".example.org";
        String path = "/api/v1/resources/" + register(provider, site(), null);

        Reply capacity = site.put(path + "/capacity", obj("batchSystem", "HTCONDOR", "cores", 512, "gpus", 0,
                "specialDevices", List.of("FPGA")));
        Reply hosts = site.put(path + "/hosts", obj("hosts", List.of(host)));
        Reply selfCertified = site.post(path + "/certifications", certification());
        Reply certified = staff().post(path + "/certifications", certification());
        Reply retired = site.post(path + "/retire", Bodies.reason("decommissioned"));
        Reply afterwards = site.put(path + "/hosts", obj("hosts", List.of()));

        assertThat(capacity.json().path("batchSystem").asText()).isEqualTo("HTCONDOR");
        assertThat(capacity.json().path("specialDevices")).extracting(JsonNode::asText).containsExactly("FPGA");
        assertThat(hosts.json().path("hosts")).extracting(JsonNode::asText).containsExactly(host);
        assertProblem(selfCertified, 403, ErrorCode.ACCESS_DENIED);
        assertThat(certified.json().path("certifications").get(0).path("type").asText())
                .isEqualTo("MEDICAL_DATA_PROTECTION");
        assertThat(retired.status()).as("%s", retired).isEqualTo(201);
        assertThat(retired.json().path("retirementReason").asText()).isEqualTo("decommissioned");
        assertProblem(afterwards, 422, ErrorCode.RESOURCE_RETIRED);
        JsonNode history = site.get(path + "/history").json().path("events");
        assertThat(history).extracting(e -> e.path("eventType").asText()).containsExactly("ResourceRegisteredEvent",
                "ResourceCapacityChangedEvent", "ResourceHostsReplacedEvent", "ResourceCertificationRecordedEvent",
                "ResourceRetiredEvent");
        assertThat(staff().get("/api/v1/resources?providerId=" + provider).json().path("totalItems").asLong()).isZero();
        assertThat(staff().get("/api/v1/resources?includeRetired=true&providerId=" + provider).json()
                .path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void aRebuildOfTheResourceProjectionReproducesTheResourceAndKeepsItsHostsClaimed() {
        String host = "ce." + UUID.randomUUID() + ".example.org";
        String path = "/api/v1/resources/" + register(registerProvider(), site(), host);
        assertSuccess(staff().post(path + "/hs06", obj("effectiveFrom", LocalDate.now(ZoneOffset.UTC).plusDays(3)
                .toString(), "hs06PerCore", "12")));
        assertSuccess(staff().post(path + "/certifications", certification()));
        assertSuccess(staff().put(path + "/capacity", obj("batchSystem", "LSF", "cores", 128)));
        JsonNode before = staff().get(path).json();

        assertSuccess(staff().post("/api/v1/admin/projections/accounting_resource/rebuild", null));

        assertThat(staff().get(path).json()).isEqualTo(before);
        assertProblem(staff().post("/api/v1/resources", resource(registerProvider(), site(), host)), 409,
                ErrorCode.RESOURCE_HOST_TAKEN);
    }

    @Test
    void anUnknownResourceIsNotFound() {
        assertProblem(staff().get("/api/v1/resources/" + UUID.randomUUID()), 404, ErrorCode.RESOURCE_NOT_FOUND);
    }

    String registerProvider() {
        Reply reply = staff().post("/api/v1/providers", obj("name", unique("Resource Centre"), "kind", "COMPUTE_CENTRE"));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("providerId").asText();
    }

    String register(String provider, String site, String host) {
        Reply reply = staff().post("/api/v1/resources", resource(provider, site, host));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("resourceId").asText();
    }

    Http providerAccount(String providerId) {
        String username = unique("site");
        Reply reply = staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "roles", List.of(Role.PROVIDER.name()), "providerIds", List.of(providerId)));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return withToken(username);
    }

    static Map<String, Object> resource(String provider, String site, String host) {
        return obj("providerId", provider, "name", site + " CPU", "siteName", site, "batchSystem", "SLURM",
                "cores", 256, "hs06PerCore", "10.50", "hs06EffectiveFrom", "2026-01-01",
                "hosts", host == null ? List.of() : List.of(host), "gpus", 4, "specialDevices", List.of("NVIDIA A100"));
    }

    static Map<String, Object> certification() {
        return obj("type", "MEDICAL_DATA_PROTECTION", "issuedBy", "BfDI", "validFrom", today().minusYears(1).toString(),
                "validUntil", today().plusYears(1).toString());
    }

    static String site() {
        return "SITE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private long rowsOfSite(String site) {
        return jdbc.sql("select count(*) from accounting_resource where site_name = :site").param("site", site)
                .query(Long.class).single();
    }
}
