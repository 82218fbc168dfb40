package org.gridledger.portfolio.proposal;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the community and package projections for the proposal rules, on the command's transaction. */
@Component
class JdbcProposalReferences implements ProposalReferences {

    private final JdbcClient jdbc;

    JdbcProposalReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean communityExists(CommunityId communityId) {
        return jdbc.sql("select exists (select 1 from community where community_id = :id)")
                .param("id", communityId.value()).query(Boolean.class).single();
    }

    @Override
    public boolean packageExists(SupportPackageId packageId) {
        return jdbc.sql("select exists (select 1 from support_package where package_id = :id)")
                .param("id", packageId.value()).query(Boolean.class).single();
    }
}
