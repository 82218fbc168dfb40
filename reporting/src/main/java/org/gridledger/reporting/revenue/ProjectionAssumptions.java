package org.gridledger.reporting.revenue;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * What a funding projection assumes.
 *
 * @param grantEndsWith  the last month the grant funds; the projection starts the month after
 * @param historyMonths  how many recorded months (up to the last ended one, at most the grant's last) give the base
 * @param horizonMonths  how many months after the grant to project
 * @param costGrowth     monthly growth of provider costs, e.g. {@code 0.01} for 1 % a month (compounded)
 * @param feeGrowth      monthly growth of the fee base at today's prices (more communities, seats or usage)
 * @param operatingCosts the organisation's own monthly costs (staff, rooms, services), which GridLedger does not
 *                       record; added to the provider costs of the base month and grown with them
 */
public record ProjectionAssumptions(YearMonth grantEndsWith, int historyMonths, int horizonMonths,
                                    BigDecimal costGrowth, BigDecimal feeGrowth, BigDecimal operatingCosts) {

    public static final int DEFAULT_HISTORY = 12;
    public static final int DEFAULT_HORIZON = 12;
    public static final int MAX_HISTORY = 36;
    public static final int MAX_HORIZON = 60;
    /** A monthly rate outside ±50 % is no assumption anybody plans with. */
    public static final BigDecimal MAX_RATE = new BigDecimal("0.5");

    public ProjectionAssumptions {
        if (historyMonths < 1 || historyMonths > MAX_HISTORY) {
            throw DomainException.of(ErrorCode.PROJECTION_ASSUMPTION_INVALID,
                    "historyMonths %d lies outside 1 to %d", historyMonths, MAX_HISTORY);
        }
        if (horizonMonths < 1 || horizonMonths > MAX_HORIZON) {
            throw DomainException.of(ErrorCode.PROJECTION_ASSUMPTION_INVALID,
                    "horizonMonths %d lies outside 1 to %d", horizonMonths, MAX_HORIZON);
        }
        requireRate("costGrowth", costGrowth);
        requireRate("feeGrowth", feeGrowth);
        if (operatingCosts == null || operatingCosts.signum() < 0) {
            throw DomainException.of(ErrorCode.PROJECTION_ASSUMPTION_INVALID,
                    "operatingCosts %s is no monthly amount of zero or more", operatingCosts);
        }
    }

    /** The assumptions without operating costs of the organisation's own. */
    public ProjectionAssumptions(YearMonth grantEndsWith, int historyMonths, int horizonMonths, BigDecimal costGrowth,
                                 BigDecimal feeGrowth) {
        this(grantEndsWith, historyMonths, horizonMonths, costGrowth, feeGrowth, BigDecimal.ZERO);
    }

    private static void requireRate(String name, BigDecimal rate) {
        if (rate == null || rate.abs().compareTo(MAX_RATE) > 0) {
            throw DomainException.of(ErrorCode.PROJECTION_ASSUMPTION_INVALID,
                    "%s %s is no monthly rate between -0.5 and 0.5", name, rate);
        }
    }
}
