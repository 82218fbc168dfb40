package org.gridledger.app.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertNotFound;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * Well-formed requests that break a rule (422) or name something unknown (404): each answers its problem, and the
 * package's price history and event history show that nothing was stored.
 */
class RefusedChangeTest extends ApiTestBase {

    @Test
    void negative_prices_are_refused_with_422_and_leave_the_price_history_unchanged() {
        String id = defineDraftPackage(unique("Negative"));

        assertProblem(staff().post(terms(id), Bodies.terms(today(), "-1.00")), 422, ErrorCode.NEGATIVE_AMOUNT);
        assertProblem(staff().post(terms(id), Bodies.terms(today(), "10.00", "-0.01", "0.00")), 422,
                ErrorCode.NEGATIVE_AMOUNT);
        assertProblem(staff().post(terms(id), Bodies.terms(today(), "10.00", "0.00", "-5")), 422,
                ErrorCode.NEGATIVE_AMOUNT);

        assertThat(priceHistory(id)).isEmpty();
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void terms_taking_effect_before_the_package_existed_are_refused_with_422() {
        String id = defineDraftPackage(unique("Early"));

        Reply reply = staff().post(terms(id), Bodies.terms(today().minusDays(1), "10.00"));

        assertProblem(reply, 422, ErrorCode.TERMS_BEFORE_PACKAGE);
        assertThat(priceHistory(id)).isEmpty();
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void terms_replacing_those_already_in_force_today_are_refused_as_a_change_of_the_past() {
        String id = definePublishedPackage(unique("InForce"));

        Reply reply = staff().post(terms(id), Bodies.terms(today(), "999.00"));

        assertProblem(reply, 422, ErrorCode.TERMS_CHANGE_PAST);
        assertThat(priceHistory(id)).hasSize(1);
        assertThat(priceHistory(id).get(0).path("monthlyFlatFee").path("amount").asText()).isEqualTo("100.00");
        assertThat(eventCount(id)).isEqualTo(3);
    }

    @Test
    void a_draft_without_terms_cannot_be_published() {
        String id = defineDraftPackage(unique("NoTerms"));

        assertProblem(staff().post("/api/v1/packages/" + id + "/publish", null), 422, ErrorCode.PACKAGE_HAS_NO_TERMS);

        assertThat(staff().get("/api/v1/packages/" + id).json().path("status").asText()).isEqualTo("DRAFT");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void a_draft_cannot_be_retired_and_a_published_package_cannot_be_published_again() {
        String draft = defineDraftPackage(unique("Draft"));
        String published = definePublishedPackage(unique("Published"));

        assertProblem(staff().post("/api/v1/packages/" + draft + "/retire", null), 422,
                ErrorCode.PACKAGE_NOT_PUBLISHED);
        assertProblem(staff().post("/api/v1/packages/" + published + "/publish", null), 422,
                ErrorCode.PACKAGE_NOT_DRAFT);

        assertThat(eventCount(draft)).isEqualTo(1);
        assertThat(eventCount(published)).isEqualTo(3);
    }

    @Test
    void a_retired_package_cannot_be_changed_in_any_way() {
        String id = definePublishedPackage(unique("Retired"));
        assertSuccess(staff().post("/api/v1/packages/" + id + "/retire", Bodies.reason("end of life")));
        JsonNode before = staff().get("/api/v1/packages/" + id).json();

        assertProblem(staff().put("/api/v1/packages/" + id + "/description",
                obj("name", unique("Revived"), "description", "again")), 422, ErrorCode.PACKAGE_RETIRED);
        assertProblem(staff().post(terms(id), Bodies.terms(today().plusDays(5), "1.00")), 422,
                ErrorCode.PACKAGE_RETIRED);
        assertProblem(staff().post("/api/v1/packages/" + id + "/publish", null), 422, ErrorCode.PACKAGE_RETIRED);
        assertProblem(staff().post("/api/v1/packages/" + id + "/retire", null), 422, ErrorCode.PACKAGE_RETIRED);

        assertThat(staff().get("/api/v1/packages/" + id).json()).isEqualTo(before);
        assertThat(priceHistory(id)).hasSize(1);
        assertThat(eventCount(id)).isEqualTo(4);
    }

    @Test
    void an_inconsistent_community_profile_is_refused_with_422_and_claims_no_name_and_adds_no_version() {
        String name = unique("MedicalGrid");
        Map<String, Object> careless = Bodies.profile("Clinical trials");
        careless.put("dataProtectionClass", "PERSONAL_MEDICAL");
        careless.put("securityLevel", "STANDARD");

        assertProblem(staff().post("/api/v1/communities", obj("name", name, "profile", careless)), 422,
                ErrorCode.PROFILE_INVALID);
        String path = "/api/v1/communities/" + registerCommunity(name);
        assertProblem(staff().put(path + "/profile", Bodies.profile("Negative", -1)), 422, ErrorCode.PROFILE_INVALID);

        assertThat(staff().get(path + "/profile-history").json().path("versions")).hasSize(1);
    }

    @Test
    void unknown_packages_answer_404_for_reads_and_commands_and_are_not_created() {
        String path = "/api/v1/packages/" + UUID.randomUUID();

        assertProblem(staff().get(path), 404, ErrorCode.PACKAGE_NOT_FOUND);
        assertProblem(staff().get(path + "/terms"), 404, ErrorCode.PACKAGE_NOT_FOUND);
        assertProblem(staff().get(path + "/history"), 404, ErrorCode.PACKAGE_NOT_FOUND);
        assertProblem(staff().post(path + "/terms", Bodies.terms(today(), "1.00")), 404, ErrorCode.PACKAGE_NOT_FOUND);
        assertNotFound(staff().post(path + "/publish", null), ErrorCode.PACKAGE_NOT_FOUND);
        assertNotFound(staff().post(path + "/retire", null), ErrorCode.PACKAGE_NOT_FOUND);
        assertNotFound(staff().put(path + "/description", obj("name", "n", "description", "d")),
                ErrorCode.PACKAGE_NOT_FOUND);

        assertProblem(staff().get(path), 404, ErrorCode.PACKAGE_NOT_FOUND);
    }

    @Test
    void unknown_communities_accounts_and_tokens_answer_404() {
        String community = "/api/v1/communities/" + UUID.randomUUID();

        assertProblem(staff().get(community), 404, ErrorCode.COMMUNITY_NOT_FOUND);
        assertProblem(staff().get(community + "/profile-history"), 404, ErrorCode.COMMUNITY_NOT_FOUND);
        assertProblem(staff().get(community + "/history"), 404, ErrorCode.COMMUNITY_NOT_FOUND);
        assertNotFound(staff().put(community + "/profile", Bodies.profile("x")), ErrorCode.COMMUNITY_NOT_FOUND);
        assertProblem(staff().post(community + "/suspend", Bodies.reason("r")), 404, ErrorCode.COMMUNITY_NOT_FOUND);
        assertProblem(staff().post(community + "/reinstate", Bodies.reason("r")), 404, ErrorCode.COMMUNITY_NOT_FOUND);
        assertProblem(staff().post(community + "/admins", obj("username", "admin")), 404,
                ErrorCode.COMMUNITY_NOT_FOUND);
        assertProblem(staff().delete(community + "/admins/admin"), 404, ErrorCode.COMMUNITY_NOT_FOUND);
        assertProblem(staff().get("/api/v1/accounts/" + unique("ghost")), 404, ErrorCode.ACCOUNT_NOT_FOUND);
        assertProblem(staff().post("/api/v1/accounts/" + unique("ghost") + "/disable", null), 404,
                ErrorCode.ACCOUNT_NOT_FOUND);
        assertProblem(staff().get("/api/v1/tokens/" + UUID.randomUUID()), 404, ErrorCode.TOKEN_NOT_FOUND);
        assertProblem(staff().delete("/api/v1/tokens/" + UUID.randomUUID()), 404, ErrorCode.TOKEN_NOT_FOUND);

        assertProblem(staff().get(community), 404, ErrorCode.COMMUNITY_NOT_FOUND);
    }

    private static String terms(String packageId) {
        return "/api/v1/packages/" + packageId + "/terms";
    }

    private List<JsonNode> priceHistory(String packageId) {
        List<JsonNode> versions = new ArrayList<>();
        staff().get(terms(packageId)).json().path("versions").forEach(versions::add);
        return versions;
    }

    private int eventCount(String packageId) {
        return staff().get("/api/v1/packages/" + packageId + "/history").json().path("events").size();
    }
}
