package org.gridledger.app.config;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceClockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final ServiceClock clock = new ServiceClock(Clock.fixed(NOW, BERLIN));

    @Test
    void shows_the_base_clock_in_its_zone_until_it_is_set_back() {
        assertThat(clock.instant()).isEqualTo(NOW);
        assertThat(clock.getZone()).isEqualTo(BERLIN);
        assertThat(clock.travelling()).isFalse();
    }

    @Test
    void set_back_it_shows_the_chosen_moment_and_the_present_stays_known() {
        Instant yearAgo = Instant.parse("2025-11-01T07:00:00Z");

        clock.travelTo(yearAgo);

        assertThat(clock.instant()).isEqualTo(yearAgo);
        assertThat(clock.travelling()).isTrue();
        assertThat(clock.present()).isEqualTo(NOW);
        assertThat(clock.withZone(ZoneOffset.UTC).instant()).isEqualTo(yearAgo);
    }

    @Test
    void a_view_in_another_zone_follows_the_clock_when_it_is_set_back_later() {
        Clock utc = clock.withZone(ZoneOffset.UTC);
        Instant yearAgo = Instant.parse("2025-11-01T07:00:00Z");

        clock.travelTo(yearAgo);

        assertThat(utc.instant()).isEqualTo(yearAgo);
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
        clock.returnToPresent();
        assertThat(utc.instant()).isEqualTo(NOW);
    }

    @Test
    void ticks_in_microseconds_like_the_database() {
        ServiceClock fine = new ServiceClock(Clock.fixed(Instant.parse("2026-11-26T10:00:00.123456789Z"), BERLIN));

        assertThat(fine.instant()).isEqualTo(Instant.parse("2026-11-26T10:00:00.123456Z"));
        assertThat(fine.present()).isEqualTo(Instant.parse("2026-11-26T10:00:00.123456Z"));
    }

    @Test
    void returns_to_the_present() {
        clock.travelTo(Instant.parse("2025-11-01T07:00:00Z"));

        clock.returnToPresent();

        assertThat(clock.instant()).isEqualTo(NOW);
        assertThat(clock.travelling()).isFalse();
    }
}
