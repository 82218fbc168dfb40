package org.gridledger.app.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** Rebuilding a read model from the event store yields the rows the subscribing processor wrote event by event. */
class ProjectionRebuildTest extends ApiTestBase {

    @Test
    void the_rebuildable_groups_are_the_projections_of_every_context() {
        assertThat(staff().get("/api/v1/admin/projections").json()).extracting(JsonNode::asText)
                .containsExactly("accounting_job", "accounting_resource", "billed_usage", "community", "funding_grant",
                        "identity_certificate", "invoice", "ledger", "proposal", "provider", "provider_settlement",
                        "subscription",
                        "support_package", "tariff", "tender", "ticket", "usage_billed_period", "usage_summary",
                        "virtual_organization");
    }

    @Test
    void rebuilding_the_community_projection_reproduces_profiles_versions_and_admins() {
        String path = "/api/v1/communities/" + registerCommunity(unique("RebuiltGrid"));
        staff().put(path + "/profile", Bodies.profile("Second profile", 42));
        staff().post(path + "/admins", obj("username", createAccount("ca", Role.COMMUNITY_ADMIN)));
        staff().post(path + "/suspend", Bodies.reason("rebuild check"));
        JsonNode community = staff().get(path).json();
        JsonNode versions = staff().get(path + "/profile-history").json();

        Reply rebuilt = staff().post("/api/v1/admin/projections/community/rebuild", null);

        assertThat(rebuilt.status()).as("%s", rebuilt).isEqualTo(200);
        assertThat(rebuilt.header("Location")).as("nothing addressable is created").isEmpty();
        assertThat(rebuilt.json().path("eventsReplayed").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(staff().get(path).json()).isEqualTo(community);
        assertThat(staff().get(path + "/profile-history").json()).isEqualTo(versions);
    }

    @Test
    void rebuilding_the_package_projection_reproduces_status_and_price_history() {
        String path = "/api/v1/packages/" + definePublishedPackage(unique("Rebuilt"));
        staff().post(path + "/terms", Bodies.terms(today().plusDays(3), "111.00"));
        staff().post(path + "/terms", Bodies.terms(today().plusDays(3), "112.00"));
        JsonNode supportPackage = staff().get(path).json();
        JsonNode terms = staff().get(path + "/terms").json();

        assertSuccess(staff().post("/api/v1/admin/projections/support_package/rebuild", null));

        assertThat(staff().get(path).json()).isEqualTo(supportPackage);
        assertThat(staff().get(path + "/terms").json()).isEqualTo(terms);
    }

    @Test
    void rebuilding_the_provider_projection_reproduces_capabilities_certifications_contacts_and_suspension() {
        Reply registered = staff().post("/api/v1/providers", obj("name", unique("Rebuilt Centre"), "kind", "COMPANY"));
        assertSuccess(registered);
        String path = registered.location();
        staff().put(path + "/capabilities", obj("categories", List.of("TRAINING", "TESTBEDS")));
        staff().put(path + "/contacts", obj("contacts", List.of(obj("name", "Eva", "email", "eva@example.org"))));
        staff().post(path + "/certifications", obj("type", "ISO_27001", "validFrom", today().minusYears(1).toString(),
                "validUntil", today().plusYears(1).toString()));
        staff().post(path + "/certifications/ISO_27001/withdraw", Bodies.reason("rebuild check"));
        staff().post(path + "/suspend", Bodies.reason("rebuild check"));
        JsonNode provider = staff().get(path).json();
        assertThat(provider.path("certifications")).hasSize(1);

        assertSuccess(staff().post("/api/v1/admin/projections/provider/rebuild", null));

        assertThat(staff().get(path).json()).isEqualTo(provider);
    }

    @Test
    void an_unknown_group_answers_404() {
        assertProblem(staff().post("/api/v1/admin/projections/nothing/rebuild", null), 404, ErrorCode.NOT_FOUND);
    }
}
