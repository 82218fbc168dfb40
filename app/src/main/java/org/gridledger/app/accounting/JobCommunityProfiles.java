package org.gridledger.app.accounting;

import org.gridledger.accounting.job.CommunityProfiles;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityPageView;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunitiesQuery;
import org.gridledger.domain.portfolio.DataProtectionClass;
import org.gridledger.domain.shared.Pagination;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The data-protection class of a community's current profile, answered by portfolio's published community query. */
@Component
class JobCommunityProfiles implements CommunityProfiles {

    private final Queries queries;

    JobCommunityProfiles(Queries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<DataProtectionClass> dataProtectionClass(CommunityId communityId) {
        return queries.ask(new FindCommunitiesQuery(Set.of(communityId), new Pagination(0, 1)), CommunityPageView.class)
                .items().stream().findFirst()
                .map(c -> c.profile() == null ? null : c.profile().dataProtectionClass())
                .filter(Objects::nonNull);
    }
}
