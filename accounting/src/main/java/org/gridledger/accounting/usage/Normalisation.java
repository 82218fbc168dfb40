package org.gridledger.accounting.usage;

import org.gridledger.domain.accounting.BenchmarkType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * HS06 normalisation. The HS06 per core of a record is the one <b>registered for its resource in force at the job's
 * end time</b> (the row with the latest effective date on or before the end's UTC date); the service level the record
 * reports itself is kept beside it but only used when the resource has no HS06 in force then. A service level in
 * SpecInt2000 converts as {@code HS06 = Si2k ÷ 250} (exact: one more decimal digit per factor of ten). Normalised
 * wall (CPU) = wall (CPU) seconds × HS06 per core, in HS06-seconds. The factor is held at 7 decimal places (a
 * reported level with more digits, or a Si2k figure with more than 4, is rounded half-even once, there); the
 * products are then exact.
 */
final class Normalisation {

    static final int SCALE = 7;
    private static final BigDecimal SI2K_PER_HS06 = BigDecimal.valueOf(250);

    enum Source { RESOURCE, RECORD }

    /** The HS06 per core applied and where it came from. */
    record Factor(BigDecimal hs06PerCore, Source source) {

        BigDecimal normalise(long seconds) {
            return hs06PerCore.multiply(BigDecimal.valueOf(seconds)).setScale(SCALE, RoundingMode.UNNECESSARY);
        }
    }

    private Normalisation() {
    }

    static LocalDate utcDay(Instant instant) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400L));
    }

    /** The factor for a record, or null when neither the resource nor the record gives one. */
    static Factor factor(ResourceCatalogue.Resource resource, Instant endTime, BenchmarkType type, BigDecimal level) {
        BigDecimal registered = resource.hs06On(utcDay(endTime));
        if (registered != null) {
            return new Factor(registered.setScale(SCALE, RoundingMode.UNNECESSARY), Source.RESOURCE);
        }
        BigDecimal reported = hs06(type, level);
        return reported == null ? null : new Factor(reported, Source.RECORD);
    }

    /** A reported service level in HS06 per core (Si2k ÷ 250), or null when it is missing or not positive. */
    static BigDecimal hs06(BenchmarkType type, BigDecimal level) {
        if (level == null || level.signum() <= 0) {
            return null;
        }
        BigDecimal hs06 = type == BenchmarkType.SI2K
                ? level.divide(SI2K_PER_HS06, SCALE, RoundingMode.HALF_EVEN)
                : level;
        return hs06.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
