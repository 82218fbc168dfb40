package org.gridledger.reporting.billing;

import org.gridledger.domain.portfolio.CommunityId;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A community as the billing run sees it.
 *
 * @param vatRate the VAT rate its invoices carry, as a fraction (0.19); zero for a VAT-exempt community
 */
public record BillableCommunity(CommunityId communityId, String name, Currency currency, BigDecimal vatRate) {

    public BillableCommunity {
        Objects.requireNonNull(communityId, "communityId");
        Objects.requireNonNull(currency, "currency");
        if (vatRate == null || vatRate.signum() < 0 || vatRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a VAT rate lies in [0, 1): " + vatRate);
        }
    }
}
