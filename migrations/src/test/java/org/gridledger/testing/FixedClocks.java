package org.gridledger.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Clocks for tests: fixed instants in the organisation's time zone. */
public final class FixedClocks {

    public static final ZoneId ORGANISATION_ZONE = ZoneId.of("Europe/Berlin");
    /** 2026-11-26T10:00Z, which is the 26th in Berlin too. */
    public static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private FixedClocks() {
    }

    public static Clock now() {
        return at(NOW);
    }

    public static Clock at(Instant instant) {
        return Clock.fixed(instant, ORGANISATION_ZONE);
    }
}
