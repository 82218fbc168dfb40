package org.gridledger.domain.accounting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Identifies an accounting month (UTC, by job end time) as the aggregate that records its closing for billing;
 * serialised as {@code usage-month-2026-10}, so that it never collides with the UUID ids of other aggregates.
 */
public record UsageMonthId(YearMonth month) {

    private static final String PREFIX = "usage-month-";

    public UsageMonthId {
        Objects.requireNonNull(month, "month");
    }

    @JsonCreator
    public static UsageMonthId of(String value) {
        return new UsageMonthId(YearMonth.parse(value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : value));
    }

    @JsonValue
    @Override
    public String toString() {
        return PREFIX + month;
    }
}
