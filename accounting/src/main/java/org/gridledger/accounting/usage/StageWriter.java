package org.gridledger.accounting.usage;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Streams rows into the upload's staging table with PostgreSQL's COPY (text format), a buffer of at most
 * {@link #FLUSH_AT} bytes at a time, so that an upload of any size needs constant memory.
 */
final class StageWriter implements AutoCloseable {

    static final String COLUMNS = "record_index, site, local_job_id, end_time, start_time, month, resource_id, "
            + "provider_id, submit_host, machine_name, queue, local_user_id, user_dn, fqan, vo, vo_group, vo_role, "
            + "wall_seconds, cpu_seconds, processors, node_count, infrastructure, infrastructure_description, "
            + "memory_real_kb, memory_virtual_kb, service_level_type, service_level, hs06_per_core, hs06_source, "
            + "normalised_wall, normalised_cpu, content_hash";
    private static final int FLUSH_AT = 256 * 1024;

    private final CopyIn copy;
    private final StringBuilder line = new StringBuilder(512);
    private byte[] buffer = new byte[FLUSH_AT + 8192];
    private int used;
    private long rows;

    StageWriter(Connection connection) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy usage_stage (" + COLUMNS + ") from stdin");
    }

    /** Starts a row; values follow with {@link #value} in {@link #COLUMNS} order, then {@link #endRow()}. */
    StageWriter row() {
        line.setLength(0);
        return this;
    }

    StageWriter value(Object value) {
        if (!line.isEmpty()) {
            line.append('\t');
        }
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof String s) {
            escape(s);
        } else if (value instanceof Instant i) {
            line.append(i);
        } else {
            line.append(value);
        }
        return this;
    }

    void endRow() throws SQLException {
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        if (used + bytes.length > buffer.length) {
            flush();
            if (bytes.length > buffer.length) {
                buffer = new byte[bytes.length];
            }
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
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

    private void flush() throws SQLException {
        if (used > 0) {
            copy.writeToCopy(buffer, 0, used);
            used = 0;
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
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
