package org.gridledger.portfolio.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock a test sets to any instant: time moves, nobody waits. */
final class MovableClock extends Clock {

    private Instant now;
    private final ZoneId zone;

    MovableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
