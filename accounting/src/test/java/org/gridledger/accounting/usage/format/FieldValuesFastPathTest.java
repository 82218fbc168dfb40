package org.gridledger.accounting.usage.format;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readers' shortcuts for the commonest spellings (ISO date-times, {@code PT<n>S}, integers, APEL's nulls) answer
 * exactly what the general readers answer: the same value, or a refusal.
 */
class FieldValuesFastPathTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

    @Test
    void isoDateTimesReadAsTheFormatterReadsThem() {
        Random random = new Random(42);
        String[] fixed = {"2013-02-09T15:11:41Z", "2013-02-22T15:58:44.567+01:00", "2024-02-29T23:59:59Z",
                "2023-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "2026-10-05T24:00:00Z", "2026-10-05T12:60:00Z",
                "2026-10-05T12:00:60Z", "2026-10-05T12:00:00.Z", "2026-10-05T12:00:00.1234567891Z",
                "2026-10-05T12:00:00.000000001Z", "2026-10-05t12:00:00Z", "2026-10-05T12:00:00z",
                "2026-10-05T12:00:00-00:00", "2026-10-05T12:00:00+00:00", "2026-10-05T12:00:00+18:00",
                "2026-10-05T12:00:00+19:00", "2026-10-05T12:00:00+05:60", "2026-10-05T12:00:00-09:30",
                "2026-13-05T12:00:00Z", "2026-00-05T12:00:00Z", "2026-10-00T12:00:00Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "2026-10-05T12:00Z", "2026-10-05T12:00:00", "2026-1-05T12:00:00Z",
                "2026-10-05T12:00:00+0100", "2026-10-05T12:00:00Z[UTC]", "２０２６-10-05T12:00:00Z",
                "2026-10-05T12:00:00.5+01:00"};
        for (String text : fixed) {
            assertSame(text);
        }
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 253_402_300_799L);
            Instant instant = Instant.ofEpochSecond(seconds, random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0);
            assertSame(instant.toString());
            int offsetMinutes = (random.nextInt(37) - 18) * 60 + (random.nextBoolean() ? 0 : 30);
            assertSame(instant.atOffset(ZoneOffset.ofTotalSeconds(Math.max(-18 * 3600, Math.min(18 * 3600,
                    offsetMinutes * 60)))).toString());
        }
    }

    @Test
    void plainIsoDurationsReadAsThePatternReadsThem() throws RecordRejected {
        for (String text : new String[]{"PT0S", "PT1S", "PT3600S", "PT999999999999999S", "PT1000000000000000S",
                "PT12.5S", "PTS", "PT-5S", "PT+5S", "PT５S", "PT100000000001S"}) {
            Object fast = read(() -> FieldValues.isoSeconds("WallDuration", text));
            Object general = read(() -> generalIsoSeconds(text));
            assertThat(fast).as(text).isEqualTo(general);
        }
    }

    @Test
    void integersAreWhatThePatternMatches() {
        for (String text : new String[]{"0", "7", "+7", "-7", "+", "-", "", "123456789012345678",
                "1234567890123456789", "+123456789012345678", "1.0", "1e3", "١٢", "12a", " 12"}) {
            assertThat(FieldValues.isInteger(text)).as(text).isEqualTo(INTEGER.matcher(text).matches());
        }
    }

    @Test
    void apelNullsInAnyCase() {
        for (String text : new String[]{"None", "NONE", "none", "NULL", "Null", "null", "", "  ", "nonE ", "nul",
                "nulls", "Nones", "n0ne"}) {
            String expected = text.strip().isEmpty() || java.util.Set.of("none", "null")
                    .contains(text.strip().toLowerCase(java.util.Locale.ROOT)) ? null : text.strip();
            assertThat(FieldValues.text(text)).as(text).isEqualTo(expected);
        }
    }

    private static void assertSame(String text) {
        Object fast = read(() -> FieldValues.instant("EndTime", text, BERLIN));
        Object general = read(() -> generalInstant(text));
        assertThat(fast).as(text).isEqualTo(general);
    }

    /** What the reader did before it had a shortcut. */
    private static Instant generalInstant(String value) throws RecordRejected {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(value);
            LocalDateTime local = LocalDateTime.from(parsed);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                    : local.atZone(BERLIN).toInstant();
        } catch (DateTimeException e) {
            throw new RecordRejected("EndTime: '" + FieldValues.shorten(value)
                    + "' is neither epoch seconds nor an ISO 8601 date-time");
        }
    }

    private static Long generalIsoSeconds(String value) throws RecordRejected {
        return FieldValues.isoSeconds("WallDuration", "P0D" + "T" + value.substring(2).replace("PT", ""));
    }

    private interface Reading {
        Object read() throws RecordRejected;
    }

    private static Object read(Reading reading) {
        try {
            return reading.read();
        } catch (RecordRejected e) {
            return "rejected: " + e.getMessage().replace("P0DT", "PT");
        }
    }
}
