package org.gridledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The register command's database work without the service: the limit that the command's own SQL sets on this
 * machine. Each thread holds one connection and runs, per command, the four statements the service runs for a
 * registration (bench/README.md, pg_stat_statements): the name claim, Axon's event insert, the community upsert and
 * the first profile version, with the event's payload and metadata and the profile copied from what the service
 * stored. Statements are prepared once per connection; {@code perTransaction} commands share one transaction
 * (1: as the service commits; more: what grouping commands into one transaction would give).
 */
final class CommandSql {

    private static final String CLAIM = "insert into community_name_lookup (normalized_name, community_id) values (?, ?)"
            + " on conflict (normalized_name) do nothing";
    private static final String EVENT = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
            + "VALUES (?,?,?,?,?,?,?,?,?)";
    private static final String COMMUNITY = """
            insert into community (community_id, name, profile, profile_version, registered_on)
            values (?, ?, cast(? as jsonb), 1, ?)
            on conflict (community_id) do update set name = excluded.name, profile = excluded.profile,
                profile_version = 1, registered_on = excluded.registered_on""";
    private static final String PROFILE_VERSION = """
            insert into community_profile_version (community_id, version, profile, effective_on, recorded_at)
            values (?, ?, cast(? as jsonb), ?, ?)
            on conflict (community_id, version) do update set profile = excluded.profile,
                effective_on = excluded.effective_on, recorded_at = excluded.recorded_at""";

    /** What the service stored for one registration, replayed with fresh ids. */
    record Sample(String type, String payloadType, byte[] payload, byte[] metaData, String profile) {
    }

    /** One measured iteration. */
    record Iteration(int threads, int perTransaction, double throughput, CpuMeter.Usage cpu) {

        double postgresMicrosPerCommand() {
            return cpu.postgres() / throughput * 1e6;
        }

        double clientMicrosPerCommand() {
            return cpu.clients() / throughput * 1e6;
        }
    }

    private CommandSql() {
    }

    /** A registration the service stored in {@code db}. */
    static Sample sample(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet event = s.executeQuery("""
                     select type, payload_type, payload, meta_data from domain_event_entry
                     where payload_type like '%CommunityRegisteredEvent' order by global_index desc limit 1""")) {
            if (!event.next()) {
                throw new IllegalStateException("no CommunityRegisteredEvent stored to replay");
            }
            String type = event.getString(1);
            String payloadType = event.getString(2);
            byte[] payload = event.getBytes(3);
            byte[] metaData = event.getBytes(4);
            try (Statement p = db.createStatement();
                 ResultSet community = p.executeQuery("select profile::text from community limit 1")) {
                community.next();
                return new Sample(type, payloadType, payload, metaData, community.getString(1));
            }
        }
    }

    /**
     * {@code threads} connections commit registrations back to back for {@code settle + window}; counts the
     * commands whose transaction committed within the window that starts {@code settle} after the threads start.
     */
    static Iteration run(String url, Sample sample, int threads, int perTransaction, Duration window,
                         Duration settle, CpuMeter cpu) throws InterruptedException {
        long start = System.nanoTime() + 50_000_000L;
        long from = start + settle.toNanos();
        long to = from + window.toNanos();
        AtomicLong committed = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
                     PreparedStatement claim = db.prepareStatement(CLAIM);
                     PreparedStatement event = db.prepareStatement(EVENT);
                     PreparedStatement community = db.prepareStatement(COMMUNITY);
                     PreparedStatement version = db.prepareStatement(PROFILE_VERSION)) {
                    db.setAutoCommit(false);
                    LockSupport.parkNanos(start - System.nanoTime());
                    while (System.nanoTime() < to) {
                        for (int i = 0; i < perTransaction; i++) {
                            register(sample, claim, event, community, version);
                        }
                        db.commit();
                        long now = System.nanoTime();
                        if (now >= from && now < to) {
                            committed.addAndGet(perTransaction);
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "bench-sql-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        CpuMeter.Usage usage = cpu.window(from, to, done);
        if (failure.get() != null) {
            throw new IllegalStateException("the command's SQL failed", failure.get());
        }
        return new Iteration(threads, perTransaction, committed.get() / (window.toNanos() / 1e9), usage);
    }

    private static void register(Sample sample, PreparedStatement claim, PreparedStatement event,
                                 PreparedStatement community, PreparedStatement version) throws SQLException {
        UUID id = UUID.randomUUID();
        String name = "Bench community " + id;
        claim.setString(1, name.toLowerCase(Locale.ROOT));
        claim.setObject(2, id);
        if (claim.executeUpdate() != 1) {
            throw new IllegalStateException("name claimed twice: " + name);
        }
        event.setString(1, UUID.randomUUID().toString());
        event.setString(2, id.toString());
        event.setLong(3, 0);
        event.setString(4, sample.type());
        event.setString(5, Instant.now().toString());
        event.setString(6, sample.payloadType());
        event.setString(7, null);
        event.setObject(8, sample.payload());
        event.setObject(9, sample.metaData());
        event.executeUpdate();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        community.setObject(1, id);
        community.setString(2, name);
        community.setString(3, sample.profile());
        community.setObject(4, today);
        community.executeUpdate();
        version.setObject(1, id);
        version.setInt(2, 1);
        version.setString(3, sample.profile());
        version.setObject(4, today);
        version.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
        version.executeUpdate();
    }
}
