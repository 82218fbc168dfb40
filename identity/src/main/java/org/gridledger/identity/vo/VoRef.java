package org.gridledger.identity.vo;

import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.portfolio.CommunityId;

/** A VO as other contexts refer to it: id, name and owning community. */
public record VoRef(VoId voId, String name, CommunityId communityId) {
}
