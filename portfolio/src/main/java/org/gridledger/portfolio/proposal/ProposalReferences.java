package org.gridledger.portfolio.proposal;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SupportPackageId;

/**
 * What the proposal rules need to know at command time: whether a community and a package exist. Read from the
 * {@code community} and {@code support_package} projections, which are written in the command transactions too.
 */
public interface ProposalReferences {

    boolean communityExists(CommunityId communityId);

    boolean packageExists(SupportPackageId packageId);
}
