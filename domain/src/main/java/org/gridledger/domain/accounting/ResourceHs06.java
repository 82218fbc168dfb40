package org.gridledger.domain.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A resource's HEP-SPEC06 per core from a day on: in force from 00:00 UTC of {@code effectiveFrom} (APEL months are
 * UTC) until the next value's day. Values are never overwritten; a new benchmark adds a value from a later day.
 */
public record ResourceHs06(LocalDate effectiveFrom, BigDecimal hs06PerCore) {
}
