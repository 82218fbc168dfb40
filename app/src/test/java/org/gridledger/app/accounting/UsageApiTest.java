package org.gridledger.app.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * Usage uploads through HTTP against the real service: formats, per-record rejections, document errors, idempotency,
 * deduplication, the unattributed queue and its assignment, late data and who sees which summaries.
 */
class UsageApiTest extends ApiTestBase {

    @Autowired
    private DataSource dataSource;

    private String site;
    private String providerId;
    private String providerUsername;
    private Http provider;

    @BeforeEach
    void aProviderWithOneResource() {
        providerId = staff().post("/api/v1/providers", obj("name", unique("UsageProvider"), "kind", "COMPUTE_CENTRE"))
                .json().path("providerId").asText();
        providerUsername = unique("usage-provider");
        assertSuccess(staff().post("/api/v1/accounts", obj("username", providerUsername, "password", ACCOUNT_PASSWORD,
                "roles", List.of("PROVIDER"), "providerIds", List.of(providerId))));
        provider = withToken(providerUsername);
        site = "DE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        registerResource(providerId, site, "10");
    }

    @Test
    void anApelUploadIsCountedAndItsRetryWithTheSameKeyReturnsTheFirstAnswer() {
        String doc = apel(job("1", "atlas", 1_790_000_000L, 3600), job("2", "atlas", 1_790_000_100L, 60));

        Reply first = upload(provider, "key-1", "text/plain", doc);
        Reply retry = upload(provider, "key-1", "text/plain", doc);

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().path("format").asText()).isEqualTo("APEL");
        assertThat(first.json().path("counts").path("accepted").asLong()).isEqualTo(2);
        assertThat(first.header(UsageUploadController.REPLAYED)).contains("false");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header(UsageUploadController.REPLAYED)).contains("true");
        assertThat(syncCount()).isEqualTo(2);
    }

    @Test
    void theSameDocumentUnderANewKeyIsAllDuplicatesAndAChangedJobReplacesItsRecord() {
        upload(provider, "a", "text/plain", apel(job("1", "atlas", 1_790_000_000L, 3600)));

        JsonNode again = upload(provider, "b", "text/plain", apel(job("1", "atlas", 1_790_000_000L, 3600))).json();
        JsonNode changed = upload(provider, "c", "text/plain", apel(job("1", "atlas", 1_790_000_000L, 7200))).json();

        assertThat(again.path("counts").path("duplicate").asLong()).isEqualTo(1);
        assertThat(changed.path("counts").path("replaced").asLong()).isEqualTo(1);
        assertThat(syncCount()).isEqualTo(1);
    }

    @Test
    void anUploadNeedsAnIdempotencyKeyAndAReadableDocument() {
        assertProblem(upload(provider, null, "text/plain", apel(job("1", "atlas", 1_790_000_000L, 60))), 400,
                ErrorCode.USAGE_IDEMPOTENCY_KEY_REQUIRED);
        String broken = apel(job("1", "atlas", 1_790_000_000L, 60)).replace("APEL-individual-job-message: v0.2",
                "APEL-individual-job-message: v9.9");
        assertProblem(upload(provider, "broken", "text/plain", broken), 400, ErrorCode.USAGE_DOCUMENT_MALFORMED);
        assertProblem(upload(provider, "json", "application/json", "[{\"site\": \"" + site + "\", "), 400,
                ErrorCode.USAGE_DOCUMENT_MALFORMED);
        assertThat(syncCount()).isZero();
    }

    @Test
    void recordsOfAnotherProvidersSiteAreRejectedOneByOne() {
        String otherProvider = staff().post("/api/v1/providers", obj("name", unique("Other"), "kind", "COMPANY"))
                .json().path("providerId").asText();
        String otherSite = "DE-OTHER-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        registerResource(otherProvider, otherSite, "8");

        JsonNode answer = upload(provider, "mixed", "text/plain", apel(job("1", "atlas", 1_790_000_000L, 60),
                job("2", "atlas", 1_790_000_000L, 60).replace("Site: " + site, "Site: " + otherSite))).json();

        assertThat(answer.path("counts").path("accepted").asLong()).isEqualTo(1);
        assertThat(answer.path("counts").path("rejected").asLong()).isEqualTo(1);
        assertThat(answer.path("rejections").path(0).path("index").asInt()).isEqualTo(1);
        assertThat(answer.path("rejections").path(0).path("reason").asText()).contains("unknown site");
    }

    @Test
    void unattributedUsageWaitsForStaffAndThenCountsForTheCommunityItsAdminSees() {
        String vo = "vo-" + UUID.randomUUID().toString().substring(0, 8);
        upload(provider, "q", "text/plain", apel(job("1", vo, 1_790_000_000L, 3600), job("2", vo, 1_790_000_000L, 60)));
        JsonNode queue = staff().get("/api/v1/usage/unattributed?vo=" + vo).json();
        assertThat(queue.path("items").path(0).path("records").asLong()).isEqualTo(2);

        String community = registerCommunity(unique("UsageGrid"));
        String adminName = createAccount("usage-admin", Role.COMMUNITY_ADMIN);
        assertSuccess(staff().post("/api/v1/communities/" + community + "/admins", obj("username", adminName)));
        Reply assigned = staff().post("/api/v1/usage/unattributed/assign", obj("vo", vo, "communityId", community));

        assertThat(assigned.status()).as("%s", assigned).isEqualTo(201);
        assertThat(assigned.json().path("records").asLong()).isEqualTo(2);
        assertThat(staff().get("/api/v1/usage/unattributed?vo=" + vo).json().path("totalItems").asLong()).isZero();
        JsonNode asAdmin = withToken(adminName).get("/api/v1/usage/summaries?vo=" + vo).json();
        assertThat(asAdmin.path("items")).hasSize(1);
        assertThat(asAdmin.path("items").path(0).path("jobs").asLong()).isEqualTo(2);
        assertThat(asAdmin.path("items").path(0).path("normalisedWall").decimalValue()).isEqualByComparingTo("36600");
        assertProblem(staff().post("/api/v1/usage/unattributed/assign", obj("vo", vo, "communityId", community)), 422,
                ErrorCode.USAGE_NOTHING_TO_ASSIGN);
    }

    @Test
    void summariesAreVisibleToTheProviderAndToStaffAndFinanceButNotToOtherProviders() {
        String vo = "vo-" + UUID.randomUUID().toString().substring(0, 8);
        upload(provider, "v", "text/plain", apel(job("1", vo, 1_790_000_000L, 3600)));
        String community = registerCommunity(unique("VisGrid"));
        assertSuccess(staff().post("/api/v1/usage/unattributed/assign", obj("vo", vo, "communityId", community)));
        String path = "/api/v1/usage/summaries?site=" + site;

        assertThat(provider.get(path).json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(staff().get(path).json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(newAccountWithRole(Role.FINANCE).get(path).json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(newAccountWithRole(Role.COMMUNITY_ADMIN).get(path).json().path("totalItems").asLong()).isZero();
        String otherProvider = staff().post("/api/v1/providers", obj("name", unique("Nosy"), "kind", "COMPANY"))
                .json().path("providerId").asText();
        String nosy = unique("nosy");
        assertSuccess(staff().post("/api/v1/accounts", obj("username", nosy, "password", ACCOUNT_PASSWORD,
                "roles", List.of("PROVIDER"), "providerIds", List.of(otherProvider))));
        assertThat(withToken(nosy).get(path).json().path("totalItems").asLong()).isZero();
        assertProblem(newAccountWithRole(Role.MEMBER).get(path), 403, ErrorCode.ACCESS_DENIED);

        Reply csv = provider.get("/api/v1/usage/summaries/csv?site=" + site);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("month,site,provider_id,vo,community_id");
        assertThat(csv.body().lines()).hasSize(2);
        JsonNode sharing = provider.get("/api/v1/usage/sharing").json().path("cells");
        assertThat(sharing).anySatisfy(c -> assertThat(c.path("communityId").asText()).isEqualTo(community));
    }

    @Test
    void aSitesMonthExportsAsApelSummaryAndSyncMessages() {
        long end = Instant.parse("2026-08-10T10:00:00Z").getEpochSecond();
        upload(provider, "export", "text/plain", apel(job("1", "atlas", end, 3600), job("2", "atlas", end, 60)));

        Reply summary = provider.get("/api/v1/usage/exports/apel-summaries?site=" + site + "&month=2026-08");
        Reply sync = provider.get("/api/v1/usage/exports/apel-sync?site=" + site + "&month=2026-08");

        assertThat(summary.status()).as("%s", summary).isEqualTo(200);
        assertThat(summary.body()).startsWith("APEL-summary-job-message: v0.3").contains("Site: " + site)
                .contains("NumberOfJobs: 2").contains("WallDuration: 3660").contains("NormalisedWallDuration: 36600");
        assertThat(sync.body()).startsWith("APEL-sync-message").contains("NumberOfJobs: 2");
    }

    @Test
    void aLineBreakInAStoredDnIsASpaceInTheApelExportAndItsJobsOneSummary() {
        String jobs = "[" + jsonJob("lb1", "/C=DE/O=GridGermany/CN=Jane\\nDoe") + ","
                + jsonJob("lb2", "/C=DE/O=GridGermany/CN=Jane Doe") + "]";
        Reply uploaded = upload(provider, "json-lines", "application/json", jobs);
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(200);
        assertThat(uploaded.json().path("counts").path("accepted").asLong()).isEqualTo(2);

        Reply summary = provider.get("/api/v1/usage/exports/apel-summaries?site=" + site + "&month=2026-07");

        assertThat(summary.status()).as("%s", summary).isEqualTo(200);
        assertThat(summary.body()).contains("GlobalUserName: /C=DE/O=GridGermany/CN=Jane Doe\n")
                .contains("NumberOfJobs: 2").doesNotContain("Jane\nDoe");
        assertThat(provider.get("/api/v1/usage/exports/apel-sync?site=" + site + "&month=2026-07").body())
                .contains("NumberOfJobs: 2");
    }

    private String jsonJob(String id, String dn) {
        return "{\"site\": \"" + site + "\", \"submitHost\": \"ce." + site + ".example.org\", \"localJobId\": \""
                + jobId(id) + "\", \"globalUserName\": \"" + dn + "\", \"fqan\": \"/atlas/Role=NULL/Capability=NULL\","
                + " \"wallSeconds\": 600, \"cpuSeconds\": 300, \"processors\": 1, \"nodeCount\": 1,"
                + " \"startTime\": \"2026-07-10T09:50:00Z\", \"endTime\": \"2026-07-10T10:00:00Z\","
                + " \"infrastructure\": \"grid\", \"serviceLevelType\": \"HEPSPEC\", \"serviceLevel\": 10}";
    }

    @Test
    void recordsForAMonthClosedForBillingAreMarkedLate() {
        long march2025 = Instant.parse("2025-03-10T10:00:00Z").getEpochSecond();
        upload(provider, "before", "text/plain", apel(job("1", "atlas", march2025, 60)));
        Reply closed = newAccountWithRole(Role.FINANCE).post("/api/v1/usage/billed-periods", obj("month", "2025-03"));
        assertThat(closed.status()).as("%s", closed).isIn(201, 409);

        JsonNode late = upload(provider, "after", "text/plain", apel(job("1", "atlas", march2025, 120),
                job("2", "atlas", march2025, 60))).json();

        assertThat(late.path("counts").path("late").asLong()).isEqualTo(2);
        JsonNode listed = provider.get("/api/v1/usage/late?month=2025-03").json();
        assertThat(listed.path("items").findValuesAsText("localJobId")).contains(jobId("1"), jobId("2"));
        assertProblem(staff().post("/api/v1/usage/billed-periods", obj("month", "2025-03")), 409,
                ErrorCode.USAGE_MONTH_ALREADY_CLOSED);
    }

    private long syncCount() {
        Reply reply = provider.get("/api/v1/usage/exports/sync?site=" + site);
        long total = 0;
        for (JsonNode row : reply.json()) {
            total += row.path("records").asLong();
        }
        return total;
    }

    private Reply upload(Http client, String key, String contentType, String body) {
        Http c = client.header("Content-Type", contentType);
        if (key != null) {
            c = c.header("Idempotency-Key", key + "-" + site);
        }
        return c.post("/api/v1/usage/uploads", body);
    }

    private String jobId(String n) {
        return site + "-" + n;
    }

    private String job(String n, String vo, long end, long wall) {
        return "Site: " + site + "\nSubmitHost: ce." + site + ".example.org\nLocalJobId: " + jobId(n)
                + "\nLocalUserId: u1\nGlobalUserName: /C=DE/O=GridGermany/CN=Jane Doe\nFQAN: /" + vo
                + "/Role=NULL/Capability=NULL\nWallDuration: " + wall + "\nCpuDuration: " + wall / 2
                + "\nProcessors: 1\nNodeCount: 1\nStartTime: " + (end - wall) + "\nEndTime: " + end
                + "\nInfrastructureType: grid\nServiceLevelType: HEPSPEC\nServiceLevel: 10\n%%\n";
    }

    private static String apel(String... jobs) {
        return "APEL-individual-job-message: v0.2\n" + String.join("", jobs);
    }

    private void registerResource(String provider, String siteName, String hs06) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into accounting_resource (resource_id, provider_id, name, site_name, batch_system, cores,"
                        + " registered_at) values (:id, :provider, :name, :site, 'SLURM', 128, :at)")
                .param("id", id).param("provider", UUID.fromString(provider)).param("name", siteName + " cluster")
                .param("site", siteName).param("at", Timestamp.from(Instant.parse("2024-01-01T00:00:00Z"))).update();
        jdbc.sql("insert into accounting_resource_hs06 values (:id, date '2024-01-01', cast(:hs06 as numeric))")
                .param("id", id).param("hs06", hs06).update();
    }
}
