package org.gridledger.reporting.finance;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The months {@code from} to {@code until}, both included; at most {@link #MAX_MONTHS} of them. */
public record MonthRange(YearMonth from, YearMonth until) {

    /** Three years: long enough to see a grant run out, short enough to stay one readable document. */
    public static final int MAX_MONTHS = 36;
    /** A statement covers at most this many days (ten years). */
    public static final int MAX_STATEMENT_DAYS = 3660;

    public MonthRange {
        if (until.isBefore(from)) {
            throw DomainException.of(ErrorCode.REPORT_RANGE_REVERSED, "the range %s to %s ends before it starts",
                    from, until);
        }
        long months = ChronoUnit.MONTHS.between(from, until) + 1;
        if (months > MAX_MONTHS) {
            throw DomainException.of(ErrorCode.REPORT_RANGE_TOO_LONG, "the range %s to %s covers %d months; at most %d",
                    from, until, months, MAX_MONTHS);
        }
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(until); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(from) && !month.isAfter(until);
    }

    /** Refuses a day range that ends before it starts or spans more than {@link #MAX_STATEMENT_DAYS}. */
    public static void requireDays(LocalDate from, LocalDate until) {
        if (until.isBefore(from)) {
            throw DomainException.of(ErrorCode.REPORT_RANGE_REVERSED, "the range %s to %s ends before it starts",
                    from, until);
        }
        if (ChronoUnit.DAYS.between(from, until) + 1 > MAX_STATEMENT_DAYS) {
            throw DomainException.of(ErrorCode.REPORT_RANGE_TOO_LONG, "the range %s to %s covers more than %d days",
                    from, until, MAX_STATEMENT_DAYS);
        }
    }
}
