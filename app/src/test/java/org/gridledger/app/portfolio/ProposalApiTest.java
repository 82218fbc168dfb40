package org.gridledger.app.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** Portfolio proposals over HTTP: propose, endorse, decide; refused input that leaves nothing behind; scope. */
class ProposalApiTest extends ApiTestBase {

    private static Map<String, Object> newPackage(String communityId, String name, int seats) {
        return obj("communityId", communityId, "kind", "NEW_PACKAGE", "name", name,
                "description", "Help with porting codes to GPUs", "category", "CONSULTING", "expectedSeats", seats);
    }

    private static Map<String, Object> change(String communityId, String packageId) {
        return obj("communityId", communityId, "kind", "PACKAGE_CHANGE", "packageId", packageId,
                "change", "an URGENT response within 4 working hours", "expectedSeats", 10);
    }

    private static Map<String, Object> endorsement(String communityId, int seats) {
        return obj("communityId", communityId, "expectedSeats", seats);
    }

    private String propose(Map<String, Object> body) {
        Reply reply = staff().post("/api/v1/proposals", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("proposalId").asText();
    }

    private long draftPackages() {
        return staff().get("/api/v1/packages?status=DRAFT&size=1").json().path("totalItems").asLong();
    }

    private long proposalsOf(String communityId) {
        return staff().get("/api/v1/proposals?communityId=" + communityId).json().path("totalItems").asLong();
    }

    @Test
    void a_new_package_proposal_is_endorsed_and_accepted_as_a_draft_package() {
        String medi = registerCommunity(unique("PropMedi"));
        String hep = registerCommunity(unique("PropHep"));
        String climate = registerCommunity(unique("PropClimate"));
        String name = unique("GPU clinic");

        Reply created = staff().post("/api/v1/proposals", newPackage(medi, name, 30));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("proposalId").asText();
        assertThat(created.location()).endsWith("/api/v1/proposals/" + id);
        assertThat(created.json().path("status").asText()).isEqualTo("OPEN");

        assertThat(staff().post("/api/v1/proposals/" + id + "/endorsements", endorsement(hep, 12)).status())
                .isEqualTo(201);
        Reply endorsed = staff().post("/api/v1/proposals/" + id + "/endorsements", endorsement(climate, 8));
        assertThat(endorsed.json().path("endorsements")).hasSize(2);
        assertThat(endorsed.json().path("totalExpectedSeats").asInt()).isEqualTo(50);

        Reply accepted = staff().post("/api/v1/proposals/" + id + "/accept", null);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(201);
        String packageId = accepted.json().path("resultingPackageId").asText();
        assertThat(accepted.json().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.location()).endsWith("/api/v1/packages/" + packageId);

        JsonNode pkg = staff().get("/api/v1/packages/" + packageId).json();
        assertThat(pkg.path("status").asText()).isEqualTo("DRAFT");
        assertThat(pkg.path("name").asText()).isEqualTo(name);
        assertThat(pkg.path("category").asText()).isEqualTo("CONSULTING");

        JsonNode accepteds = staff().get("/api/v1/proposals?status=ACCEPTED&communityId=" + medi).json();
        assertThat(accepteds.path("totalItems").asLong()).isEqualTo(1);
        assertThat(staff().get("/api/v1/proposals/" + id + "/history").json().toString())
                .contains("ProposalSubmittedEvent", "ProposalEndorsedEvent", "ProposalAcceptedEvent");
    }

    @Test
    void a_change_proposal_is_accepted_with_the_package_it_leads_to_and_rejections_carry_a_reason() {
        String medi = registerCommunity(unique("ChangeMedi"));
        String pkg = definePublishedPackage(unique("ChangePackage"));
        String accepted = propose(change(medi, pkg));
        String rejected = propose(change(medi, pkg));

        Reply accept = staff().post("/api/v1/proposals/" + accepted + "/accept", obj());
        assertThat(accept.status()).as("%s", accept).isEqualTo(201);
        assertThat(accept.json().path("resultingPackageId").asText()).isEqualTo(pkg);
        assertThat(accept.location()).endsWith("/api/v1/packages/" + pkg);

        Reply reject = staff().post("/api/v1/proposals/" + rejected + "/reject", Bodies.reason("covered by SLA"));
        assertThat(reject.status()).as("%s", reject).isEqualTo(201);
        assertThat(reject.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(reject.json().path("rejectionReason").asText()).isEqualTo("covered by SLA");
    }

    @Test
    void refused_proposals_endorsements_and_decisions_leave_nothing_behind() {
        String medi = registerCommunity(unique("RefMedi"));
        String hep = registerCommunity(unique("RefHep"));

        assertProblem(staff().post("/api/v1/proposals", change(medi, UUID.randomUUID().toString())), 404,
                ErrorCode.PACKAGE_NOT_FOUND);
        assertProblem(staff().post("/api/v1/proposals", newPackage(medi, "X", 0)), 422, ErrorCode.PROPOSAL_INVALID);
        assertProblem(staff().post("/api/v1/proposals", obj("communityId", medi, "kind", "NEW_PACKAGE",
                "name", "No category", "description", "d", "expectedSeats", 3)), 422, ErrorCode.PROPOSAL_INVALID);
        assertProblem(staff().post("/api/v1/proposals", obj("communityId", medi, "kind", "SOMETHING",
                "expectedSeats", 3)), 400, ErrorCode.INVALID_VALUE);
        assertThat(proposalsOf(medi)).isZero();

        String id = propose(newPackage(medi, unique("Refused"), 5));
        assertSuccess(staff().post("/api/v1/proposals/" + id + "/endorsements", endorsement(hep, 4)));
        JsonNode endorsed = staff().get("/api/v1/proposals/" + id).json();
        assertProblem(staff().post("/api/v1/proposals/" + id + "/endorsements", endorsement(hep, 9)), 409,
                ErrorCode.ENDORSEMENT_DUPLICATE);
        assertProblem(staff().post("/api/v1/proposals/" + id + "/endorsements", endorsement(medi, 9)), 422,
                ErrorCode.OWN_PROPOSAL_ENDORSEMENT);
        assertProblem(staff().post("/api/v1/proposals/" + id + "/reject", obj("reason", " ")), 400,
                ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post("/api/v1/proposals/" + id + "/reject", obj()), 400, ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post("/api/v1/proposals/" + UUID.randomUUID() + "/accept", null), 404,
                ErrorCode.PROPOSAL_NOT_FOUND);
        assertThat(staff().get("/api/v1/proposals/" + id).json()).isEqualTo(endorsed);

        assertSuccess(staff().post("/api/v1/proposals/" + id + "/accept", null));
        JsonNode decided = staff().get("/api/v1/proposals/" + id).json();
        long drafts = draftPackages();
        assertProblem(staff().post("/api/v1/proposals/" + id + "/accept", null), 422, ErrorCode.PROPOSAL_DECIDED);
        assertProblem(staff().post("/api/v1/proposals/" + id + "/reject", Bodies.reason("late")), 422,
                ErrorCode.PROPOSAL_DECIDED);
        String third = registerCommunity(unique("RefThird"));
        assertProblem(staff().post("/api/v1/proposals/" + id + "/endorsements", endorsement(third, 2)), 422,
                ErrorCode.PROPOSAL_DECIDED);

        assertThat(draftPackages()).as("the refused second acceptance defined no package").isEqualTo(drafts);
        assertThat(staff().get("/api/v1/proposals/" + id).json()).isEqualTo(decided);
        assertThat(staff().get("/api/v1/proposals/" + id + "/history").json().path("events")).hasSize(3);
    }

    @Test
    void rebuilding_the_proposal_projection_reproduces_endorsements_and_decisions() {
        String medi = registerCommunity(unique("RebuildMedi"));
        String hep = registerCommunity(unique("RebuildHep"));
        String id = propose(newPackage(medi, unique("Rebuilt"), 6));
        assertSuccess(staff().post("/api/v1/proposals/" + id + "/endorsements", endorsement(hep, 4)));
        assertSuccess(staff().post("/api/v1/proposals/" + id + "/reject", Bodies.reason("not now")));
        JsonNode before = staff().get("/api/v1/proposals/" + id).json();

        assertSuccess(staff().post("/api/v1/admin/projections/proposal/rebuild", null));

        assertThat(staff().get("/api/v1/proposals/" + id).json()).isEqualTo(before);
    }

    @Test
    void an_admin_of_one_community_cannot_propose_or_endorse_on_behalf_of_another() {
        String mine = registerCommunity(unique("MineProp"));
        String theirs = registerCommunity(unique("TheirsProp"));
        String admin = createAccount("prop-admin", Role.COMMUNITY_ADMIN);
        assertSuccess(staff().post("/api/v1/communities/" + mine + "/admins", obj("username", admin)));
        Http client = withToken(admin);
        String theirProposal = propose(newPackage(theirs, unique("Theirs"), 3));

        assertProblem(client.post("/api/v1/proposals", newPackage(theirs, "On behalf", 3)), 403,
                ErrorCode.OUT_OF_SCOPE);
        Reply mineProposed = client.post("/api/v1/proposals", newPackage(mine, unique("Mine"), 3));
        assertThat(mineProposed.status()).as("%s", mineProposed).isEqualTo(201);
        String myProposal = mineProposed.json().path("proposalId").asText();
        assertProblem(client.post("/api/v1/proposals/" + myProposal + "/endorsements", endorsement(theirs, 2)), 403,
                ErrorCode.OUT_OF_SCOPE);
        assertThat(client.post("/api/v1/proposals/" + theirProposal + "/endorsements", endorsement(mine, 2)).status())
                .isEqualTo(201);
        assertProblem(client.post("/api/v1/proposals/" + theirProposal + "/accept", null), 403,
                ErrorCode.ACCESS_DENIED);

        assertThat(client.get("/api/v1/proposals/" + theirProposal).json().path("endorsements")).hasSize(1);
        assertThat(client.get("/api/v1/proposals?communityId=" + theirs).status()).isEqualTo(200);
        assertThat(proposalsOf(theirs)).isEqualTo(1);
        assertThat(staff().get("/api/v1/proposals/" + myProposal).json().path("endorsements")).isEmpty();
    }
}
