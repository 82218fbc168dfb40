package org.gridledger.reporting.billing;

import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/**
 * Late usage of an earlier, billed month, for one resource and unit: the month rated now against what the
 * community's issued invoices charged for it.
 *
 * @param quantityNow    the quantity rated now
 * @param quantityBilled the quantity the invoices charged
 * @param ratedNow       the net of the month's charges now
 * @param billed         the net the invoices charged (usage lines and earlier adjustments)
 */
public record UsageAdjustment(YearMonth month, UUID resourceId, String resourceName, Unit unit,
                              BigDecimal quantityNow, BigDecimal quantityBilled, Money ratedNow, Money billed) {

    public Money net() {
        return ratedNow.minus(billed);
    }

    public BigDecimal quantityDelta() {
        return quantityNow.subtract(quantityBilled);
    }
}
