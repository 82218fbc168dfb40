package org.gridledger.app.identity;

import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.identity.vo.VoCommunities;
import org.springframework.stereotype.Component;

/** Whether a community exists, asked of the portfolio through its published query {@link FindCommunityQuery}. */
@Component
class PortfolioVoCommunities implements VoCommunities {

    private final Queries queries;

    PortfolioVoCommunities(Queries queries) {
        this.queries = queries;
    }

    @Override
    public boolean exists(CommunityId communityId) {
        try {
            queries.ask(new FindCommunityQuery(communityId), CommunityView.class);
            return true;
        } catch (DomainException e) {
            if (e.code() == ErrorCode.COMMUNITY_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
