package org.gridledger.app.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** Memberships through HTTP: request, decisions, groups and roles, FQANs, grid-mapfile and CSV. */
class VoMembershipApiTest extends VoApiSupport {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void a_member_asks_an_admin_approves_and_the_member_holds_fqans_and_appears_in_the_gridmap() {
        String community = registerCommunity(unique("HepGrid"));
        String name = voName("hepgrid");
        String vo = createVo(community, name);
        Http admin = communityAdmin(community);
        assertSuccess(admin.post("/api/v1/vos/" + vo + "/groups", obj("group", "/" + name + "/atlas")));
        assertSuccess(admin.post("/api/v1/vos/" + vo + "/roles", obj("role", "production")));
        Http member = newAccountWithRole(Role.MEMBER);
        String jane = dn("Jane Doe");

        String path = request(member, vo, jane);
        JsonNode pending = member.get(path).json();
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("aupVersion").asText()).isEqualTo("1.0");

        Reply approved = admin.post(path + "/approve", null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(201);
        assertThat(approved.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(approved.json().path("expiresAt").asText()).startsWith(today().plusYears(1).toString().substring(0, 7));
        assertProblem(admin.post(path + "/approve", null), 422, ErrorCode.MEMBERSHIP_DECIDED);
        assertSuccess(admin.post(path + "/assignments", obj("group", "/" + name + "/atlas", "role", "production")));

        JsonNode fqans = member.get(path + "/fqans").json();
        assertThat(fqans.path("fqans")).extracting(JsonNode::asText).containsExactly(
                "/" + name + "/Role=NULL/Capability=NULL", "/" + name + "/atlas/Role=NULL/Capability=NULL",
                "/" + name + "/atlas/Role=production/Capability=NULL");
        Http site = newAccountWithRole(Role.PROVIDER);
        assertThat(site.get("/api/v1/vos/" + vo + "/fqans?dn=" + URLEncoder.encode(jane, StandardCharsets.UTF_8))
                .json().path("fqans")).hasSize(3);

        Reply gridmap = site.get("/api/v1/vos/" + vo + "/gridmap");
        assertThat(gridmap.status()).as("%s", gridmap).isEqualTo(200);
        assertThat(gridmap.contentType()).startsWith("text/plain");
        assertThat(gridmap.body()).isEqualTo("\"" + jane + "\" ." + name + "\n");
    }

    @Test
    void suspended_and_pending_members_are_left_out_of_the_gridmap_until_restored() {
        String name = voName("c3grid");
        String vo = createVo(registerCommunity(unique("C3Grid")), name);
        String active = dn("Active");
        String suspended = dn("Suspended");
        activeMember(vo, active);
        String suspendedPath = activeMember(vo, suspended);
        request(newAccountWithRole(Role.MEMBER), vo, dn("Pending"));

        Reply suspension = staff().post(suspendedPath + "/suspend", Bodies.reason("compromised key"));
        assertThat(suspension.json().path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspension.json().path("suspensionReason").asText()).isEqualTo("compromised key");
        assertThat(staff().get("/api/v1/vos/" + vo + "/gridmap").body()).isEqualTo("\"" + active + "\" ." + name + "\n");
        assertThat(staff().get(suspendedPath + "/fqans").json().path("fqans")).isEmpty();
        assertProblem(staff().post(suspendedPath + "/suspend", Bodies.reason("again")), 422,
                ErrorCode.MEMBERSHIP_SUSPENDED);

        assertSuccess(staff().post(suspendedPath + "/restore", Bodies.reason("new key")));
        assertThat(staff().get("/api/v1/vos/" + vo + "/gridmap").body().lines()).hasSize(2);
        JsonNode events = staff().get("/api/v1/vos/" + vo + "/history").json().path("events");
        assertThat(events.get(events.size() - 1).path("eventType").asText()).isEqualTo("MembershipRestoredEvent");
        assertThat(events.get(events.size() - 1).path("reason").asText()).isEqualTo("new key");
    }

    @Test
    void a_rejection_keeps_its_reason_and_the_dn_may_ask_again() {
        String vo = createVo(registerCommunity(unique("RejectGrid")), voName("reject"));
        Http member = newAccountWithRole(Role.MEMBER);
        String jane = dn("Jane");
        String path = request(member, vo, jane);

        assertProblem(member.post("/api/v1/vos/" + vo + "/members", obj("subjectDn", jane, "issuerDn", CA,
                "aupVersion", "1.0")), 409, ErrorCode.MEMBERSHIP_EXISTS);
        Reply rejected = staff().post(path + "/reject", Bodies.reason("not a member of the institute"));
        assertThat(rejected.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("rejectionReason").asText()).isEqualTo("not a member of the institute");
        assertProblem(staff().post(path + "/approve", null), 422, ErrorCode.MEMBERSHIP_DECIDED);
        assertProblem(staff().post(path + "/reject", obj("reason", " ")), 400, ErrorCode.VALIDATION_FAILED);

        request(member, vo, jane);
        assertThat(staff().get("/api/v1/vos/" + vo + "/members?status=PENDING").json().path("totalItems").asLong())
                .isEqualTo(1);
    }

    @Test
    void bad_dns_and_stale_aup_versions_are_refused_and_nothing_is_stored() {
        String vo = createVo(registerCommunity(unique("DnGrid")), voName("dn"));
        Http member = newAccountWithRole(Role.MEMBER);
        long before = events(vo);

        assertProblem(member.post("/api/v1/vos/" + vo + "/members", obj("subjectDn", "CN=Jane Doe,O=GridGermany,C=DE",
                "issuerDn", CA, "aupVersion", "1.0")), 400, ErrorCode.DN_INVALID);
        assertProblem(member.post("/api/v1/vos/" + vo + "/members", obj("subjectDn", "/C=DE/O=GridGermany",
                "issuerDn", CA, "aupVersion", "1.0")), 400, ErrorCode.DN_INVALID);
        assertProblem(member.post("/api/v1/vos/" + vo + "/members", obj("subjectDn", dn("Jane"), "issuerDn", CA,
                "aupVersion", "0.9")), 422, ErrorCode.AUP_NOT_CURRENT);
        assertProblem(member.post("/api/v1/vos/" + vo + "/members", obj("subjectDn", dn("Jane"), "issuerDn", CA)),
                400, ErrorCode.VALIDATION_FAILED);
        // a DN of our namespace is signed by our CA only: a membership naming another issuer would never count
        assertProblem(member.post("/api/v1/vos/" + vo + "/members", obj("subjectDn", dn("Jane"),
                "issuerDn", "/C=DE/O=GermanGrid/CN=GridKa-CA", "aupVersion", "1.0")), 422,
                ErrorCode.MEMBERSHIP_ISSUER_UNTRUSTED);
        assertProblem(staff().get("/api/v1/vos/" + vo + "/fqans?dn=Jane"), 400, ErrorCode.DN_INVALID);

        assertThat(events(vo)).isEqualTo(before);
        assertThat(staff().get("/api/v1/vos/" + vo + "/members").json().path("totalItems").asLong()).isZero();
    }

    @Test
    void the_member_list_is_paged_for_admins_and_exported_as_csv_with_a_header() {
        String vo = createVo(registerCommunity(unique("CsvGrid")), voName("csv"));
        String quoted = "/C=DE/O=Grid, Germany/CN=Comma " + unique("x");
        String first = activeMember(vo, quoted);
        activeMember(vo, dn("Second"));

        JsonNode page = staff().get("/api/v1/vos/" + vo + "/members?size=1").json();
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("totalItems").asLong()).isEqualTo(2);
        Reply csv = staff().get("/api/v1/vos/" + vo + "/members.csv");

        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(VoSiteController.CSV_HEADER);
        assertThat(csv.body()).contains(first.substring(first.lastIndexOf('/') + 1) + ",\"" + quoted + "\"," + CA
                + ",ACTIVE,");
    }

