package org.gridledger.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * Requests the API cannot read: each answers its problem (400, 405, 413, 415) and leaves no trace in the database,
 * which the tests prove by counting, or by registering the same unique name afterwards without a conflict.
 */
class MalformedRequestTest extends ApiTestBase {

    @Test
    void malformed_json_is_refused_with_400_and_registers_nothing() {
        long before = communityCount();

        Reply reply = staff().post("/api/v1/communities", "{\"name\": \"Broken\", \"profile\": {");

        assertProblem(reply, 400, ErrorCode.MALFORMED_REQUEST);
        assertThat(communityCount()).isEqualTo(before);
    }

    @Test
    void an_unknown_enum_value_is_refused_with_400_naming_the_allowed_values() {
        long before = draftCount();

        Reply reply = staff().post("/api/v1/packages", Bodies.supportPackage(unique("Bakery"), "BAKERY"));

        assertProblem(reply, 400, ErrorCode.INVALID_VALUE);
        assertThat(reply.json().path("detail").asText()).contains("category").contains("CONSULTING");
        assertThat(draftCount()).isEqualTo(before);
    }

    @Test
    void an_unknown_field_is_refused_with_400_and_does_not_claim_the_name() {
        String name = unique("Colourful");
        Map<String, Object> body = Bodies.community(name);
        body.put("colour", "red");

        Reply reply = staff().post("/api/v1/communities", body);

        assertProblem(reply, 400, ErrorCode.INVALID_VALUE);
        assertThat(reply.json().path("detail").asText()).contains("colour");
        assertThat(staff().post("/api/v1/communities", Bodies.community(name)).status()).isEqualTo(201);
    }

    @Test
    void a_missing_required_field_is_refused_with_400_listing_the_field() {
        long before = draftCount();

        Reply reply = staff().post("/api/v1/packages", obj("description", "no name", "category", "TRAINING"));

        assertProblem(reply, 400, ErrorCode.VALIDATION_FAILED);
        assertThat(reply.json().path("errors").findValuesAsText("field")).contains("name");
        assertThat(draftCount()).isEqualTo(before);
    }

    @Test
    void an_invalid_uuid_in_the_path_is_refused_with_400() {
        assertProblem(staff().get("/api/v1/packages/not-a-uuid"), 400, ErrorCode.INVALID_VALUE);
        assertProblem(staff().get("/api/v1/communities/1234/profile-history"), 400, ErrorCode.INVALID_VALUE);
        assertProblem(staff().post("/api/v1/communities/xyz/suspend", Bodies.reason("r")), 400,
                ErrorCode.INVALID_VALUE);
        assertProblem(staff().get("/api/v1/tokens/12345"), 400, ErrorCode.INVALID_VALUE);
    }

    @Test
    void an_invalid_uuid_inside_the_body_is_refused_with_400_naming_the_field() {
        Reply reply = staff().post("/api/v1/invoices",
                "{\"communityId\": \"not-a-uuid\", \"period\": \"2026-10\", \"lines\": []}");

        assertProblem(reply, 400, ErrorCode.INVALID_VALUE);
        assertThat(reply.json().path("detail").asText()).contains("communityId");
    }

    @Test
    void a_caller_without_the_role_gets_403_before_its_body_is_read() {
        Http member = newAccountWithRole(Role.MEMBER);

        assertProblem(member.post("/api/v1/packages", "{\"name\": \"Broken\", "), 403, ErrorCode.ACCESS_DENIED);
        assertProblem(member.post("/api/v1/packages", obj("description", "no name", "category", "TRAINING")), 403,
                ErrorCode.ACCESS_DENIED);
        assertProblem(member.post("/api/v1/invoices", "{\"communityId\": \"not-a-uuid\"}"), 403,
                ErrorCode.ACCESS_DENIED);
    }

