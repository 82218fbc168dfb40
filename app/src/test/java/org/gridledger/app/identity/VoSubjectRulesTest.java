package org.gridledger.app.identity;

import org.gridledger.app.security.Role;
import org.gridledger.app.support.Http;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.identity.vo.VoDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * Who may claim a DN in a VO and who may hand out VO roles that grant service roles: a community admin cannot make
 * anyone an RA operator, and nobody asks a membership as another person's DN.
 */
class VoSubjectRulesTest extends VoApiSupport {

    @Autowired
    private VoDirectory directory;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void a_vo_role_granting_a_service_role_beyond_the_community_is_added_and_assigned_by_staff_only() {
        String community = registerCommunity(unique("ReservedGrid"));
        String name = voName("reserved");
        String vo = createVo(community, name);
        Http admin = communityAdmin(community);

        assertProblem(admin.post("/api/v1/vos/" + vo + "/roles", obj("role", RA_VO_ROLE)), 403,
                ErrorCode.VO_ROLE_RESERVED);
        assertProblem(admin.post("/api/v1/vos/" + vo + "/roles", obj("role", " " + RA_VO_ROLE + " ")), 403,
                ErrorCode.VO_ROLE_RESERVED);
        assertThat(staff().get("/api/v1/vos/" + vo).json().path("roles").toString()).doesNotContain(RA_VO_ROLE);
        assertSuccess(admin.post("/api/v1/vos/" + vo + "/roles", obj("role", "production")));
        assertSuccess(admin.post("/api/v1/vos/" + vo + "/roles", obj("role", COMMUNITY_MANAGER_VO_ROLE)));

        assertSuccess(staff().post("/api/v1/vos/" + vo + "/roles", obj("role", RA_VO_ROLE)));
        String subject = dn("Rolf Reserved");
        String member = activeMember(vo, subject);
        assertProblem(admin.post(member + "/assignments", obj("group", "/" + name, "role", RA_VO_ROLE)), 403,
                ErrorCode.VO_ROLE_RESERVED);
        assertThat(directory.activeRoles(subject, CA, Instant.now())).doesNotContain(RA_VO_ROLE);
        assertSuccess(admin.post(member + "/assignments", obj("group", "/" + name, "role", "production")));
        assertSuccess(staff().post(member + "/assignments", obj("group", "/" + name, "role", RA_VO_ROLE)));
        assertThat(directory.activeRoles(subject, CA, Instant.now())).contains(RA_VO_ROLE, "production");
    }

    @Test
    void a_membership_cannot_be_asked_as_a_dn_bound_to_another_account() {
        String vo = createVo(registerCommunity(unique("BoundGrid")), voName("bound"));
        String paul = createAccount("paul", Role.MEMBER);
        String paulsDn = dn("Paul Bound");
        assertSuccess(staff().post("/api/v1/accounts/" + paul + "/certificate-subjects", obj("subjectDn", paulsDn)));
        Http mallory = newAccountWithRole(Role.MEMBER);

        assertProblem(mallory.post("/api/v1/vos/" + vo + "/members", obj("subjectDn", paulsDn, "issuerDn", CA,
                "aupVersion", "1.0")), 403, ErrorCode.MEMBERSHIP_SUBJECT_NOT_REQUESTERS);
        assertThat(jdbc.sql("select count(*) from vo_membership where subject_dn = :dn").param("dn", paulsDn)
                .query(Long.class).single()).isZero();

        request(withToken(paul), vo, paulsDn);
    }
}
