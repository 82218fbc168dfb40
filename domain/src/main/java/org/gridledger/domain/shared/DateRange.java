package org.gridledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A half-open range of days {@code [from, until)}; {@code until == null} means open-ended. Business time only: which
 * days something was in effect, never when GridLedger learnt of it.
 */
public record DateRange(LocalDate from, LocalDate until) {

    @JsonCreator
    public DateRange(@JsonProperty("from") LocalDate from, @JsonProperty("until") LocalDate until) {
        Objects.requireNonNull(from, "from");
        if (until != null && until.isBefore(from)) {
            throw DomainException.of(ErrorCode.INVALID_PERIOD, "period ends (%s) before it starts (%s)", until, from);
        }
        this.from = from;
        this.until = until;
    }

    public static DateRange from(LocalDate from) {
        return new DateRange(from, null);
    }

    public static DateRange of(YearMonth month) {
        return new DateRange(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && (until == null || day.isBefore(until));
    }

    public boolean overlaps(DateRange other) {
        boolean startsBeforeOtherEnds = other.until == null || from.isBefore(other.until);
        boolean otherStartsBeforeThisEnds = until == null || other.from.isBefore(until);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    @JsonIgnore
    public boolean isOpenEnded() {
        return until == null;
    }

    /** Number of days in the range; open-ended ranges have no length. */
    public long days() {
        if (until == null) {
            throw new IllegalStateException("an open-ended range has no length");
        }
        return ChronoUnit.DAYS.between(from, until);
    }
}
