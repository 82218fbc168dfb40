package org.gridledger.accounting.rating;

import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;

/**
 * One priced charge, ready to become an invoice line.
 *
 * @param quantity  how much was charged, in {@code unit}
 * @param unitPrice the exact price of one unit (not rounded)
 * @param net       the charge's net amount, rounded HALF_EVEN to the currency's minor unit
 */
public record Charge(ChargeKind kind, String description, BigDecimal quantity, String unit, Money unitPrice,
                     Money net) {
}
