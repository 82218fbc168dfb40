package org.gridledger.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The ingest benchmark's baseline: the same jobs as rows of a copy of {@code usage_record} (same columns, constraints
 * and indexes), inserted with batched JDBC statements (1,000 per batch, rewritten into multi-row inserts by the
 * driver) and one commit per file's worth of rows, from one thread: what PostgreSQL takes to store the rows at all.
 */
final class RawUsageInsert {

    private static final String INSERT = """
            insert into bench_usage_raw (batch_id, record_index, site, local_job_id, end_time, start_time, month,
                resource_id, provider_id, submit_host, machine_name, queue, local_user_id, user_dn, fqan, vo, vo_group,
                vo_role, vo_id, community_id, wall_seconds, cpu_seconds, processors, node_count, infrastructure,
                infrastructure_description, memory_real_kb, memory_virtual_kb, service_level_type, service_level,
                hs06_per_core, hs06_source, normalised_wall, normalised_cpu, content_hash, late, received_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final BigDecimal HS06 = BigDecimal.TEN;

    private final Connection db;
    private final IngestFixture fixture;
    private final UsageDocuments jobs;
    private final Date month;

    RawUsageInsert(Connection db, IngestFixture fixture, LocalDate month) throws Exception {
        this.db = db;
        this.fixture = fixture;
        this.jobs = new UsageDocuments(fixture, month);
        this.month = Date.valueOf(month);
        try (Statement s = db.createStatement()) {
            s.execute("create table if not exists bench_usage_raw (like usage_record including all)");
        }
    }

    /** Inserts jobs [from, from + count) and answers rows per second. */
    double insert(long from, long count, int perCommit) throws Exception {
        db.setAutoCommit(false);
        long t0 = System.nanoTime();
        try (PreparedStatement p = db.prepareStatement(INSERT)) {
            UUID batch = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            for (long n = from; n < from + count; n++) {
                UsageDocuments.Job j = jobs.job(n);
                boolean a = j.site().equals(IngestFixture.SITE_A);
                int i = 1;
                p.setObject(i++, batch);
                p.setInt(i++, (int) (n - from));
                p.setString(i++, j.site());
                p.setString(i++, j.localJobId());
                p.setTimestamp(i++, Timestamp.from(Instant.ofEpochSecond(j.end())));
                p.setTimestamp(i++, Timestamp.from(Instant.ofEpochSecond(j.start())));
                p.setDate(i++, month);
                p.setObject(i++, a ? fixture.resourceA() : fixture.resourceB());
                p.setObject(i++, fixture.providerId());
                p.setString(i++, j.submitHost());
                p.setString(i++, "slurm.bench.example.org");
                p.setString(i++, "bench");
                p.setString(i++, "bench" + n % 40);
                p.setString(i++, j.userDn());
                p.setString(i++, "/" + IngestFixture.VO + "/Role=NULL/Capability=NULL");
                p.setString(i++, IngestFixture.VO);
                p.setString(i++, "/" + IngestFixture.VO);
                p.setString(i++, "Role=NULL");
                p.setObject(i++, fixture.voId());
                p.setObject(i++, fixture.attributed() ? fixture.communityId() : null);
                p.setLong(i++, j.wall());
                p.setLong(i++, j.cpu());
                p.setInt(i++, j.processors());
                p.setInt(i++, 1);
                p.setString(i++, "GRID");
                p.setString(i++, "APEL-CREAM-SLURM");
                p.setLong(i++, 1_000_000);
                p.setLong(i++, 2_000_000);
                p.setString(i++, "HEPSPEC");
                p.setBigDecimal(i++, HS06);
                p.setBigDecimal(i++, HS06);
                p.setString(i++, "RESOURCE");
                p.setBigDecimal(i++, HS06.multiply(BigDecimal.valueOf(j.wall())));
                p.setBigDecimal(i++, HS06.multiply(BigDecimal.valueOf(j.cpu())));
                p.setObject(i++, UUID.nameUUIDFromBytes((j.localJobId() + j.end()).getBytes(StandardCharsets.UTF_8)));
                p.setBoolean(i++, false);
                p.setTimestamp(i, now);
                p.addBatch();
                long done = n - from + 1;
                if (done % 1000 == 0 || done == count) {
                    p.executeBatch();
                }
                if (done % perCommit == 0 || done == count) {
                    db.commit();
                    batch = UUID.randomUUID();
                }
            }
        } finally {
            db.setAutoCommit(true);
        }
        return count / ((System.nanoTime() - t0) / 1e9);
    }
}
