package org.gridledger.app.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertNotFound;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** VOs through HTTP: creation, AUP, groups and roles, community scope and bad input, on the embedded PostgreSQL. */
class VoApiTest extends VoApiSupport {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void a_vo_is_created_with_its_root_group_and_reads_back_with_aup_groups_and_roles() {
        String community = registerCommunity(unique("MediGrid"));
        String name = voName("medigrid");

        Reply created = staff().post("/api/v1/vos", obj("communityId", community, "name", name,
                "description", "Medical imaging"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String path = created.location();
        assertThat(created.json().path("groups")).extracting(JsonNode::asText).containsExactly("/" + name);
        assertSuccess(staff().post(path + "/aup", obj("version", "1.0", "text", "Research use only.")));
        assertSuccess(staff().post(path + "/groups", obj("group", "/" + name + "/imaging")));
        assertSuccess(staff().post(path + "/groups", obj("group", "/" + name + "/imaging/mri")));
        Reply role = staff().post(path + "/roles", obj("role", "VO-Admin"));
        assertThat(role.status()).as("%s", role).isEqualTo(201);

        JsonNode vo = staff().get(path).json();
        assertThat(vo.path("name").asText()).isEqualTo(name);
        assertThat(vo.path("communityId").asText()).isEqualTo(community);
        assertThat(vo.path("currentAup").path("version").asText()).isEqualTo("1.0");
        assertThat(vo.path("groups")).extracting(JsonNode::asText)
                .containsExactly("/" + name, "/" + name + "/imaging", "/" + name + "/imaging/mri");
        assertThat(vo.path("roles")).extracting(JsonNode::asText).containsExactly("VO-Admin");
        assertThat(staff().get(path + "/history").json().path("events")).hasSize(5);
    }

    @Test
    void a_community_admin_creates_and_manages_only_the_vos_of_its_communities() {
        String own = registerCommunity(unique("OwnGrid"));
        String other = registerCommunity(unique("OtherGrid"));
        Http admin = communityAdmin(own);
        String otherVo = createVo(other, voName("other"));

        Reply created = admin.post("/api/v1/vos", obj("communityId", own, "name", voName("own")));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String ownVo = created.json().path("voId").asText();

        assertProblem(admin.post("/api/v1/vos", obj("communityId", other, "name", voName("foreign"))), 403,
                ErrorCode.OUT_OF_SCOPE);
        assertProblem(admin.post("/api/v1/vos/" + otherVo + "/groups", obj("group", "/x/y")), 403,
                ErrorCode.OUT_OF_SCOPE);
        assertProblem(admin.get("/api/v1/vos/" + otherVo), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(admin.get("/api/v1/vos/" + otherVo + "/members"), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(admin.get("/api/v1/vos/" + otherVo + "/gridmap"), 403, ErrorCode.OUT_OF_SCOPE);
        assertThat(admin.get("/api/v1/vos?size=200").json().path("items").findValuesAsText("voId"))
                .containsExactly(ownVo);
        assertThat(admin.post("/api/v1/vos/" + ownVo + "/roles", obj("role", "production")).status()).isEqualTo(201);
    }

    @Test
    void members_and_providers_read_the_whole_catalogue_to_join_or_serve_a_vo() {
        String vo = createVo(registerCommunity(unique("CatalogueGrid")), voName("catalogue"));

        for (Role role : new Role[]{Role.MEMBER, Role.PROVIDER, Role.FINANCE}) {
            Http caller = newAccountWithRole(role);
            assertThat(caller.get("/api/v1/vos/" + vo).status()).as("%s", role).isEqualTo(200);
            assertThat(caller.get("/api/v1/vos?size=200").json().path("totalItems").asLong()).isPositive();
        }
    }

    @Test
    void a_duplicate_name_is_refused_with_409_and_nothing_is_stored() {
        String community = registerCommunity(unique("TwinGrid"));
        String name = voName("twin");
        createVo(community, name);

        assertProblem(staff().post("/api/v1/vos", obj("communityId", community, "name", name)), 409,
                ErrorCode.VO_NAME_TAKEN);
        assertProblem(staff().post("/api/v1/vos", obj("communityId", community, "name", " " + name + " ")), 409,
                ErrorCode.VO_NAME_TAKEN);
        assertThat(jdbc.sql("select count(*) from virtual_organization where name = :name").param("name", name)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(created(name)).isEqualTo(1);
    }

    @Test
    void an_unknown_community_or_a_bad_name_is_refused_and_nothing_is_stored() {
        String name = voName("orphan");
        assertProblem(staff().post("/api/v1/vos", obj("communityId", UUID.randomUUID().toString(), "name", name)),
                404, ErrorCode.COMMUNITY_NOT_FOUND);
        String community = registerCommunity(unique("NameGrid"));
        assertProblem(staff().post("/api/v1/vos", obj("communityId", community, "name", "Medi_Grid")), 400,
                ErrorCode.VO_NAME_INVALID);
        assertProblem(staff().post("/api/v1/vos", obj("name", name)), 400, ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post("/api/v1/vos", obj("communityId", "not-a-uuid", "name", name)), 400,
                ErrorCode.INVALID_VALUE);

        assertThat(created(name)).isZero();
        assertThat(jdbc.sql("select count(*) from vo_name_lookup where normalized_name = :name").param("name", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void group_role_and_aup_rules_answer_with_their_codes_and_change_nothing() {
        String name = voName("rules");
        String path = "/api/v1/vos/" + createVo(registerCommunity(unique("RulesGrid")), name);

        assertProblem(staff().post(path + "/groups", obj("group", "/" + name + "/a/b")), 422,
                ErrorCode.VO_GROUP_PARENT_MISSING);
        assertProblem(staff().post(path + "/groups", obj("group", "/othervo/a")), 400, ErrorCode.VO_GROUP_INVALID);
        assertProblem(staff().post(path + "/groups", obj("group", "/" + name)), 409, ErrorCode.VO_GROUP_EXISTS);
        assertProblem(staff().post(path + "/roles", obj("role", "NULL")), 400, ErrorCode.VO_ROLE_INVALID);
        assertProblem(staff().post(path + "/aup", obj("version", "1.0", "text", "again")), 409,
                ErrorCode.AUP_VERSION_EXISTS);
        assertProblem(staff().post(path + "/aup", obj("version", "2.0")), 400, ErrorCode.VALIDATION_FAILED);

        JsonNode vo = staff().get(path).json();
        assertThat(vo.path("groups")).hasSize(1);
        assertThat(vo.path("roles")).isEmpty();
        assertThat(vo.path("aupVersions")).hasSize(1);
        assertThat(staff().get(path + "/history").json().path("events")).hasSize(2);
    }

    @Test
    void an_unknown_vo_is_answered_404() {
        String unknown = "/api/v1/vos/" + UUID.randomUUID();

        assertProblem(staff().get(unknown), 404, ErrorCode.VO_NOT_FOUND);
        assertNotFound(staff().post(unknown + "/groups", obj("group", "/x/y")), ErrorCode.VO_NOT_FOUND);
        assertNotFound(staff().post(unknown + "/members", obj("subjectDn", dn("Jane"), "issuerDn", CA,
                "aupVersion", "1.0")), ErrorCode.VO_NOT_FOUND);
        assertNotFound(staff().get(unknown + "/gridmap"), ErrorCode.VO_NOT_FOUND);
        assertNotFound(staff().get(unknown + "/history"), ErrorCode.VO_NOT_FOUND);
    }

    private long created(String name) {
        return jdbc.sql("""
                        select count(*) from domain_event_entry where payload_type like '%VirtualOrganizationCreatedEvent'
                        and convert_from(payload, 'UTF8') like '%"' || :name || '"%'""").param("name", name)
                .query(Long.class).single();
    }
}
