package org.gridledger.accounting.job;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.DataProtectionClass;

import java.util.Optional;

/**
 * The data-protection class of a community's profile, which the portfolio context keeps; the application wires an
 * adapter over portfolio's published community query.
 */
public interface CommunityProfiles {

    /** The class the community's current profile demands, empty when there is no such community. */
    Optional<DataProtectionClass> dataProtectionClass(CommunityId communityId);
}
