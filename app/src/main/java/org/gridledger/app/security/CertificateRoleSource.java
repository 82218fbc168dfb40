package org.gridledger.app.security;

import org.gridledger.domain.portfolio.CommunityId;

import java.util.Set;

/**
 * A source of roles for a certificate login. Every valid certificate gives MEMBER; each bean of this type may add
 * roles for the certificate's subject DN (slash form), and a login holds the union. {@link AccountCertificateSubjects}
 * is one (the roles of the account staff bound the DN to); virtual organisations plug in another (roles from VO
 * memberships) by declaring a bean, with no change to the login itself. Called once per request over TLS with a
 * client certificate: keep it to one indexed lookup. Every answer is about the DN as certified by {@code issuerDn}
 * (our CA's or a trust anchor's subject, slash form): a grant recorded for the DN under another issuer is not the
 * same person's and grants nothing.
 */
public interface CertificateRoleSource {

    Set<Role> rolesOf(String subjectDn, String issuerDn);

    /**
     * The communities this source makes the subject an administrator of, where it grants {@link Role#COMMUNITY_ADMIN}
     * for a reason tied to a community (a VO role in that community's VO). A login with no account behind its DN
     * has no administered communities of its own, so without these its COMMUNITY_ADMIN would reach none.
     */
    default Set<CommunityId> administeredCommunities(String subjectDn, String issuerDn) {
        return Set.of();
    }
}
