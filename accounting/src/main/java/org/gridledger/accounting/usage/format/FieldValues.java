package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.BenchmarkType;
import org.gridledger.domain.accounting.Infrastructure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of usage-record fields from their text, the same way in every format. Each reader names the field
 * in its complaint so that a rejection says what is wrong where.
 */
final class FieldValues {

    /** APEL's spellings of "not reported": {@code None}, {@code NULL} and the empty string, in any case. */
    private static final java.util.Set<String> NULLS = java.util.Set.of("none", "null", "");

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern ISO_DURATION = Pattern.compile(
            "(-)?P(?:(\\d{1,9})Y)?(?:(\\d{1,9})M)?(?:(\\d{1,9})D)?"
                    + "(?:T(?:(\\d{1,12})H)?(?:(\\d{1,12})M)?(?:(\\d{1,15}(?:\\.\\d{1,9})?)S)?)?");
    /** Three thousand years of seconds: larger durations are typing errors, not jobs. */
    private static final long MAX_SECONDS = 100_000_000_000L;
    /** 9999-12-31T23:59:59Z: a larger "epoch second" is almost always a value in milliseconds. */
    private static final long LAST_EPOCH_SECOND = 253_402_300_799L;

    private FieldValues() {
    }

    /** Trimmed text, or {@code null} for APEL's null spellings. */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        return NULLS.contains(value.toLowerCase(Locale.ROOT)) ? null : value;
    }

    /** A whole, non-negative number of seconds (APEL, JSON). */
    static Long plainSeconds(String field, String raw) throws RecordRejected {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        if (!INTEGER.matcher(value).matches()) {
            throw new RecordRejected(field + ": '" + shorten(value) + "' is not a whole number of seconds");
        }
        long seconds = Long.parseLong(value);
        return checkedSeconds(field, seconds, value);
    }

    /**
     * An xsd:duration such as {@code PT3600S}, {@code P1DT2H} or {@code PT12.5S}, rounded half up to whole seconds.
     * Years and months have no fixed length and are refused.
     */
    static Long isoSeconds(String field, String raw) throws RecordRejected {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        Matcher m = ISO_DURATION.matcher(value);
        if (!m.matches() || value.endsWith("T") || value.equals("P") || value.equals("-P")) {
            throw new RecordRejected(field + ": '" + shorten(value) + "' is not an ISO 8601 duration such as PT3600S");
        }
        if (m.group(2) != null && Long.parseLong(m.group(2)) != 0 || m.group(3) != null && Long.parseLong(m.group(3)) != 0) {
            throw new RecordRejected(field + ": '" + value + "' counts years or months, which have no fixed length");
        }
        BigDecimal seconds = BigDecimal.ZERO;
        seconds = seconds.add(part(m.group(4), 86_400));
        seconds = seconds.add(part(m.group(5), 3_600));
        seconds = seconds.add(part(m.group(6), 60));
        if (m.group(7) != null) {
            seconds = seconds.add(new BigDecimal(m.group(7)));
        }
        long whole = seconds.setScale(0, RoundingMode.HALF_UP).longValueExact();
        return checkedSeconds(field, m.group(1) != null ? -whole : whole, value);
    }

    private static BigDecimal part(String digits, long unit) {
        return digits == null ? BigDecimal.ZERO : new BigDecimal(digits).multiply(BigDecimal.valueOf(unit));
    }

    static long checkedSeconds(String field, long seconds, String shown) throws RecordRejected {
        if (seconds < 0) {
            throw new RecordRejected(field + ": '" + shown + "' is negative");
        }
        if (seconds > MAX_SECONDS) {
            throw new RecordRejected(field + ": '" + shown + "' is implausibly long");
        }
        return seconds;
    }

    /**
     * A point in time: epoch seconds ({@code 1234567890}) or an ISO 8601 date-time with an offset
     * ({@code 2013-02-09T15:11:41Z}, {@code 2013-02-22T15:58:45+01:00}); without an offset it is read in {@code zone}.
     */
    static Instant instant(String field, String raw, ZoneId zone) throws RecordRejected {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        if (INTEGER.matcher(value).matches()) {
            long epoch = Long.parseLong(value);
            if (epoch <= 0) {
                throw new RecordRejected(field + ": '" + value + "' is not a time after 1970-01-01");
            }
            if (epoch > LAST_EPOCH_SECOND) {
                throw new RecordRejected(field + ": '" + value + "' lies after the year 9999 (milliseconds?)");
            }
            return Instant.ofEpochSecond(epoch);
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(value);
            LocalDateTime local = LocalDateTime.from(parsed);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                    : local.atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new RecordRejected(field + ": '" + shorten(value)
                    + "' is neither epoch seconds nor an ISO 8601 date-time");
        }
    }

    /** A count of processors or nodes: a whole number of at least one. */
    static Integer count(String field, String raw) throws RecordRejected {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        if (!INTEGER.matcher(value).matches()) {
            throw new RecordRejected(field + ": '" + shorten(value) + "' is not a whole number");
        }
        long n = Long.parseLong(value);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new RecordRejected(field + ": '" + value + "' must be at least 1");
        }
        return (int) n;
    }

    /** A non-negative whole number, e.g. memory in KiB. */
    static Long amount(String field, String raw) throws RecordRejected {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        if (!INTEGER.matcher(value).matches()) {
            throw new RecordRejected(field + ": '" + shorten(value) + "' is not a whole number");
        }
        long n = Long.parseLong(value);
        if (n < 0) {
            throw new RecordRejected(field + ": '" + value + "' is negative");
        }
        return n;
    }

    /** A positive decimal such as a benchmark value. */
    static BigDecimal positiveDecimal(String field, String raw) throws RecordRejected {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        BigDecimal number;
        try {
            if (value.length() > 40) {
                throw new NumberFormatException();
            }
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new RecordRejected(field + ": '" + shorten(value) + "' is not a number");
        }
        if (number.signum() <= 0) {
            throw new RecordRejected(field + ": '" + value + "' must be greater than zero");
        }
        return number;
    }

    /** APEL's {@code grid} or {@code local}, in any case. */
    static Infrastructure infrastructure(String field, String raw) throws RecordRejected {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "grid" -> Infrastructure.GRID;
            case "local" -> Infrastructure.LOCAL;
            default -> throw new RecordRejected(field + ": '" + shorten(value) + "' is neither grid nor local");
        };
    }

    /** APEL's {@code HEPSPEC} or {@code Si2k} (CAR writes {@code Si2K}), in any case. */
    static BenchmarkType benchmark(String field, String raw) throws RecordRejected {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "hepspec", "hepspec06", "hs06" -> BenchmarkType.HEPSPEC;
            case "si2k", "specint2000" -> BenchmarkType.SI2K;
            default -> throw new RecordRejected(field + ": '" + shorten(value) + "' is neither HEPSPEC nor Si2k");
        };
    }

    /** Keeps complaints short when a value is long or hostile. */
    static String shorten(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
