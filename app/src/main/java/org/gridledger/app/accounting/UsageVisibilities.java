package org.gridledger.app.accounting;

import org.gridledger.accounting.usage.UsageVisibility;
import org.gridledger.app.security.CommunityScope;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.security.ProviderScope;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The usage a principal may read: staff and finance everything; a provider the usage of its resources; a community
 * admin the usage attributed to its communities (both, for a principal holding both roles).
 */
@Component
class UsageVisibilities {

    private final ProviderScope providers;
    private final CommunityScope communities;

    UsageVisibilities(ProviderScope providers, CommunityScope communities) {
        this.providers = providers;
        this.communities = communities;
    }

    UsageVisibility of(GridPrincipal principal) {
        Set<ProviderId> p = providers.visibleTo(principal);
        Set<CommunityId> c = communities.visibleTo(principal);
        return UsageVisibility.of(p == null ? null : p.stream().map(ProviderId::value).toList(),
                c == null ? null : c.stream().map(CommunityId::value).toList());
    }
}
