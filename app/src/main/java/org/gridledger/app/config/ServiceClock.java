package org.gridledger.app.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The service's clock: the system clock in the organisation's time zone, ahead by the configured offset
 * ({@code gridledger.clock-offset}, zero in production). The demo loader alone sets it back while it writes its year
 * of history, so that every rule that refuses the past (terms, subscriptions, tariffs, billing periods) sees the day
 * the demo is acting on; it returns it to the present before anything else may use the service. See ADR 0028.
 *
 * <p>It ticks in microseconds, the precision of PostgreSQL's {@code timestamptz}: an instant the service records (a
 * ticket's opening, a deadline derived from it) reads back from the database exactly as the aggregate holds it, so a
 * sweeper acting "as of" a stored due time is never a fraction of a microsecond early.
 */
public final class ServiceClock extends Clock {

    private final Clock base;
    private volatile Duration travel = Duration.ZERO;

    public ServiceClock(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** This clock seen from another zone: it shows the same instants, also when it is set back later. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(getZone())) {
            return this;
        }
        ServiceClock clock = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return clock.withZone(other);
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return base.instant().plus(travel).truncatedTo(ChronoUnit.MICROS);
    }

    /** The present: what the clock shows when it is not set back. */
    public Instant present() {
        return base.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether the clock is set away from the present. */
    public boolean travelling() {
        return !travel.isZero();
    }

    /** Sets the clock so that it shows {@code moment} now and runs on from there. */
    public void travelTo(Instant moment) {
        travel = Duration.between(base.instant(), moment);
    }

    /** Sets the clock back to the present (plus the configured offset). */
    public void returnToPresent() {
        travel = Duration.ZERO;
    }
}
