package org.gridledger.accounting.rating;

import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

/**
 * Usage of one resource by one community in one month, in one unit, rated at one price.
 *
 * @param quantity  how much was used in {@code unit} over the days the price was in force, at nine decimal places
 * @param unitPrice the tariff's price of one unit
 * @param net       {@code quantity × unitPrice}, rounded HALF_EVEN to the currency's minor unit
 * @param from      the first day of the month rated at this price
 * @param until     the day after the last day rated at this price
 */
public record UsageCharge(YearMonth month, ProviderId providerId, UUID resourceId, String resourceName,
                          CommunityId communityId, Unit unit, BigDecimal quantity, Money unitPrice, Money net,
                          TariffId tariffId, LocalDate from, LocalDate until) {

    public UsageCharge {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(communityId, "communityId");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(net, "net");
    }
}
