package org.gridledger.domain.finance;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** A proposed tariff change re-rated over ended months: what the usage costs now and would cost, nothing stored. */
public final class TariffPreviewQueries {

    private TariffPreviewQueries() {
    }

    /**
     * The provider's usage in the months {@code from} to {@code until} (inclusive, UTC) rated at the tariffs in force
     * and at the tariffs with the change: either a new price version of the existing {@code tariffId}, or (without a
     * tariff id) a new tariff of {@code providerId}, {@code resourceId} (optional), {@code communityId} (optional,
     * an agreement) and {@code unit}. {@code effectiveUntil} is for agreements only.
     */
    public record PreviewTariffChangeQuery(YearMonth from, YearMonth until, TariffId tariffId, ProviderId providerId,
                                           UUID resourceId, CommunityId communityId, Unit unit, Money price,
                                           LocalDate effectiveFrom, LocalDate effectiveUntil) {
    }

    /**
     * One community's usage of one resource in one unit over the months: the charges now and with the change, and
     * {@code difference = proposed − current}. A quantity is what is charged: usage without a price in force is not.
     */
    public record TariffPreviewRowView(CommunityId communityId, UUID resourceId, String resourceName, Unit unit,
                                       BigDecimal currentQuantity, Money current, BigDecimal proposedQuantity,
                                       Money proposed, Money difference) {
    }

    /** The rows (community, resource, unit order) and their totals, in the changed tariff's currency. */
    public record TariffPreviewView(ProviderId providerId, YearMonth from, YearMonth until, String currency,
                                    List<TariffPreviewRowView> rows, Money currentTotal, Money proposedTotal,
                                    Money difference) {
    }
}
