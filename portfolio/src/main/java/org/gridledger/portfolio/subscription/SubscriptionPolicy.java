package org.gridledger.portfolio.subscription;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.portfolio.guard.Guards;

import java.time.LocalDate;
import java.time.YearMonth;

/** The guards and date arithmetic of subscriptions that need no state. */
final class SubscriptionPolicy {

    private SubscriptionPolicy() {
    }

    static void requireSeats(int seats) {
        if (seats < 1) {
            throw DomainException.of(ErrorCode.SEATS_INVALID, "seats must be at least 1, not %d", seats);
        }
    }

    static <T> T required(T value, String field) {
        return Guards.required(value, field);
    }

    static void requireNotPast(LocalDate day, LocalDate today, String what) {
        if (day.isBefore(today)) {
            throw DomainException.of(ErrorCode.SUBSCRIPTION_DATE_INVALID, "%s %s lies in the past", what, day);
        }
    }

    /**
     * The first day no longer covered after notice given on {@code requestedOn}: the first day of the month after
     * the one in which the notice period ends. A subscription that has not started yet runs its first month.
     */
    static LocalDate endsOn(LocalDate requestedOn, LocalDate startsOn, int noticeDays) {
        LocalDate noticeEnds = requestedOn.plusDays(noticeDays);
        LocalDate last = noticeEnds.isBefore(startsOn) ? startsOn : noticeEnds;
        return YearMonth.from(last).plusMonths(1).atDay(1);
    }
}
