package org.gridledger.accounting.usage;

import java.time.Instant;

/**
 * Writes instants exactly as {@link Instant#toString()} does ({@code 2026-10-05T12:34:56Z}, a fraction in groups of
 * three digits when there is one), for the years 0000 to 9999, without the formatter's objects: the staging rows and
 * the content hash write two instants per record. Outside those years the callers use {@link Instant#toString()}.
 */
final class IsoInstant {

    /** The longest text written: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
    static final int MAX_LENGTH = 30;
    private static final long FIRST = -62_167_219_200L; // 0000-01-01T00:00:00Z
    private static final long LAST = 253_402_300_799L; // 9999-12-31T23:59:59Z

    private IsoInstant() {
    }

    /** Writes {@code instant} at {@code at}; answers the end, or -1 when its year is outside 0000–9999. */
    static int write(Instant instant, byte[] b, int at) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return -1;
        }
        long day = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) (seconds - day * 86_400L);
        int u = date(day, b, at);
        b[u++] = 'T';
        u = two(b, u, secondOfDay / 3600);
        b[u++] = ':';
        u = two(b, u, secondOfDay / 60 % 60);
        b[u++] = ':';
        u = two(b, u, secondOfDay % 60);
        int nano = instant.getNano();
        if (nano > 0) {
            b[u++] = '.';
            int div = 100_000_000;
            for (int i = 0; nano > 0 || i % 3 != 0; i++) {
                int digit = nano / div;
                b[u++] = (byte) ('0' + digit);
                nano -= digit * div;
                div /= 10;
            }
        }
        b[u++] = 'Z';
        return u;
    }

    /** Appends {@code instant} as {@link Instant#toString()} does. */
    static void append(StringBuilder sb, Instant instant, byte[] scratch) {
        int end = write(instant, scratch, 0);
        if (end < 0) {
            sb.append(instant);
            return;
        }
        for (int i = 0; i < end; i++) {
            sb.append((char) scratch[i]);
        }
    }

    /** Writes the first day of the month of {@code epochDay} as {@code yyyy-MM-01}; -1 outside 0000–9999. */
    static int writeMonth(long epochDay, byte[] b, int at) {
        if (epochDay < FIRST / 86_400L || epochDay > LAST / 86_400L) {
            return -1;
        }
        int u = date(epochDay, b, at);
        b[u - 2] = '0';
        b[u - 1] = '1';
        return u;
    }

    /** {@code yyyy-MM-dd} of a day counted from 1970-01-01 (the proleptic Gregorian calendar, as java.time). */
    private static int date(long epochDay, byte[] b, int at) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        int u = at;
        b[u++] = (byte) ('0' + year / 1000);
        b[u++] = (byte) ('0' + year / 100 % 10);
        b[u++] = (byte) ('0' + year / 10 % 10);
        b[u++] = (byte) ('0' + year % 10);
        b[u++] = '-';
        u = two(b, u, month);
        b[u++] = '-';
        return two(b, u, day);
    }

    private static int two(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 10);
        b[at + 1] = (byte) ('0' + v % 10);
        return at + 2;
    }
}
