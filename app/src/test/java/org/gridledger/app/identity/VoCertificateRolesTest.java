package org.gridledger.app.identity;

import org.gridledger.app.security.CommunityScope;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.security.Role;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.identity.vo.VoDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/** VO roles as a source of service roles for certificate logins, on the real VO read model. */
class VoCertificateRolesTest extends VoApiSupport {

    @Autowired
    private VoDirectory directory;

    @Autowired
    private CommunityScope scope;

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

        assertThat(roles.rolesOf(rita, CA)).containsExactly(Role.RA_OPERATOR);
        // the membership names its CA: the same DN certified by another CA is another person
        assertThat(roles.rolesOf(rita, "/C=DE/O=OtherGrid/CN=Other CA")).isEmpty();
        assertThat(roles.rolesOf(paul, CA)).isEmpty();
        assertThat(roles.rolesOf(dn("Nobody"), CA)).isEmpty();

        assertSuccess(staff().post(ritaPath + "/suspend", obj("reason", "left the institute")));
        assertThat(roles.rolesOf(rita, CA)).isEmpty();
    }

    @Test
    void a_vo_role_mapped_to_community_admin_administers_the_vos_community_and_no_other() {
        String name = voName("managers");
        String community = registerCommunity(unique("ManagedGrid"));
        String vo = createVo(community, name);
        String otherVo = createVo(registerCommunity(unique("OtherGrid")), voName("others"));
        assertSuccess(staff().post("/api/v1/vos/" + vo + "/roles", obj("role", "manager")));
        String mona = dn("Mona Manager");
        String monaPath = activeMember(vo, mona);
        assertSuccess(staff().post(monaPath + "/assignments", obj("group", "/" + name, "role", "manager")));
        activeMember(otherVo, mona); // a plain member elsewhere administers nothing there
        VoCertificateRoles roles = new VoCertificateRoles(directory,
                new VoProperties(200, true, Map.of("manager", Role.COMMUNITY_ADMIN)), Clock.systemUTC());

        assertThat(roles.rolesOf(mona, CA)).containsExactly(Role.COMMUNITY_ADMIN);
        assertThat(roles.administeredCommunities(mona, CA)).containsExactly(CommunityId.of(community));
        assertThat(roles.administeredCommunities(mona, "/C=DE/O=OtherGrid/CN=Other CA")).isEmpty();
        assertThat(roles.administeredCommunities(dn("Nobody"), CA)).isEmpty();
        GridPrincipal login = new GridPrincipal(mona, Set.of(Role.MEMBER, Role.COMMUNITY_ADMIN), Set.of(), null,
                null, null, roles.administeredCommunities(mona, CA));
        assertThat(scope.visibleTo(login)).containsExactly(CommunityId.of(community));

        VoCertificateRoles raOnly = new VoCertificateRoles(directory,
                new VoProperties(200, true, Map.of("manager", Role.RA_OPERATOR)), Clock.systemUTC());
        assertThat(raOnly.administeredCommunities(mona, CA)).isEmpty();

        assertSuccess(staff().post(monaPath + "/suspend", obj("reason", "left the institute")));
        assertThat(roles.administeredCommunities(mona, CA)).isEmpty();
    }

    @Test
    void without_a_mapping_no_vo_role_grants_anything() {
        VoCertificateRoles roles = new VoCertificateRoles(directory, new VoProperties(200, true, Map.of()),
                Clock.systemUTC());

        assertThat(roles.rolesOf(dn("Anyone"), CA)).isEmpty();
    }
}
