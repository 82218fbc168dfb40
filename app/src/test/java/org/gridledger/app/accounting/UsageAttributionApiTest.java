package org.gridledger.app.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
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

/** Records of a VO that identity knows count at once for the VO's community, whose admin sees them. */
class UsageAttributionApiTest extends ApiTestBase {

    @Autowired
    private DataSource dataSource;

    @Test
    void aRecordOfAKnownVoIsAttributedToItsCommunityAtIngest() {
        String community = registerCommunity(unique("AttrGrid"));
        String vo = "attr" + UUID.randomUUID().toString().substring(0, 8);
        var created = staff().post("/api/v1/vos", obj("communityId", community, "name", vo, "description", "test VO"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String admin = createAccount("attr-admin", Role.COMMUNITY_ADMIN);
        assertSuccess(staff().post("/api/v1/communities/" + community + "/admins", obj("username", admin)));
        String providerId = staff().post("/api/v1/providers", obj("name", unique("AttrProvider"), "kind", "COMPANY"))
                .json().path("providerId").asText();
        String username = unique("attr-provider");
        assertSuccess(staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "roles", List.of("PROVIDER"), "providerIds", List.of(providerId))));
        String site = "DE-ATTR-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        UUID resource = UUID.randomUUID();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into accounting_resource (resource_id, provider_id, name, site_name, batch_system, cores,"
                        + " registered_at) values (:id, :provider, :site, :site, 'SLURM', 8, :at)")
                .param("id", resource).param("provider", UUID.fromString(providerId)).param("site", site)
                .param("at", Timestamp.from(Instant.parse("2024-01-01T00:00:00Z"))).update();
        jdbc.sql("insert into accounting_resource_hs06 values (:id, date '2024-01-01', 12.5)").param("id", resource).update();
        Http provider = withToken(username).header("Content-Type", "application/json").header("Idempotency-Key", site);

        JsonNode answer = provider.post("/api/v1/usage/uploads", "[{\"site\": \"" + site + "\", \"localJobId\": \"1\","
                + " \"fqan\": \"/" + vo + "/Role=NULL/Capability=NULL\", \"globalUserName\": \"/C=DE/CN=Jane\","
                + " \"wallSeconds\": 100, \"cpuSeconds\": 80, \"startTime\": \"2026-09-01T10:00:00Z\","
                + " \"endTime\": \"2026-09-01T10:01:40Z\"}]").json();

        assertThat(answer.path("counts").path("accepted").asLong()).as("%s", answer).isEqualTo(1);
        assertThat(answer.path("counts").path("unattributed").asLong()).isZero();
        JsonNode rows = withToken(admin).get("/api/v1/usage/summaries?month=2026-09&vo=" + vo).json().path("items");
        assertThat(rows).hasSize(1);
        assertThat(rows.path(0).path("communityId").asText()).isEqualTo(community);
        assertThat(rows.path(0).path("normalisedWall").decimalValue()).isEqualByComparingTo("1250");
    }
}
