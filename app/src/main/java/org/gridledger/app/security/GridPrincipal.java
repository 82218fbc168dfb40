package org.gridledger.app.security;

import org.gridledger.domain.portfolio.CommunityId;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, whatever the way of authentication: the account, the roles in effect (a token may carry fewer than
 * its account holds), the providers a PROVIDER acts for, and, for a token, its id and its optional narrowing to one
 * provider or one community; for a certificate login, the communities its certificate makes it an administrator of
 * ({@code grantedCommunities}, from VO roles), beside those its account administers.
 */
public record GridPrincipal(String username, Set<Role> roles, Set<String> providerIds, UUID tokenId,
                            String tokenProviderId, String tokenCommunityId, Set<CommunityId> grantedCommunities) {

    public GridPrincipal {
        roles = Set.copyOf(roles);
        providerIds = Set.copyOf(providerIds);
        grantedCommunities = grantedCommunities == null ? Set.of() : Set.copyOf(grantedCommunities);
    }

    /** A principal whose administered communities are its account's alone. */
    public GridPrincipal(String username, Set<Role> roles, Set<String> providerIds, UUID tokenId,
                         String tokenProviderId, String tokenCommunityId) {
        this(username, roles, providerIds, tokenId, tokenProviderId, tokenCommunityId, Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... anyOf) {
        for (Role role : anyOf) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
