package org.gridledger.accounting.usage;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Streams rows into the upload's staging table with PostgreSQL's COPY (text format), a buffer of at most
 * {@link #FLUSH_AT} bytes at a time, so that an upload of any size needs constant memory. Values are encoded straight
 * into that one reused buffer (UTF-8, COPY's backslash escapes), without a string per row or per value; COPY does not
 * need its data messages to end at row boundaries, so the buffer is sent whenever it is full.
 */
final class StageWriter implements AutoCloseable {

    static final String COLUMNS = "record_index, site, local_job_id, end_time, start_time, month, resource_id, "
            + "provider_id, submit_host, machine_name, queue, local_user_id, user_dn, fqan, vo, vo_group, vo_role, "
            + "wall_seconds, cpu_seconds, processors, node_count, infrastructure, infrastructure_description, "
            + "memory_real_kb, memory_virtual_kb, service_level_type, service_level, hs06_per_core, hs06_source, "
            + "normalised_wall, normalised_cpu, content_hash";
    static final int FLUSH_AT = 256 * 1024;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final CopyIn copy;
    private byte[] buffer = new byte[FLUSH_AT + 8192];
    private int used;
    private boolean first;
    private long rows;

    StageWriter(Connection connection) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy usage_stage (" + COLUMNS + ") from stdin");
    }

    /** Starts a row; values follow in {@link #COLUMNS} order, then {@link #endRow()}. */
    StageWriter row() {
        first = true;
        return this;
    }

    /** Text, escaped for COPY; {@code null} is SQL NULL. */
    StageWriter value(String s) throws SQLException {
        separate();
        if (s == null) {
            return nul();
        }
        int n = s.length();
        ensure(2 * n);
        byte[] b = buffer;
        int u = used;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                used = u;
                return nonAscii(s, i);
            }
            switch (c) {
                case '\\' -> { b[u++] = '\\'; b[u++] = '\\'; }
                case '\t' -> { b[u++] = '\\'; b[u++] = 't'; }
                case '\n' -> { b[u++] = '\\'; b[u++] = 'n'; }
                case '\r' -> { b[u++] = '\\'; b[u++] = 'r'; }
                default -> b[u++] = (byte) c;
            }
        }
        used = u;
        return this;
    }

    StageWriter value(long v) throws SQLException {
        separate();
        ensure(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return ascii(Long.toString(v));
            }
            buffer[used++] = '-';
            v = -v;
        }
        used = digits(buffer, used, v);
        return this;
    }

    StageWriter value(Long v) throws SQLException {
        return v == null ? separate().nul() : value(v.longValue());
    }

    StageWriter value(Integer v) throws SQLException {
        return v == null ? separate().nul() : value(v.longValue());
    }

    StageWriter value(Enum<?> v) throws SQLException {
        return v == null ? separate().nul() : value(v.name());
    }

    /** An instant as ISO 8601 in UTC, which PostgreSQL reads for {@code timestamptz}. */
    StageWriter value(Instant v) throws SQLException {
        separate();
        if (v == null) {
            return nul();
        }
        ensure(IsoInstant.MAX_LENGTH);
        int end = IsoInstant.write(v, buffer, used);
        if (end < 0) {
            return ascii(v.toString());
        }
        used = end;
        return this;
    }

    /** The first day of the UTC month of {@code epochDay}, as {@code yyyy-MM-01}. */
    StageWriter month(long epochDay) throws SQLException {
        separate();
        ensure(IsoInstant.MAX_LENGTH);
        int end = IsoInstant.writeMonth(epochDay, buffer, used);
        if (end < 0) {
            return ascii(java.time.LocalDate.ofEpochDay(epochDay).withDayOfMonth(1).toString());
        }
        used = end;
        return this;
    }

    StageWriter value(UUID v) throws SQLException {
        separate();
        if (v == null) {
            return nul();
        }
        ensure(36);
        byte[] b = buffer;
        int u = used;
        long msb = v.getMostSignificantBits();
        long lsb = v.getLeastSignificantBits();
        u = hex(b, u, msb >>> 32, 8);
        b[u++] = '-';
        u = hex(b, u, msb >>> 16, 4);
        b[u++] = '-';
        u = hex(b, u, msb, 4);
        b[u++] = '-';
        u = hex(b, u, lsb >>> 48, 4);
        b[u++] = '-';
        u = hex(b, u, lsb, 12);
        used = u;
        return this;
    }

    StageWriter value(BigDecimal v) throws SQLException {
        separate();
        return v == null ? nul() : ascii(v.toPlainString());
    }

    /** The decimal {@code unscaled × 10^-scale}, {@code 0 ≤ scale ≤ 18}, without a {@link BigDecimal}. */
    StageWriter decimal(long unscaled, int scale) throws SQLException {
        if (unscaled == Long.MIN_VALUE || scale < 0 || scale > 18) {
            throw new IllegalArgumentException("not a decimal this writer encodes: " + unscaled + "e-" + scale);
        }
        separate();
        ensure(42);
        byte[] b = buffer;
        if (unscaled < 0) {
            b[used++] = '-';
            unscaled = -unscaled;
        }
        if (scale == 0) {
            used = digits(b, used, unscaled);
            return this;
        }
        long pow = 1;
        for (int i = 0; i < scale; i++) {
            pow *= 10;
        }
        used = digits(b, used, unscaled / pow);
        b[used++] = '.';
        long fraction = unscaled % pow;
        for (long p = pow / 10; p > 0; p /= 10) {
            b[used++] = (byte) ('0' + fraction / p % 10);
        }
        return this;
    }

    void endRow() throws SQLException {
        ensure(1);
        buffer[used++] = '\n';
        rows++;
        if (used >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    /** Ends the COPY; the staged rows are then visible to the transaction. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    private StageWriter separate() throws SQLException {
        if (first) {
            first = false;
        } else {
            ensure(1);
            buffer[used++] = '\t';
        }
        return this;
    }

    private StageWriter nul() throws SQLException {
        ensure(2);
        buffer[used++] = '\\';
        buffer[used++] = 'N';
        return this;
    }

    /** Text known to need no escaping. */
    private StageWriter ascii(String s) throws SQLException {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buffer[used++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** The rest of a string from its first non-ASCII character: UTF-8 as the JDK encodes it, then escaped. */
    private StageWriter nonAscii(String s, int from) throws SQLException {
        byte[] bytes = s.substring(from).getBytes(StandardCharsets.UTF_8);
        ensure(2 * bytes.length);
        for (byte c : bytes) {
            switch (c) {
                case '\\' -> { buffer[used++] = '\\'; buffer[used++] = '\\'; }
                case '\t' -> { buffer[used++] = '\\'; buffer[used++] = 't'; }
                case '\n' -> { buffer[used++] = '\\'; buffer[used++] = 'n'; }
                case '\r' -> { buffer[used++] = '\\'; buffer[used++] = 'r'; }
                default -> buffer[used++] = c;
            }
        }
        return this;
    }

    /** Room for {@code n} more bytes: sends what the buffer holds when needed, grows it for a very long value. */
    private void ensure(int n) throws SQLException {
        if (used + n > buffer.length) {
            flush();
            if (n > buffer.length) {
                buffer = new byte[n];
            }
        }
    }

    private static int digits(byte[] b, int at, long v) {
        int length = 1;
        for (long x = v; x >= 10; x /= 10) {
            length++;
        }
        int end = at + length;
        for (int i = end - 1; i >= at; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return end;
    }

    private static int hex(byte[] b, int at, long v, int count) {
        for (int i = count - 1; i >= 0; i--) {
            b[at + i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        return at + count;
    }

    private void flush() throws SQLException {
        if (used > 0) {
            copy.writeToCopy(buffer, 0, used);
            used = 0;
        }
    }

    /** Abandons an unfinished COPY (the transaction rolls back anyway). */
    @Override
    public void close() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the connection is rolled back by the transaction
            }
        }
    }
}
