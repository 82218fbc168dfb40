package org.gridledger.app.identity;

import org.gridledger.app.security.CertificateRoleSource;
import org.gridledger.app.security.Role;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.identity.vo.VoDirectory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Roles from virtual organisations for certificate logins: a member holding a VO role listed in
 * {@code gridledger.identity.vo-role-grants} (through a membership active now) gets the service role it maps to.
 * A VO role that grants COMMUNITY_ADMIN makes the member an administrator of the community the VO belongs to, and
 * of no other. Only memberships naming the certificate's issuer count ({@code vo_membership.issuer_dn}): the same DN
 * from another CA is another person. With no mapping configured the lookups are skipped.
 */
@Component
class VoCertificateRoles implements CertificateRoleSource {

    private final VoDirectory directory;
    private final VoProperties properties;
    private final Clock clock;

    VoCertificateRoles(VoDirectory directory, VoProperties properties, Clock clock) {
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Set<Role> rolesOf(String subjectDn, String issuerDn) {
        if (properties.voRoleGrants().isEmpty()) {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String voRole : directory.activeRoles(subjectDn, issuerDn, clock.instant())) {
            Role granted = properties.voRoleGrants().get(voRole);
            if (granted != null) {
                roles.add(granted);
            }
        }
        return roles;
    }

    @Override
    public Set<CommunityId> administeredCommunities(String subjectDn, String issuerDn) {
        Set<String> adminRoles = properties.voRoleGrants().entrySet().stream()
                .filter(e -> e.getValue() == Role.COMMUNITY_ADMIN).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return adminRoles.isEmpty() ? Set.of() : directory.communitiesWithRole(subjectDn, issuerDn, adminRoles,
                clock.instant());
    }
}
