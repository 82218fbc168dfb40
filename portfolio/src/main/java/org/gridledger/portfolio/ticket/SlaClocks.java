package org.gridledger.portfolio.ticket;

import org.gridledger.domain.portfolio.SlaTarget;
import org.gridledger.domain.support.SlaTargetKind;
import org.gridledger.domain.support.TicketDeadline;
import org.gridledger.domain.support.TicketStatus;
import org.gridledger.portfolio.calendar.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The clocks of one ticket, rebuilt from its events. The response clock runs from the opening until the first
 * support action. The resolution clock runs from the opening, stops while the ticket waits for the submitter and
 * once it is solved, and goes on from where it stopped when the submitter answers or reopens; the working time it
 * counted before a stop comes with the stopping event. Warnings fall due at 75 % of a target, breaches at 100 %;
 * reminders after 5 and 10 working days of waiting, the mark as unsolved after 15; a solved ticket closes itself after
 * 10 working days. A working day is the calendar's day length (10 working hours by default).
 */
final class SlaClocks {

    static final int[] REMINDER_DAYS = {5, 10};
    static final int UNSOLVED_DAYS = 15;
    static final int AUTO_CLOSE_DAYS = 10;

    private SlaTarget target;
    private Instant openedAt;
    private boolean responded;
    private Duration resolutionCounted = Duration.ZERO;
    private Instant resolutionRunningSince;
    private Instant waitingSince;
    private Instant solvedAt;
    private int reminders;
    private final boolean[] warned = new boolean[2];
    private final boolean[] breached = new boolean[2];

    void opened(Instant at, SlaTarget sla) {
        openedAt = at;
        target = sla;
        resolutionRunningSince = at;
    }

    void responded(Instant at) {
        responded = true;
    }

    void paused(Instant at, Duration counted) {
        resolutionCounted = counted;
        resolutionRunningSince = null;
        waitingSince = at;
        reminders = 0;
    }

    void resumed(Instant at) {
        resolutionRunningSince = at;
        waitingSince = null;
        solvedAt = null;
    }

    void solved(Instant at, Duration counted) {
        resolutionCounted = counted;
        resolutionRunningSince = null;
        waitingSince = null;
        solvedAt = at;
    }

    void closed() {
        resolutionRunningSince = null;
        waitingSince = null;
        solvedAt = null;
    }

    void warned(SlaTargetKind kind) {
        warned[kind.ordinal()] = true;
    }

    void breached(SlaTargetKind kind) {
        warned[kind.ordinal()] = true;
        breached[kind.ordinal()] = true;
    }

    void reminded() {
        reminders++;
    }

    SlaTarget target() {
        return target;
    }

    boolean responded() {
        return responded;
    }

    boolean responseBreached() {
        return breached[SlaTargetKind.RESPONSE.ordinal()];
    }

    boolean resolutionBreached() {
        return breached[SlaTargetKind.RESOLUTION.ordinal()];
    }

    /** Whether there is a resolution target and its clock has not been stopped by a solution. */
    boolean resolutionRunning() {
        return target != null && target.resolution() != null && solvedAt == null;
    }

    Duration responseElapsed(Instant now, WorkingCalendar calendar) {
        return calendar.between(openedAt, now);
    }

    /** The working time the resolution clock has counted by {@code now}. */
    Duration resolutionElapsed(Instant now, WorkingCalendar calendar) {
        return resolutionRunningSince == null ? resolutionCounted
                : resolutionCounted.plus(calendar.between(resolutionRunningSince, now));
    }

    /** The deadlines pending in {@code status}. */
    Map<TicketDeadline, Instant> deadlines(TicketStatus status, WorkingCalendar calendar) {
        Map<TicketDeadline, Instant> due = new EnumMap<>(TicketDeadline.class);
        if (status == TicketStatus.CLOSED) {
            return due;
        }
        if (target != null && !responded && !responseBreached()) {
            if (!warned[SlaTargetKind.RESPONSE.ordinal()]) {
                due.put(TicketDeadline.RESPONSE_WARNING, calendar.plus(openedAt, threeQuarters(target.response())));
            }
            due.put(TicketDeadline.RESPONSE_BREACH, calendar.plus(openedAt, target.response()));
        }
        if (target != null && target.resolution() != null && resolutionRunningSince != null && !resolutionBreached()) {
            if (!warned[SlaTargetKind.RESOLUTION.ordinal()]) {
                due.put(TicketDeadline.RESOLUTION_WARNING, calendar.plus(resolutionRunningSince,
                        left(threeQuarters(target.resolution()))));
            }
            due.put(TicketDeadline.RESOLUTION_BREACH, calendar.plus(resolutionRunningSince,
                    left(target.resolution())));
        }
        Duration day = calendar.workingDay();
        if (status == TicketStatus.WAITING_FOR_SUBMITTER && waitingSince != null) {
            if (reminders < 1) {
                due.put(TicketDeadline.WAITING_REMINDER_1,
                        calendar.plus(waitingSince, day.multipliedBy(REMINDER_DAYS[0])));
            }
            if (reminders < 2) {
                due.put(TicketDeadline.WAITING_REMINDER_2,
                        calendar.plus(waitingSince, day.multipliedBy(REMINDER_DAYS[1])));
            }
            due.put(TicketDeadline.WAITING_UNSOLVED, calendar.plus(waitingSince, day.multipliedBy(UNSOLVED_DAYS)));
        }
        if (status == TicketStatus.SOLVED && solvedAt != null) {
            due.put(TicketDeadline.AUTO_CLOSE, calendar.plus(solvedAt, day.multipliedBy(AUTO_CLOSE_DAYS)));
        }
        return due;
    }

    /** What remains of {@code mark} after the counted time, never negative. */
    private Duration left(Duration mark) {
        Duration left = mark.minus(resolutionCounted);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration threeQuarters(Duration target) {
        return target.multipliedBy(3).dividedBy(4);
    }
}
