package org.gridledger.app.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, whatever the way of authentication: the account, the roles in effect (a token may carry fewer than
 * its account holds), the providers a PROVIDER acts for, and, for a token, its id and its optional narrowing to one
 * provider or one community.
 */
public record GridPrincipal(String username, Set<Role> roles, Set<String> providerIds, UUID tokenId,
                            String tokenProviderId, String tokenCommunityId) {

    public GridPrincipal {
        roles = Set.copyOf(roles);
        providerIds = Set.copyOf(providerIds);
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
