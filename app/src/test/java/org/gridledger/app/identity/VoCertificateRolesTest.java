package org.gridledger.app.identity;

import org.gridledger.app.security.Role;
import org.gridledger.identity.vo.VoDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/** VO roles as a source of service roles for certificate logins, on the real VO read model. */
class VoCertificateRolesTest extends VoApiSupport {

    @Autowired
    private VoDirectory directory;

    @Test
    void a_mapped_vo_role_of_an_active_membership_grants_its_service_role_and_nothing_else_does() {
        String name = voName("roles");
        String vo = createVo(registerCommunity(unique("RolesGrid")), name);
        assertSuccess(staff().post("/api/v1/vos/" + vo + "/roles", obj("role", "ra")));
        assertSuccess(staff().post("/api/v1/vos/" + vo + "/roles", obj("role", "production")));
        String rita = dn("Rita Registrar");
        String ritaPath = activeMember(vo, rita);
        assertSuccess(staff().post(ritaPath + "/assignments", obj("group", "/" + name, "role", "ra")));
        String paul = dn("Paul Producer");
        String paulPath = activeMember(vo, paul);
        assertSuccess(staff().post(paulPath + "/assignments", obj("group", "/" + name, "role", "production")));
        VoCertificateRoles roles = new VoCertificateRoles(directory,
                new VoProperties(200, true, Map.of("ra", Role.RA_OPERATOR)), Clock.systemUTC());

        assertThat(roles.rolesOf(rita)).containsExactly(Role.RA_OPERATOR);
        assertThat(roles.rolesOf(paul)).isEmpty();
        assertThat(roles.rolesOf(dn("Nobody"))).isEmpty();

        assertSuccess(staff().post(ritaPath + "/suspend", obj("reason", "left the institute")));
        assertThat(roles.rolesOf(rita)).isEmpty();
    }

    @Test
    void without_a_mapping_no_vo_role_grants_anything() {
        VoCertificateRoles roles = new VoCertificateRoles(directory, new VoProperties(200, true, Map.of()),
                Clock.systemUTC());

        assertThat(roles.rolesOf(dn("Anyone"))).isEmpty();
    }
}
