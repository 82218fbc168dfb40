package org.gridledger.identity.vo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock in the organisation's zone that a test moves; the fixture keeps the same instance. */
final class MovableClock extends Clock {

    private final ZoneId zone;
    private Instant now;

    MovableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    void moveTo(Instant instant) {
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
