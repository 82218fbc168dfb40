package org.gridledger.reporting.revenue;

import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Ratios of two amounts at {@link #SCALE} decimals, HALF_EVEN; none when the denominator is zero. */
final class Ratios {

    static final int SCALE = 4;

    private Ratios() {
    }

    static BigDecimal of(Money numerator, Money denominator) {
        return of(numerator.amount(), denominator.amount());
    }

    static BigDecimal of(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN);
    }
}
