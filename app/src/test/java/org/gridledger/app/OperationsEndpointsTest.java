package org.gridledger.app;

import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and API clients reach without an account, and what stays hidden. */
class OperationsEndpointsTest extends ApiTestBase {

    @Test
    void health_is_up_without_authentication() {
        Reply reply = anonymous().get("/actuator/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void the_openapi_document_is_json_without_authentication_and_lists_the_api() {
        Reply reply = anonymous().get("/v3/api-docs");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().path("openapi").asText()).startsWith("3.");
        assertThat(reply.json().path("paths").has("/api/v1/communities")).isTrue();
        assertThat(reply.json().path("paths").has("/api/v1/packages/{id}/terms")).isTrue();
        assertThat(reply.json().path("info").path("title").asText()).isEqualTo("GridLedger API");
        assertThat(reply.json().path("components").path("securitySchemes").has("basic")).isTrue();
        assertThat(reply.json().path("components").path("securitySchemes").path("token").path("scheme").asText())
                .isEqualTo("bearer");
    }

    @Test
    void the_environment_endpoint_is_not_exposed_even_to_staff() {
        Reply reply = staff().get("/actuator/env");

        assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    }

    @Test
    void metrics_need_authentication_but_no_particular_role() {
        assertThat(anonymous().get("/actuator/metrics").status()).isEqualTo(401);
        Reply reply = staff().get("/actuator/metrics");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("names").isArray()).isTrue();
    }
}
