package org.gridledger.domain.finance;

import org.gridledger.domain.finance.ProviderCostQueries.CostKind;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;

/**
 * A line of a provider settlement: what one contract, one package's penalties, one rated usage charge or the clearing
 * commission adds to (or takes from) what the organisation owes. {@code amount} is rounded HALF_EVEN to the
 * currency's minor unit once, so the settlement's total is the sum of its lines.
 *
 * @param packageId the package a contract or penalty belongs to; null for usage and commission lines
 * @param category  that package's category; null with it
 * @param quantity  days of a contract, units of usage; null where the line counts nothing (penalty, commission)
 * @param unit      the quantity's label ({@code day}, a {@code Unit} name); null with it
 * @param unitPrice per-day price of a contract (nine decimals), tariff price of usage; null with the quantity
 * @param reference what the line pays for: a tender id, a community id; free text, may be null
 */
public record SettlementLine(int lineNo, CostKind kind, String description, SupportPackageId packageId,
                             PackageCategory category, BigDecimal quantity, String unit, Money unitPrice,
                             Money amount, String reference) {
}
