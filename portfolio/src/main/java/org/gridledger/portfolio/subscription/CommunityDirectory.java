package org.gridledger.portfolio.subscription;

import org.gridledger.domain.portfolio.CommunityId;

/** Whether a community exists and may subscribe, read from the {@code community} projection at command time. */
public interface CommunityDirectory {

    Standing standing(CommunityId communityId);

    enum Standing { UNKNOWN, ACTIVE, SUSPENDED }
}