    @Test
    void only_the_account_that_asked_accepts_the_aup_and_other_members_see_nothing_of_the_membership() {
        String vo = createVo(registerCommunity(unique("AupGrid")), voName("aup"));
        Http member = newAccountWithRole(Role.MEMBER);
        Http stranger = newAccountWithRole(Role.MEMBER);
        String path = request(member, vo, dn("Jane"));
        assertSuccess(staff().post(path + "/approve", null));
        assertSuccess(staff().post("/api/v1/vos/" + vo + "/aup", obj("version", "2.0", "text", "Stricter rules.")));
        assertThat(member.get(path).json().path("aupDueAt").asText()).startsWith(today().toString());

        assertProblem(stranger.get(path), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(stranger.post(path + "/aup-acceptance", obj("aupVersion", "2.0")), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(member.post(path + "/aup-acceptance", obj("aupVersion", "1.0")), 422, ErrorCode.AUP_NOT_CURRENT);
        Reply accepted = member.post(path + "/aup-acceptance", obj("aupVersion", "2.0"));

        assertThat(accepted.status()).as("%s", accepted).isEqualTo(201);
        assertThat(accepted.json().path("aupVersion").asText()).isEqualTo("2.0");
        assertThat(accepted.json().path("aupDueAt").asText()).startsWith(today().plusYears(1).toString().substring(0, 7));
        assertProblem(member.post(path + "/approve", null), 403, ErrorCode.ACCESS_DENIED);
    }

    @Test
    void assignments_need_existing_groups_and_roles_and_are_removed_again() {
        String name = voName("assign");
        String vo = createVo(registerCommunity(unique("AssignGrid")), name);
        assertSuccess(staff().post("/api/v1/vos/" + vo + "/roles", obj("role", "VO-Admin")));
        String path = activeMember(vo, dn("Jane"));

        assertProblem(staff().post(path + "/assignments", obj("group", "/" + name + "/none")), 422,
                ErrorCode.VO_GROUP_NOT_FOUND);
        assertProblem(staff().post(path + "/assignments", obj("group", "/" + name, "role", "boss")), 422,
                ErrorCode.VO_ROLE_NOT_FOUND);
        assertSuccess(staff().post(path + "/assignments", obj("group", "/" + name, "role", "VO-Admin")));
        assertThat(staff().get(path).json().path("fqans")).hasSize(2);

        Reply removed = staff().delete(path + "/assignments?group=/" + name + "&role=VO-Admin");
        assertThat(removed.status()).as("%s", removed).isEqualTo(204);
        assertThat(staff().get(path).json().path("fqans")).extracting(JsonNode::asText)
                .containsExactly("/" + name + "/Role=NULL/Capability=NULL");
        assertProblem(staff().delete(path + "/assignments?group=/" + name + "&role=VO-Admin"), 422,
                ErrorCode.ASSIGNMENT_NOT_FOUND);
    }

    @Test
    void rebuilding_the_vo_projection_reproduces_vos_memberships_assignments_and_the_gridmap() {
        String name = voName("rebuilt");
        String vo = createVo(registerCommunity(unique("RebuiltGrid")), name);
        assertSuccess(staff().post("/api/v1/vos/" + vo + "/groups", obj("group", "/" + name + "/sub")));
        assertSuccess(staff().post("/api/v1/vos/" + vo + "/roles", obj("role", "production")));
        String active = activeMember(vo, dn("Active"));
        assertSuccess(staff().post(active + "/assignments", obj("group", "/" + name + "/sub", "role", "production")));
        String suspended = activeMember(vo, dn("Suspended"));
        assertSuccess(staff().post(suspended + "/suspend", Bodies.reason("rebuild check")));
        String rejected = request(newAccountWithRole(Role.MEMBER), vo, dn("Rejected"));
        assertSuccess(staff().post(rejected + "/reject", Bodies.reason("rebuild check")));
        assertSuccess(staff().post("/api/v1/vos/" + vo + "/aup", obj("version", "2.0", "text", "Stricter.")));
        JsonNode before = staff().get("/api/v1/vos/" + vo).json();
        JsonNode members = staff().get("/api/v1/vos/" + vo + "/members").json();
        String gridmap = staff().get("/api/v1/vos/" + vo + "/gridmap").body();

        Reply rebuilt = staff().post("/api/v1/admin/projections/virtual_organization/rebuild", null);

        assertSuccess(rebuilt);
        assertThat(staff().get("/api/v1/vos/" + vo).json()).isEqualTo(before);
        assertThat(staff().get("/api/v1/vos/" + vo + "/members").json()).isEqualTo(members);
        assertThat(staff().get("/api/v1/vos/" + vo + "/gridmap").body()).isEqualTo(gridmap).hasLineCount(1);
    }

    private long events(String voId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id").param("id", voId)
                .query(Long.class).single();
    }
}
