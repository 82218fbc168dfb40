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
 * @param vatRate        the VAT rate the month was invoiced at, which its correction carries; null for the
 *                       community's rate of today
 */
public record UsageAdjustment(YearMonth month, UUID resourceId, String resourceName, Unit unit,
                              BigDecimal quantityNow, BigDecimal quantityBilled, Money ratedNow, Money billed,
                              BigDecimal vatRate) {

    public UsageAdjustment(YearMonth month, UUID resourceId, String resourceName, Unit unit, BigDecimal quantityNow,
                           BigDecimal quantityBilled, Money ratedNow, Money billed) {
        this(month, resourceId, resourceName, unit, quantityNow, quantityBilled, ratedNow, billed, null);
    }

    /** This adjustment at the VAT rate its month was invoiced at. */
    public UsageAdjustment at(BigDecimal rate) {
        return new UsageAdjustment(month, resourceId, resourceName, unit, quantityNow, quantityBilled, ratedNow, billed,
                rate);
    }

    public Money net() {
        return ratedNow.minus(billed);
    }

    public BigDecimal quantityDelta() {
        return quantityNow.subtract(quantityBilled);
    }
}
