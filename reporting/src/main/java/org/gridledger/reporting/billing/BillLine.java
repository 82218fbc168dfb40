package org.gridledger.reporting.billing;

import org.gridledger.accounting.rating.ChargeKind;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;

/**
 * One line of a community's bill.
 *
 * @param net the line's net amount, rounded to cents
 * @param vat the line's VAT, {@code net × vatRate} rounded HALF_EVEN to cents
 * @param reference what a usage or late-usage line rates ({@code UsageReference}); null on other lines
 */
public record BillLine(int position, ChargeKind kind, PackageCategory category, SubscriptionId subscriptionId,
                       String description, BigDecimal quantity, String unit, Money unitPrice, Money net,
                       BigDecimal vatRate, Money vat, String reference) {
}
