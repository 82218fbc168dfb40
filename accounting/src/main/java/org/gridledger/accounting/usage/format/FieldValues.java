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
        return isNull(value) ? null : value;
    }

    /** Whether a stripped value is one of {@link #NULLS}, in any case, without lower-casing a copy. */
    private static boolean isNull(String value) {
        return value.isEmpty() || value.length() == 4
                && (value.equalsIgnoreCase("none") || value.equalsIgnoreCase("null"))
                && NULLS.contains(value.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code value} is what {@link #INTEGER} matches — an optional sign and 1 to 18 ASCII digits — checked
     * without a matcher, as every numeric field of every record goes through here.
     */
    static boolean isInteger(String value) {
        int n = value.length();
        int i = n > 0 && (value.charAt(0) == '+' || value.charAt(0) == '-') ? 1 : 0;
        if (n - i < 1 || n - i > 18) {
            return false;
        }
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A whole, non-negative number of seconds (APEL, JSON). */
    static Long plainSeconds(String field, String raw) throws RecordRejected {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        if (!isInteger(value)) {
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
        long plain = plainIsoSeconds(value);
        if (plain >= 0) {
            return checkedSeconds(field, plain, value);
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

    /**
     * The seconds of the commonest duration, {@code PT<digits>S} with 1 to 15 digits (what {@link #ISO_DURATION}
     * reads as whole seconds), or -1 for any other form, which the pattern then reads.
     */
    private static long plainIsoSeconds(String value) {
        int n = value.length();
        if (n < 4 || n > 18 || value.charAt(0) != 'P' || value.charAt(1) != 'T' || value.charAt(n - 1) != 'S') {
            return -1;
        }
        long seconds = 0;
        for (int i = 2; i < n - 1; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            seconds = seconds * 10 + (c - '0');
        }
        return seconds;
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
        if (isInteger(value)) {
            long epoch = Long.parseLong(value);
            if (epoch <= 0) {
                throw new RecordRejected(field + ": '" + value + "' is not a time after 1970-01-01");
            }
            if (epoch > LAST_EPOCH_SECOND) {
                throw new RecordRejected(field + ": '" + value + "' lies after the year 9999 (milliseconds?)");
            }
            return Instant.ofEpochSecond(epoch);
        }
        Instant plain = plainIsoInstant(value);
        if (plain != null) {
            return plain;
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

    /**
     * The commonest date-time, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]} followed by {@code Z} or {@code ±HH:MM}, read
     * without the formatter; {@code null} for any other form or an impossible date, which
     * {@link DateTimeFormatter#ISO_DATE_TIME} then reads (or refuses with its message). Accepts nothing the formatter
     * refuses and reads the same instant.
     */
    private static Instant plainIsoInstant(String v) {
        int n = v.length();
        if (n < 20 || n > 35 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':'
                || v.charAt(16) != ':') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (v.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                nano = nano * 10 + (v.charAt(i++) - '0');
            }
            if (i == start || i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nano *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && v.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (v.charAt(i) == '+' || v.charAt(i) == '-') && v.charAt(i + 3) == ':') {
            int oh = digits(v, i + 1, 2);
            int om = digits(v, i + 4, 2);
            if ((oh | om) < 0 || oh > 17 || om > 59 || oh + om == 0) {
                return null;
            }
            offsetSeconds = (v.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds, nano);
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String v, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * A count of processors or nodes: a whole number of at least one. 0 means "not reported", as in APEL, whose
     * client stores 0 for a count it does not know and sends it on.
     */
    static Integer count(String field, String raw) throws RecordRejected {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        if (!isInteger(value)) {
            throw new RecordRejected(field + ": '" + shorten(value) + "' is not a whole number");
        }
        long n = Long.parseLong(value);
        if (n == 0) {
            return null;
        }
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
        if (!isInteger(value)) {
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