    @Test
    void invalid_paging_parameters_are_refused_with_400() {
        assertProblem(staff().get("/api/v1/packages?size=0"), 400, ErrorCode.INVALID_VALUE);
        assertProblem(staff().get("/api/v1/communities?page=-1"), 400, ErrorCode.INVALID_VALUE);
        assertProblem(staff().get("/api/v1/communities?size=201"), 400, ErrorCode.INVALID_VALUE);
        assertProblem(staff().get("/api/v1/packages?size=ten"), 400, ErrorCode.INVALID_VALUE);
        assertProblem(staff().get("/api/v1/packages?asOf=yesterday"), 400, ErrorCode.INVALID_VALUE);
        assertProblem(staff().get("/api/v1/billing-runs?size=201"), 400, ErrorCode.INVALID_VALUE);
    }

    @Test
    void an_invalid_correlation_id_is_refused_with_400_and_the_command_is_not_sent() {
        long before = communityCount();

        Reply reply = staff().header("X-Correlation-Id", "has spaces and ümlauts")
                .post("/api/v1/communities", Bodies.community(unique("Correlated")));

        assertProblem(reply, 400, ErrorCode.INVALID_VALUE);
        assertThat(communityCount()).isEqualTo(before);
    }

    @Test
    void a_body_over_the_size_limit_is_refused_with_413_and_registers_nothing() {
        long before = communityCount();
        Map<String, Object> body = Bodies.community(unique("Huge"));
        ((Map<String, Object>) body.get("profile")).put("legalConstraints", "x".repeat(1_500_000));

        Reply reply = staff().post("/api/v1/communities", body);

        assertProblem(reply, 413, ErrorCode.PAYLOAD_TOO_LARGE);
        assertProblem(anonymous().post("/api/v1/communities", body), 413, ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(communityCount()).isEqualTo(before);
    }

    @Test
    void a_chunked_body_growing_over_the_size_limit_is_refused_with_413_and_registers_nothing() {
        long before = communityCount();
        String json = "{\"name\": \"" + unique("Chunked") + "\", \"padding\": \"" + "y".repeat(1_500_000) + "\"}";

        Reply reply = staff().postChunked("/api/v1/communities", json.getBytes(StandardCharsets.UTF_8));

        assertProblem(reply, 413, ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(communityCount()).isEqualTo(before);
    }

    @Test
    void a_chunked_multipart_body_is_not_parsed_by_the_container_and_is_refused_as_an_unsupported_type() {
        long before = communityCount();
        String boundary = "gridledger-test-boundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "z".repeat(2_000_000) + "\r\n--" + boundary + "--\r\n";

        Reply reply = staff().header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .postChunked("/api/v1/communities", multipart.getBytes(StandardCharsets.UTF_8));

        // with multipart parsing on, the container read the 2 MB part into a temporary file before any handler saw it
        assertProblem(reply, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(communityCount()).isEqualTo(before);
    }

    @Test
    void a_method_the_resource_does_not_support_is_refused_with_405() {
        Reply reply = staff().delete("/api/v1/packages");

        assertProblem(reply, 405, ErrorCode.METHOD_NOT_ALLOWED);
        assertThat(reply.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
        assertProblem(staff().put("/api/v1/communities", Bodies.community(unique("Put"))), 405,
                ErrorCode.METHOD_NOT_ALLOWED);
    }

    @Test
    void a_body_that_is_not_json_is_refused_with_415_and_registers_nothing() {
        long before = communityCount();

        Reply reply = staff().header("Content-Type", "text/plain").post("/api/v1/communities", "name=Plain");

        assertProblem(reply, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(communityCount()).isEqualTo(before);
    }

    @Test
    void a_request_accepting_no_type_the_api_produces_gets_406_as_a_problem() {
        Reply reply = staff().header("Accept", "text/csv").get("/api/v1/me");

        assertProblem(reply, 406, ErrorCode.MALFORMED_REQUEST);
    }

    @Test
    void an_unknown_path_answers_404_as_a_problem() {
        assertProblem(staff().get("/api/v1/nothing-here"), 404, ErrorCode.NOT_FOUND);
    }

    private long communityCount() {
        JsonNode page = staff().get("/api/v1/communities?size=1").json();
        return page.path("totalItems").asLong();
    }

    private long draftCount() {
        return staff().get("/api/v1/packages?status=DRAFT&size=1").json().path("totalItems").asLong();
    }
}
