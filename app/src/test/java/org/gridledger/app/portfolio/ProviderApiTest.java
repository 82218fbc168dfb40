package org.gridledger.app.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertNotFound;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** Providers through HTTP, down to their projection and the event store on the embedded PostgreSQL. */
class ProviderApiTest extends ApiTestBase {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void registering_a_provider_answers_201_with_its_location_and_reads_back() {
        String name = unique("Compute Centre");

        Reply created = staff().post("/api/v1/providers", obj("name", "  " + name + " ", "kind", "COMPUTE_CENTRE"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("providerId").asText();
        assertThat(created.location()).isEqualTo("/api/v1/providers/" + id);
        JsonNode read = staff().get(created.location()).json();
        assertThat(read.path("name").asText()).isEqualTo(name);
        assertThat(read.path("kind").asText()).isEqualTo("COMPUTE_CENTRE");
        assertThat(read.path("registeredOn").asText()).isEqualTo(today().toString());
        assertThat(read.path("suspended").asBoolean()).isFalse();
        assertThat(read.path("categories")).isEmpty();
        assertThat(read.path("certifications")).isEmpty();
        assertThat(read.path("contacts")).isEmpty();
    }

    @Test
    void capabilities_contacts_and_certifications_are_recorded_and_listed_with_filters() {
        String path = "/api/v1/providers/" + registerProvider(unique("Filtered GmbH"));

        Reply capabilities = staff().put(path + "/capabilities", obj("categories", List.of("TRAINING", "CONSULTING")));
        Reply contacts = staff().put(path + "/contacts", obj("contacts", List.of(
                obj("name", "Anna Berg", "role", "service manager", "email", "anna@example.org", "phone", "+49 1"))));
        Reply certified = staff().post(path + "/certifications", certification("MEDICAL_DATA_PROTECTION",
                today().minusDays(10).toString(), today().plusYears(1).toString()));

        assertThat(capabilities.status()).as("%s", capabilities).isEqualTo(200);
        assertThat(capabilities.json().path("categories")).extracting(JsonNode::asText)
                .containsExactly("TRAINING", "CONSULTING");
        assertThat(contacts.status()).as("%s", contacts).isEqualTo(200);
        assertThat(contacts.json().path("contacts").get(0).path("email").asText()).isEqualTo("anna@example.org");
        assertThat(certified.status()).as("%s", certified).isEqualTo(201);
        assertThat(certified.location()).isEqualTo(path);
        assertThat(certified.json().path("certifications").get(0).path("type").asText())
                .isEqualTo("MEDICAL_DATA_PROTECTION");

        String id = path.substring(path.lastIndexOf('/') + 1);
        assertThat(listed("?category=TRAINING&certifiedFor=MEDICAL_DATA_PROTECTION")).contains(id);
        assertThat(listed("?category=TESTBEDS")).doesNotContain(id);
        assertThat(listed("?certifiedFor=MEDICAL_DATA_PROTECTION&certifiedOn=" + today().plusYears(2)))
                .doesNotContain(id);
        assertThat(staff().get(path + "/certifications/MEDICAL_DATA_PROTECTION").json().path("valid").asBoolean())
                .isTrue();
        assertThat(staff().get(path + "/certifications/ISO_27001").json().path("valid").asBoolean()).isFalse();
    }

    @Test
    void a_withdrawn_certification_no_longer_counts_from_today() {
        String path = "/api/v1/providers/" + registerProvider(unique("Withdrawn AG"));
        assertSuccess(staff().post(path + "/certifications", certification("ISO_27001",
                today().minusYears(1).toString(), today().plusYears(1).toString())));

        Reply withdrawn = staff().post(path + "/certifications/ISO_27001/withdraw", Bodies.reason("audit failed"));

        assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(201);
        assertThat(withdrawn.json().path("certifications").get(0).path("withdrawnOn").asText())
                .isEqualTo(today().toString());
        assertThat(staff().get(path + "/certifications/ISO_27001").json().path("valid").asBoolean()).isFalse();
        assertThat(staff().get(path + "/certifications/ISO_27001?on=" + today().minusDays(1)).json().path("valid")
                .asBoolean()).isTrue();
        assertProblem(staff().post(path + "/certifications/ISO_27001/withdraw", Bodies.reason("again")), 422,
                ErrorCode.CERTIFICATION_NOT_FOUND);
        JsonNode events = staff().get(path + "/history").json().path("events");
        assertThat(events).hasSize(3);
        assertThat(events.get(2).path("reason").asText()).isEqualTo("audit failed");
    }

    @Test
    void a_suspended_provider_keeps_its_capabilities_until_it_is_reinstated() {
        String path = "/api/v1/providers/" + registerProvider(unique("Suspended Centre"));

        Reply suspended = staff().post(path + "/suspend", Bodies.reason("contract ended"));

        assertThat(suspended.status()).as("%s", suspended).isEqualTo(201);
        assertThat(suspended.json().path("suspended").asBoolean()).isTrue();
        assertThat(suspended.json().path("suspensionReason").asText()).isEqualTo("contract ended");
        assertProblem(staff().put(path + "/capabilities", obj("categories", List.of("TESTBEDS"))), 422,
                ErrorCode.PROVIDER_SUSPENDED);
        assertProblem(staff().post(path + "/suspend", Bodies.reason("again")), 422, ErrorCode.PROVIDER_SUSPENDED);
        assertThat(staff().get(path).json().path("categories")).isEmpty();

        assertSuccess(staff().post(path + "/reinstate", Bodies.reason("new contract")));
        assertProblem(staff().post(path + "/reinstate", Bodies.reason("twice")), 422, ErrorCode.PROVIDER_NOT_SUSPENDED);
        assertThat(staff().put(path + "/capabilities", obj("categories", List.of("TESTBEDS"))).status()).isEqualTo(200);
    }

    @Test
    void a_duplicate_name_is_refused_with_409_and_nothing_is_stored() {
        String name = unique("Twin Centre");
        registerProvider(name);

        Reply duplicate = staff().post("/api/v1/providers", obj("name", name.toUpperCase(), "kind", "COMPANY"));

        assertProblem(duplicate, 409, ErrorCode.PROVIDER_NAME_TAKEN);
        assertThat(jdbc.sql("select count(*) from provider where lower(name) = lower(:name)").param("name", name)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from domain_event_entry where payload_type like '%ProviderRegisteredEvent'
                        and convert_from(payload, 'UTF8') ilike '%' || :name || '%'""").param("name", name)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void invalid_certification_dates_are_refused_with_422_and_nothing_is_stored() {
        String id = registerProvider(unique("Dated Centre"));
        String path = "/api/v1/providers/" + id;

        assertProblem(staff().post(path + "/certifications", certification("ISO_27001", "2026-06-01", "2026-06-01")),
                422, ErrorCode.CERTIFICATION_INVALID);
        assertProblem(staff().post(path + "/certifications", certification("ISO_27001", "2026-06-01", "2026-01-01")),
                422, ErrorCode.CERTIFICATION_INVALID);
        assertProblem(staff().post(path + "/certifications", obj("type", "ISO_27001", "validFrom", "2026-06-01")),
                400, ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post(path + "/certifications", certification("ISO_9999", "2026-01-01", "2027-01-01")),
                400, ErrorCode.INVALID_VALUE);

        assertThat(staff().get(path).json().path("certifications")).isEmpty();
        assertThat(staff().get(path + "/history").json().path("events")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from provider_certification where provider_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isZero();
    }

    @Test
    void an_unknown_provider_is_answered_404_and_nothing_is_stored() {
        String unknown = "/api/v1/providers/" + UUID.randomUUID();

        assertProblem(staff().get(unknown), 404, ErrorCode.PROVIDER_NOT_FOUND);
        assertNotFound(staff().put(unknown + "/capabilities", obj("categories", List.of("TESTBEDS"))),
                ErrorCode.PROVIDER_NOT_FOUND);
        assertNotFound(staff().post(unknown + "/certifications", certification("ISO_27001", "2026-01-01", "2027-01-01")),
                ErrorCode.PROVIDER_NOT_FOUND);
        assertNotFound(staff().post(unknown + "/suspend", Bodies.reason("who?")), ErrorCode.PROVIDER_NOT_FOUND);
        assertNotFound(staff().get(unknown + "/history"), ErrorCode.PROVIDER_NOT_FOUND);
        assertNotFound(staff().get(unknown + "/certifications/ISO_27001"), ErrorCode.PROVIDER_NOT_FOUND);

        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", unknown.substring(unknown.lastIndexOf('/') + 1)).query(Long.class).single()).isZero();
    }

    @Test
    void malformed_provider_requests_are_answered_400() {
        assertProblem(staff().post("/api/v1/providers", obj("name", " ", "kind", "COMPANY")), 400,
                ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post("/api/v1/providers", obj("name", unique("Kindless"))), 400,
                ErrorCode.VALIDATION_FAILED);
        String path = "/api/v1/providers/" + registerProvider(unique("Contacted"));
        assertProblem(staff().put(path + "/contacts", obj("contacts", List.of(obj("name", "Anna", "email", "anna")))),
                400, ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post(path + "/suspend", obj("reason", " ")), 400, ErrorCode.VALIDATION_FAILED);
        assertThat(staff().get(path + "/history").json().path("events")).hasSize(1);
    }

    private List<String> listed(String filter) {
        return staff().get("/api/v1/providers" + filter + (filter.isEmpty() ? "?" : "&") + "size=200").json()
                .path("items").findValuesAsText("providerId");
    }

    private String registerProvider(String name) {
        Reply reply = staff().post("/api/v1/providers", obj("name", name, "kind", "COMPANY"));
        assertThat(reply.status()).as("register provider %s: %s", name, reply).isEqualTo(201);
        return reply.json().path("providerId").asText();
    }

    private static Object certification(String type, String from, String until) {
        return obj("type", type, "issuedBy", "TÜV", "validFrom", from, "validUntil", until);
    }
}
