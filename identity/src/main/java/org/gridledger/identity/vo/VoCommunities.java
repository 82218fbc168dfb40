package org.gridledger.identity.vo;

import org.gridledger.domain.portfolio.CommunityId;

/**
 * What the identity context needs to know of communities: whether one exists. Communities belong to the portfolio
 * context, which identity does not know; the application wires an adapter that asks the portfolio's published query.
 */
public interface VoCommunities {

    boolean exists(CommunityId communityId);
}
