package org.gridledger.accounting.tariff;

import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Unit;

import java.util.UUID;

/**
 * The set rule "one tariff per provider × resource × community × unit": a second definition of the same key would
 * make two price histories compete for one rating. Claimed in the defining command's transaction.
 */
public interface TariffKeys {

    /** Claims the key for {@code tariffId}; false when another tariff holds it. */
    boolean claim(String key, TariffId tariffId);

    static String key(ProviderId providerId, UUID resourceId, CommunityId communityId, Unit unit) {
        return providerId + "/" + (resourceId == null ? "-" : resourceId) + "/"
                + (communityId == null ? "-" : communityId) + "/" + unit;
    }
}
