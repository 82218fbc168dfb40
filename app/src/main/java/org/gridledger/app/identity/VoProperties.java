package org.gridledger.app.identity;

import org.gridledger.app.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * Settings of virtual organisations under the prefix {@code gridledger.identity}. The sweeper's schedule is read by
 * its {@code @Scheduled} annotation: {@code gridledger.identity.sweep-interval} (default {@code 1h}) and
 * {@code gridledger.identity.sweep-initial-delay} (default {@code 1m}).
 *
 * @param sweepBatchSize               how many due memberships one round of the sweeper handles
 * @param gridmapRequiresCertificate   list a member in a VO's grid-mapfile only when the DN holds a valid certificate
 *                                     issued by GridLedger (table {@code identity_certificate}); off (the default),
 *                                     for members holding certificates of other IGTF CAs, the sites' own certificate
 *                                     validation (trust anchors and CRLs) is the only check
 * @param voRoleGrants                 service roles that a VO role grants to a certificate login of a member holding
 *                                     it, e.g. {@code gridledger.identity.vo-role-grants.ra=RA_OPERATOR}; empty by
 *                                     default, so a certificate alone gives MEMBER
 */
@ConfigurationProperties("gridledger.identity")
public record VoProperties(
        @DefaultValue("200") int sweepBatchSize,
        @DefaultValue("false") boolean gridmapRequiresCertificate,
        Map<String, Role> voRoleGrants) {

    public VoProperties {
        voRoleGrants = voRoleGrants == null ? Map.of() : Map.copyOf(voRoleGrants);
    }

    /**
     * The service role a VO role grants beyond its VO's community, if any: every mapped role except COMMUNITY_ADMIN
     * (scoped to the VO's community) and MEMBER (what a certificate gives anyway). Such a VO role is reserved to
     * staff, or a community admin could make itself, say, an RA operator of the whole CA.
     */
    public java.util.Optional<Role> globalGrant(String voRole) {
        // the VO strips a role name before it stores it, so the name is looked up as it will be stored
        Role granted = voRole == null ? null : voRoleGrants.get(voRole.strip());
        return granted == null || granted == Role.COMMUNITY_ADMIN || granted == Role.MEMBER
                ? java.util.Optional.empty() : java.util.Optional.of(granted);
    }
}
