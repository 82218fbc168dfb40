package org.gridledger.app.security;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityQueries.AdministeredCommunitiesView;
import org.gridledger.domain.portfolio.CommunityQueries.FindAdministeredCommunitiesQuery;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scope of community-bound access. Staff and finance see every community; a community admin only those it
 * administers (and, with a community-narrowed token, only that one); nobody else any. Acting on a community is
 * narrower: staff and the community's admins, not finance.
 */
@Component
public class CommunityScope {

    private final QueryGateway queries;

    CommunityScope(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * The communities the principal may see, or {@code null} for all of them. A token narrowed to a provider sees no
     * community: neither through the roles that would otherwise show all of them nor through COMMUNITY_ADMIN.
     */
    public Set<CommunityId> visibleTo(GridPrincipal principal) {
        return scope(principal, principal.hasAny(Role.STAFF, Role.FINANCE));
    }

    /**
     * The communities the principal may act on (register, change, subscribe, propose for), or {@code null} for all:
     * staff act on every community, a community admin on those it administers. Finance reads every community but
     * acts on none through this scope, so an account holding FINANCE and COMMUNITY_ADMIN acts on its own communities
     * only.
     */
    public Set<CommunityId> actingScope(GridPrincipal principal) {
        return scope(principal, principal.has(Role.STAFF));
    }

    private Set<CommunityId> scope(GridPrincipal principal, boolean all) {
        if (all && principal.tokenCommunityId() == null && principal.tokenProviderId() == null) {
            return null;
        }
        if (!principal.has(Role.COMMUNITY_ADMIN)) {
            return Set.of();
        }
        return administeredWithinToken(principal);
    }

    /**
     * The communities the principal administers as far as its token reaches: all it administers without a token
     * narrowing, the one a community-narrowed token names, and none through a token narrowed to a provider only (that
     * token acts on the provider axis alone, like STAFF's and FINANCE's narrowed tokens).
     */
    public Set<CommunityId> administeredWithinToken(GridPrincipal principal) {
        if (principal.tokenProviderId() != null && principal.tokenCommunityId() == null) {
            return Set.of();
        }
        Set<CommunityId> administered = administeredBy(principal);
        if (principal.tokenCommunityId() != null) {
            return administered.stream().filter(id -> id.toString().equals(principal.tokenCommunityId()))
                    .collect(Collectors.toSet());
        }
        return administered;
    }

    /** The communities the principal's account administers and those its certificate makes it administer. */
    public Set<CommunityId> administeredBy(GridPrincipal principal) {
        Set<CommunityId> ofAccount = queries.query(new FindAdministeredCommunitiesQuery(principal.username()),
                ResponseTypes.instanceOf(AdministeredCommunitiesView.class)).join().communities();
        if (principal.grantedCommunities().isEmpty()) {
            return ofAccount;
        }
        Set<CommunityId> all = new HashSet<>(ofAccount);
        all.addAll(principal.grantedCommunities());
        return all;
    }

    /** Refuses (403) unless the principal may see {@code communityId}. */
    public void require(GridPrincipal principal, CommunityId communityId) {
        refuseOutside(visibleTo(principal), principal, communityId);
    }

    /** Refuses (403) unless the principal may act on {@code communityId} ({@link #actingScope}). */
    public void requireToAct(GridPrincipal principal, CommunityId communityId) {
        refuseOutside(actingScope(principal), principal, communityId);
    }

    private static void refuseOutside(Set<CommunityId> scope, GridPrincipal principal, CommunityId communityId) {
        if (scope != null && !scope.contains(communityId)) {
            throw DomainException.of(ErrorCode.OUT_OF_SCOPE, "community %s lies outside the scope of %s", communityId,
                    principal.username());
        }
    }
}
