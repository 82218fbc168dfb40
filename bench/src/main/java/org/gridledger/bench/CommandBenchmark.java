package org.gridledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The "command" benchmark: many HTTP clients, authenticated with a bearer API token like machine clients are, each
 * register communities back to back ({@code POST /api/v1/communities}, a unique name each, so one
 * CommunityRegisteredEvent on a new aggregate per command). The service runs as a process of its own from the
 * executable jar, once per variant (shipped defaults; tuned settings), each on a fresh database of the same
 * PostgreSQL server. Baseline, on that server and interleaved with the command iterations: single-row autocommit
 * inserts of ~200-byte rows into a small indexed table from one thread, synchronous_commit on, i.e. the server's
 * durable-commit rate.
 */
final class CommandBenchmark {

    static final String KEY = "command";

    /**
     * Production settings that the profile showed to matter (README.md, "Findings"): Axon's handler and unit-of-work
     * timeouts capture the thread's full stack trace at every start (several times per command) and schedule a
     * watchdog task; Spring Security wraps each of its ~15 filters in a Micrometer observation; Spring MVC publishes
     * an application event per request that nothing listens to.
     */
    static final List<String> TUNED_ARGS = List.of();

    private static final String ADMIN_PASSWORD = "bench-admin-password-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PAYLOAD = "x".repeat(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A configuration of the service under test, and whether its clients ask for {@code Prefer: return=minimal}. */
    record Variant(String name, String label, List<String> args, boolean minimal) {
    }

    /** One measured command iteration. */
    record CommandIteration(int clients, double seconds, long ok, long errors, double throughput, double p50Ms,
                            double p99Ms, double maxMs, CpuMeter.Usage cpu) {

        double serviceMicrosPerCommand() {
            return cpu.service() / throughput * 1e6;
        }

        double postgresMicrosPerCommand() {
            return cpu.postgres() / throughput * 1e6;
        }

        double clientMicrosPerCommand() {
            return cpu.clients() / throughput * 1e6;
        }
    }

    /** One measured baseline iteration. */
    record BaselineIteration(long rows, double throughput, double p50Ms, double p99Ms) {
    }

    /** What one variant measured. */
    record VariantResult(Variant variant, double warmupSeconds, long warmupCommands, List<BaselineIteration> baselines,
                         List<List<CommandIteration>> byClients, long ok, long events) {
    }

    /** The register command's SQL replayed without the service, one and several commands per transaction. */
    record SqlResult(String source, List<BaselineIteration> baselines, List<CommandSql.Iteration> single,
                     List<CommandSql.Iteration> grouped) {
    }

    /** Commands answered 201 and failures of one variant. */
    private static final class Counters {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Map<String, AtomicLong> errorsByKind = new ConcurrentHashMap<>();
        final AtomicReference<String> firstError = new AtomicReference<>();

        void error(String kind, String detail) {
            errors.incrementAndGet();
            errorsByKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            firstError.compareAndSet(null, kind + ": " + detail);
        }
    }

    private final List<String> variantNames = Arrays.stream(Settings.string("bench.variants", "defaults,minimal").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).toList();
    private final List<Integer> clientCounts = Settings.integers("bench.clients", "16");
    private final Duration warmup = Settings.duration("bench.warmup", "30s");
    private final long warmupCommands = Settings.integer("bench.warmupCommands", 100_000);
    private final Duration warmupMax = Settings.duration("bench.warmupMax", "150s");
    private final Duration warmupChunk = Settings.duration("bench.warmupChunk", "5s");
    private final Duration iteration = Settings.duration("bench.iteration", "5s");
    private final int iterations = Settings.integer("bench.iterations", 5);
    private final Duration baselineWarmup = Settings.duration("bench.baselineWarmup", "2s");
    private final Duration baselineIteration = Settings.duration("bench.baselineIteration", "3s");
    private final Duration settle = Settings.duration("bench.settle", "500ms");
    private final List<String> serviceArgs = Settings.words("bench.serviceArgs");
    private final List<String> serviceJvmArgs = Settings.words("bench.serviceJvmArgs");
    private final Path serviceJar = Path.of(Settings.string("bench.serviceJar",
            "app/target/gridledger-app-0.1.0-SNAPSHOT-exec.jar")).toAbsolutePath().normalize();
    private final boolean keep = Boolean.parseBoolean(Settings.string("bench.keep", "false"));
    /** true: fsync and synchronous_commit on (production PostgreSQL); false: zonky's defaults (both off). */
    private final boolean durable = Boolean.parseBoolean(Settings.string("bench.durable", "true"));
    /** Diagnostic: load pg_stat_statements and print the SQL statements per command of each variant. */
    private final boolean pgStatements = Boolean.parseBoolean(Settings.string("bench.pgStatements", "false"));
    /** After the variants: replay the command's SQL without the service (CommandSql) on a copy of the last database. */
    private final boolean sqlReference = Boolean.parseBoolean(Settings.string("bench.sql", "true"));
    /** Commands per transaction in the grouped replay. */
    private final int sqlGroup = Settings.integer("bench.sqlGroup", 8);
    /** Measured iterations of each replay. */
    private final int sqlIterations = Settings.integer("bench.sqlIterations", 3);

    private String loadBefore = "n/a";
    /** The {@code Prefer} header the clients of the current variant send, or null. */
    private volatile String prefer;
    private String durability = "";

    BenchmarkResult run() throws Exception {
        List<Variant> variants = new ArrayList<>();
        for (String name : variantNames) {
            variants.add(switch (name) {
                case "defaults" -> new Variant(name, "shipped defaults, full answers", serviceArgs, false);
                case "minimal" -> new Variant(name, "shipped defaults, Prefer: return=minimal", serviceArgs, true);
                case "tuned" -> new Variant(name, "tuned settings", concat(TUNED_ARGS, serviceArgs), false);
                default -> throw new IllegalArgumentException(
                        "bench.variants: no variant '" + name + "' (defaults, minimal, tuned)");
            });
        }
        System.out.printf(Locale.ROOT, "[command] variants %s, clients %s, warm-up %s..%s and >= %d commands, %d iterations of %s (baseline %s each), settle %s%n",
                variantNames, clientCounts, warmup, warmupMax, warmupCommands, iterations, iteration, baselineIteration, settle);
        Path work = Files.createTempDirectory("gridledger-bench-");
        boolean success = false;
        Path pgData = work.resolve("postgres");
        EmbeddedPostgres.Builder pgBuilder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100");
        if (pgStatements) {
            pgBuilder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        if (durable) {
            // zonky starts postgres with -F (fsync off) and synchronous_commit=off; production PostgreSQL has both on.
            // "-c fsync=on" comes after -F on the postgres command line and wins.
            pgBuilder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        try (EmbeddedPostgres pg = pgBuilder.start();
             Connection db = DriverManager.getConnection(url(pg, "postgres"), "postgres", "postgres")) {
            loadBefore = loadAverage();
            String postgresVersion = queryString(db, "select version()");
            durability = "fsync=" + queryString(db, "show fsync") + ", synchronous_commit="
                    + queryString(db, "show synchronous_commit");
            System.out.println("[command] " + postgresVersion + ", " + durability + "; load average: " + loadBefore);
            try (Statement s = db.createStatement()) {
                s.execute("create table bench_baseline(id bigserial primary key, payload text)");
                if (durable) {
                    s.execute("set synchronous_commit = on");
                }
                if (pgStatements) {
                    s.execute("create extension if not exists pg_stat_statements");
                }
            }
            db.setAutoCommit(true);
            List<VariantResult> results = new ArrayList<>();
            SqlResult sql = null;
            try (PreparedStatement insert = db.prepareStatement("insert into bench_baseline(payload) values (?)")) {
                BaselineIteration bw = baseline(insert, baselineWarmup);
                System.out.printf(Locale.ROOT, "[command] baseline warm-up: %.0f rows/s%n", bw.throughput());
                for (Variant variant : variants) {
                    results.add(runVariant(variant, pg, pgData, db, insert, work));
                }
                if (sqlReference && !variants.isEmpty()) {
                    sql = replaySql(pg, pgData, db, insert, "gridledger_" + variants.get(variants.size() - 1).name());
                }
            }
            BenchmarkResult result = result(results, sql, postgresVersion);
            success = true;
            return result;
        } finally {
            if (success && !keep) {
                deleteRecursively(work);
            } else {
                System.out.println("[command] kept the work directory (service logs, jar copy): " + work);
            }
        }
    }

    private VariantResult runVariant(Variant variant, EmbeddedPostgres pg, Path pgData, Connection db,
                                     PreparedStatement insert, Path work) throws Exception {
        System.out.println("[command] --- variant " + variant.name() + " (" + variant.label() + ") ---");
        prefer = variant.minimal() ? "return=minimal" : null;
        String database = "gridledger_" + variant.name();
        try (Statement s = db.createStatement()) {
            s.execute("create database " + database);
        }
        Path dir = Files.createDirectories(work.resolve(variant.name()));
        List<String> args = new ArrayList<>(List.of(
                "--gridledger.data-dir=" + dir.resolve("data"),
                "--gridledger.admin-password=" + ADMIN_PASSWORD,
                "--gridledger.tls.port=0",
                "--spring.datasource.url=" + url(pg, database) + "?reWriteBatchedInserts=true",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres"));
        args.addAll(variant.args());
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        Counters counters = new Counters();
        try (ServiceProcess service = ServiceProcess.start(serviceJar, dir, serviceJvmArgs, args)) {
            long started = System.nanoTime();
            service.awaitHealthy(http, Duration.ofMinutes(3));
            System.out.printf(Locale.ROOT, "[command] service healthy after %.1f s (pid %d)%n",
                    (System.nanoTime() - started) / 1e9, service.pid());
            String token = createMachineClientToken(http, service.base());
            CpuMeter cpu = new CpuMeter(service.pid(), CpuMeter.postmasterPid(pgData));

            long warmupStart = System.nanoTime();
            warmUp(http, service.base(), token, cpu, counters);
            double warmupSeconds = (System.nanoTime() - warmupStart) / 1e9;
            long warmedUp = counters.ok.get();

            long okBefore = counters.ok.get();
            if (pgStatements) {
                try (Statement s = db.createStatement()) {
                    s.execute("select pg_stat_statements_reset()");
                }
            }
            List<BaselineIteration> baselines = new ArrayList<>();
            List<List<CommandIteration>> byClients = new ArrayList<>();
            for (int clients : clientCounts) {
                List<CommandIteration> measured = new ArrayList<>();
                for (int i = 1; i <= iterations; i++) {
                    BaselineIteration b = baseline(insert, baselineIteration);
                    baselines.add(b);
                    CommandIteration c = commands(http, service.base(), token, clients, iteration, cpu, counters);
                    measured.add(c);
                    System.out.printf(Locale.ROOT,
                            "[command] %s, %d clients, iteration %d: %.0f commands/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors | baseline %.0f rows/s (p50 %.2f ms) | CPU %s | CPU per command: service %.0f µs, PostgreSQL %.0f µs, clients %.0f µs%n",
                            variant.name(), clients, i, c.throughput(), c.p50Ms(), c.p99Ms(), c.maxMs(), c.errors(),
                            b.throughput(), b.p50Ms(), c.cpu().describe(), c.serviceMicrosPerCommand(),
                            c.postgresMicrosPerCommand(), c.clientMicrosPerCommand());
                }
                byClients.add(measured);
            }
            if (pgStatements) {
                printStatements(db, counters.ok.get() - okBefore);
            }
            long events;
            long communities;
            try (Connection check = DriverManager.getConnection(url(pg, database), "postgres", "postgres")) {
                events = queryLong(check, "select count(*) from domain_event_entry where payload_type like '%CommunityRegisteredEvent'");
                communities = queryLong(check, "select count(*) from community");
            }
            System.out.printf(Locale.ROOT, "[command] check: %d commands answered 201, %d CommunityRegisteredEvents, %d communities%n",
                    counters.ok.get(), events, communities);
            if (counters.errors.get() > 0) {
                throw new IllegalStateException(counters.errors.get() + " commands failed " + counters.errorsByKind
                        + "; first: " + counters.firstError.get() + "\nservice log tail:\n" + service.tail());
            }
            if (events != counters.ok.get() || communities != counters.ok.get()) {
                throw new IllegalStateException("events or communities do not match the successful commands");
            }
            return new VariantResult(variant, warmupSeconds, warmedUp, baselines, byClients, counters.ok.get(), events);
        }
    }

    /**
     * Replays the register command's SQL without the service ({@link CommandSql}) on a copy of a variant's database
     * (same tables, indexes and sizes), from as many threads as the service had clients: first one command per
     * transaction, as the service commits, then {@code bench.sqlGroup} per transaction; each iteration preceded by a
     * baseline iteration, like the service's.
     */
    private SqlResult replaySql(EmbeddedPostgres pg, Path pgData, Connection db, PreparedStatement insert,
                                String source) throws Exception {
        String copy = "gridledger_sql";
        copyDatabase(db, source, copy);
        settleWrites(db);
        String url = url(pg, copy);
        CommandSql.Sample sample;
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            sample = CommandSql.sample(c);
        }
        int threads = clientCounts.get(0);
        CpuMeter cpu = new CpuMeter(0, CpuMeter.postmasterPid(pgData));
        System.out.printf(Locale.ROOT, "[command] --- the command's SQL without the service (%d threads, copy of %s) ---%n",
                threads, source);
        CommandSql.run(url, sample, threads, 1, Duration.ofSeconds(3), settle, cpu);
        List<BaselineIteration> baselines = new ArrayList<>();
        List<CommandSql.Iteration> single = new ArrayList<>();
        List<CommandSql.Iteration> grouped = new ArrayList<>();
        for (int perTransaction : List.of(1, sqlGroup)) {
            for (int i = 1; i <= sqlIterations; i++) {
                BaselineIteration b = baseline(insert, baselineIteration);
                CommandSql.Iteration r = CommandSql.run(url, sample, threads, perTransaction, iteration, settle, cpu);
                baselines.add(b);
                (perTransaction == 1 ? single : grouped).add(r);
                System.out.printf(Locale.ROOT,
                        "[command] SQL, %d per transaction, iteration %d: %.0f commands/s | baseline %.0f rows/s | CPU %s | CPU per command: PostgreSQL %.0f µs, JDBC client %.0f µs%n",
                        perTransaction, i, r.throughput(), b.throughput(), r.cpu().describe(),
                        r.postgresMicrosPerCommand(), r.clientMicrosPerCommand());
            }
        }
        return new SqlResult(source, baselines, single, grouped);
    }

    /**
     * Writes the copied database out before measuring: PostgreSQL copies a template's files through the page cache,
     * and the kernel's writeback of those ~100 MB would otherwise take CPU (outside PostgreSQL) from the first
     * measured iterations.
     */
    private static void settleWrites(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("checkpoint");
        }
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            System.out.println("[command] no sync command (" + e.getMessage() + "); the copy is written back meanwhile");
        }
    }

    /** {@code create database … template …}, retried while the stopped service's backends are still exiting. */
    private static void copyDatabase(Connection db, String source, String copy) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Statement s = db.createStatement()) {
                s.execute("create database " + copy + " template " + source);
                return;
            } catch (java.sql.SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * Sends commands in chunks until the JIT has compiled the hot path: at least {@code bench.warmup} and
     * {@code bench.warmupCommands} commands (compilation follows invocation counts), at most {@code bench.warmupMax}.
     * On this 2-core machine the service's CPU per command falls about tenfold over the first ~100,000 commands.
     */
    private void warmUp(HttpClient http, URI base, String token, CpuMeter cpu, Counters counters)
            throws InterruptedException {
        long started = System.nanoTime();
        long okBefore = counters.ok.get();
        int chunk = 0;
        while (true) {
            CommandIteration w = commands(http, base, token, clientCounts.get(0), warmupChunk, cpu, counters);
            double elapsed = (System.nanoTime() - started) / 1e9;
            long sent = counters.ok.get() - okBefore;
            System.out.printf(Locale.ROOT, "[command] warm-up %d (%.0f s, %d commands), %d clients: %.0f commands/s, p50 %.1f ms, p99 %.1f ms, %d errors | CPU %s | service CPU per command %.0f µs%n",
                    ++chunk, elapsed, sent, w.clients(), w.throughput(), w.p50Ms(), w.p99Ms(), w.errors(),
                    w.cpu().describe(), w.serviceMicrosPerCommand());
            if ((elapsed >= warmup.toNanos() / 1e9 && sent >= warmupCommands) || elapsed >= warmupMax.toNanos() / 1e9) {
                return;
            }
        }
    }

    private String createMachineClientToken(HttpClient http, URI base) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        post(http, base.resolve("/api/v1/accounts"), basic,
                "{\"username\":\"bench-client\",\"password\":\"bench-password-123\",\"roles\":[\"STAFF\"]}");
        JsonNode issued = post(http, base.resolve("/api/v1/tokens"), basic, "{\"username\":\"bench-client\",\"name\":\"bench\"}");
        String secret = issued.path("secret").asText("");
        if (!secret.startsWith("glt_")) {
            throw new IllegalStateException("no API token in " + issued);
        }
        return secret;
    }

    private static JsonNode post(HttpClient http, URI uri, String authorization, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String communityBody() {
        return "{\"name\":\"Bench community " + UUID.randomUUID() + "\",\"profile\":{\"discipline\":\"Physics\","
                + "\"securityLevel\":\"STANDARD\",\"dataProtectionClass\":\"PUBLIC\",\"itKnowledge\":\"EXPERT\","
                + "\"expectedUsers\":100,\"jobTypes\":[\"HIGH_THROUGHPUT\"],\"resourceTypes\":[\"CPU\"]}}";
    }

    /**
     * Runs {@code clients} threads sending commands back to back; counts and times only the commands that complete
     * within the window that starts {@code settle} after the threads start.
     */
    private CommandIteration commands(HttpClient http, URI base, String token, int clients, Duration window,
                                      CpuMeter cpu, Counters counters) throws InterruptedException {
        URI uri = base.resolve("/api/v1/communities");
        long start = System.nanoTime() + 20_000_000L;
        long from = start + settle.toNanos();
        long to = from + window.toNanos();
        long[][] samples = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int t = 0; t < clients; t++) {
            int index = t;
            Thread thread = new Thread(() -> {
                long[] latencies = new long[4096];
                int n = 0;
                try (LoadClient connection = LoadClient.open(http, base)) {
                    LockSupport.parkNanos(start - System.nanoTime());
                    String[] headers = prefer == null
                            ? new String[] {"Authorization: Bearer " + token, "Content-Type: application/json",
                                    "Accept: application/json"}
                            : new String[] {"Authorization: Bearer " + token, "Content-Type: application/json",
                                    "Accept: application/json", "Prefer: " + prefer};
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= to) {
                            break;
                        }
                        boolean ok;
                        try {
                            LoadClient.Response response = connection.send("POST", uri.getPath(), communityBody(),
                                    headers);
                            int status = response.status();
                            String body = status == 201 ? "" : new String(response.body(), StandardCharsets.UTF_8);
                            ok = status == 201;
                            if (!ok) {
                                counters.error("HTTP " + status, body);
                            }
                        } catch (Exception e) {
                            ok = false;
                            counters.error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                            connection.close();
                        }
                        long t1 = System.nanoTime();
                        if (ok) {
                            counters.ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                        if (ok && t1 >= from && t1 < to) {
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = t1 - t0;
                        }
                    }
                } finally {
                    samples[index] = latencies;
                    counts[index] = n;
                    done.countDown();
                }
            }, "bench-client-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        CpuMeter.Usage usage = cpu.window(from, to, done);
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int pos = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(samples[t], 0, all, pos, counts[t]);
            pos += counts[t];
        }
        Arrays.sort(all);
        double seconds = window.toNanos() / 1e9;
        return new CommandIteration(clients, seconds, total, errors.get(), total / seconds,
                Stats.percentile(all, 50) / 1e6, Stats.percentile(all, 99) / 1e6,
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, usage);
    }

    /** Single-row autocommit inserts from this one thread for the given time. */
    private static BaselineIteration baseline(PreparedStatement insert, Duration duration) throws Exception {
        long[] latencies = new long[16_384];
        int n = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long now = start;
        while (now < end) {
            insert.setString(1, PAYLOAD);
            insert.executeUpdate();
            long t1 = System.nanoTime();
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = t1 - now;
            now = t1;
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new BaselineIteration(n, n / ((now - start) / 1e9), Stats.percentile(sorted, 50) / 1e6,
                Stats.percentile(sorted, 99) / 1e6);
    }

    private BenchmarkResult result(List<VariantResult> results, SqlResult sql, String postgresVersion) {
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        List<BenchmarkResult.Row> rows = new ArrayList<>();
        StringBuilder details = new StringBuilder();
        details.append(String.format(Locale.ROOT,
                "Parameters: %d iterations of %s s per client count (the first %d ms of each discarded), each preceded by a baseline iteration of %s s; "
                        + "warm-up per variant at least %s s and %d commands, at most %s s; PostgreSQL %s, one server for all variants (a fresh database each) and the baseline; "
                        + "load average of the machine before the run: %s.%n",
                iterations, iteration.toMillis() / 1000.0, settle.toMillis(), baselineIteration.toMillis() / 1000.0,
                warmup.toMillis() / 1000.0, warmupCommands, warmupMax.toMillis() / 1000.0, durability, loadBefore));
        details.append("Service JVM options: ")
                .append(serviceJvmArgs.isEmpty() ? "none (JDK defaults)" : "`" + String.join(" ", serviceJvmArgs) + "`")
                .append(". HTTP client: ").append(LoadClient.describe())
                .append(". Each figure is the median over the iterations; spreads are (min–max, ± half the range relative to the median).\n");
        for (VariantResult vr : results) {
            Variant variant = vr.variant();
            double[] base = vr.baselines().stream().mapToDouble(BaselineIteration::throughput).toArray();
            double baseMedian = Stats.median(base);
            details.append("\n#### ").append(variant.label()).append("\n\n");
            details.append("Service arguments beyond port, data dir, admin password and datasource: ")
                    .append(variant.args().isEmpty() ? "none" : "`" + String.join(" ", variant.args()) + "`").append(".\n\n");
            details.append(String.format(Locale.ROOT, "- warm-up: %.0f s, %d commands%n", vr.warmupSeconds(), vr.warmupCommands()));
            details.append(String.format(Locale.ROOT, "- baseline rows/s: %s; iterations: %s; insert latency p50 %.2f ms, p99 %.2f ms (medians)%n",
                    Stats.spread(base, "%.0f"), Stats.list(base, "%.0f"),
                    Stats.median(vr.baselines().stream().mapToDouble(BaselineIteration::p50Ms).toArray()),
                    Stats.median(vr.baselines().stream().mapToDouble(BaselineIteration::p99Ms).toArray())));
            for (List<CommandIteration> measured : vr.byClients()) {
                int clients = measured.get(0).clients();
                double[] tput = measured.stream().mapToDouble(CommandIteration::throughput).toArray();
                double[] p50 = measured.stream().mapToDouble(CommandIteration::p50Ms).toArray();
                double[] p99 = measured.stream().mapToDouble(CommandIteration::p99Ms).toArray();
                double median = Stats.median(tput);
                double ratio = median / baseMedian;
                double p99Median = Stats.median(p99);
                String what = "register community over HTTP (" + clients + " clients, " + variant.label() + ")";
                rows.add(new BenchmarkResult.Row("command: " + what, fmt("%.0f", median), "commands/s", fmt("%.0f", baseMedian),
                        "rows/s (1-thread autocommit insert)", fmt("%.2f", ratio), "≥ 0.6", date));
                rows.add(new BenchmarkResult.Row("command: p99 latency, " + what, fmt("%.1f", p99Median),
                        "ms (lower is better)", "n/a", "n/a", "n/a", "≤ 25 ms", date));
                rows.add(new BenchmarkResult.Row("command: p50 latency, " + what, fmt("%.1f", Stats.median(p50)),
                        "ms (lower is better)", "n/a", "n/a", "n/a", "— (reported)", date));
                details.append(String.format(Locale.ROOT,
                        "- %d clients: commands/s %s; iterations: %s; ratio %.2f (target ≥ 0.6: %s)%n"
                                + "  - latency p50 ms %s; p99 ms %s (target ≤ 25: %s); max ms %s%n"
                                + "  - CPU (medians): %s; per command: service %.0f µs, PostgreSQL %.0f µs, clients %.0f µs%n",
                        clients, Stats.spread(tput, "%.0f"), Stats.list(tput, "%.0f"), ratio, ratio >= 0.6 ? "met" : "NOT met",
                        Stats.spread(p50, "%.1f"), Stats.spread(p99, "%.1f"), p99Median <= 25 ? "met" : "NOT met",
                        Stats.list(measured.stream().mapToDouble(CommandIteration::maxMs).toArray(), "%.0f"),
                        medianUsage(measured).describe(),
                        Stats.median(measured.stream().mapToDouble(CommandIteration::serviceMicrosPerCommand).toArray()),
                        Stats.median(measured.stream().mapToDouble(CommandIteration::postgresMicrosPerCommand).toArray()),
                        Stats.median(measured.stream().mapToDouble(CommandIteration::clientMicrosPerCommand).toArray())));
            }
            details.append(String.format(Locale.ROOT, "- check: %d commands answered 201 (warm-up included), %d CommunityRegisteredEvents stored, 0 errors%n",
                    vr.ok(), vr.events()));
        }
        if (sql != null) {
            sqlRows(sql, date, rows, details, results);
        }
        return new BenchmarkResult(KEY, rows, details.toString(), postgresVersion, BenchMain.commandLine());
    }

    private void sqlRows(SqlResult sql, String date, List<BenchmarkResult.Row> rows, StringBuilder details,
                         List<VariantResult> results) {
        double baseMedian = Stats.median(sql.baselines().stream().mapToDouble(BaselineIteration::throughput).toArray());
        int threads = sql.single().get(0).threads();
        details.append("\n#### the command's SQL without the service\n\n");
        details.append(String.format(Locale.ROOT,
                "The four statements the service runs per registration (name claim, event insert, community upsert, first profile version), prepared once per connection, from %d threads on a copy of `%s`; the event's payload and metadata and the profile copied from what the service stored; %d iterations of %s s, each after a baseline iteration.%n%n",
                threads, sql.source(), sqlIterations, iteration.toMillis() / 1000.0));
        details.append(String.format(Locale.ROOT, "- baseline rows/s: %s; iterations: %s%n",
                Stats.spread(sql.baselines().stream().mapToDouble(BaselineIteration::throughput).toArray(), "%.0f"),
                Stats.list(sql.baselines().stream().mapToDouble(BaselineIteration::throughput).toArray(), "%.0f")));
        for (List<CommandSql.Iteration> measured : List.of(sql.single(), sql.grouped())) {
            int perTransaction = measured.get(0).perTransaction();
            double[] tput = measured.stream().mapToDouble(CommandSql.Iteration::throughput).toArray();
            double median = Stats.median(tput);
            String what = perTransaction == 1 ? "one transaction per command" : perTransaction + " commands per transaction";
            rows.add(new BenchmarkResult.Row("command: the register command's SQL over bare JDBC, no service (" + threads
                    + " threads, " + what + ")", fmt("%.0f", median), "commands/s", fmt("%.0f", baseMedian),
                    "rows/s (1-thread autocommit insert)", fmt("%.2f", median / baseMedian),
                    "— (reported: the limit the command's own SQL sets)", date));
            details.append(String.format(Locale.ROOT,
                    "- %s: commands/s %s; iterations: %s; ratio to the baseline %.2f; CPU (medians) %s; per command: PostgreSQL %.0f µs, JDBC client %.0f µs%n",
                    what, Stats.spread(tput, "%.0f"), Stats.list(tput, "%.0f"), median / baseMedian,
                    medianSqlUsage(measured).describe(),
                    Stats.median(measured.stream().mapToDouble(CommandSql.Iteration::postgresMicrosPerCommand).toArray()),
                    Stats.median(measured.stream().mapToDouble(CommandSql.Iteration::clientMicrosPerCommand).toArray())));
        }
        double single = Stats.median(sql.single().stream().mapToDouble(CommandSql.Iteration::throughput).toArray());
        for (VariantResult vr : results) {
            for (List<CommandIteration> measured : vr.byClients()) {
                double median = Stats.median(measured.stream().mapToDouble(CommandIteration::throughput).toArray());
                details.append(String.format(Locale.ROOT, "- %s, %d clients: %.2f × the SQL alone at one transaction per command%n",
                        vr.variant().label(), measured.get(0).clients(), median / single));
            }
        }
    }

    private static CpuMeter.Usage medianSqlUsage(List<CommandSql.Iteration> measured) {
        return new CpuMeter.Usage(
                Stats.median(measured.stream().mapToDouble(c -> c.cpu().machine()).toArray()),
                measured.get(0).cpu().cores(),
                0,
                Stats.median(measured.stream().mapToDouble(c -> c.cpu().postgres()).toArray()),
                Stats.median(measured.stream().mapToDouble(c -> c.cpu().clients()).toArray()),
                Stats.median(measured.stream().mapToDouble(c -> c.cpu().other()).toArray()));
    }

    private static CpuMeter.Usage medianUsage(List<CommandIteration> measured) {
        return new CpuMeter.Usage(
                Stats.median(measured.stream().mapToDouble(c -> c.cpu().machine()).toArray()),
                measured.get(0).cpu().cores(),
                Stats.median(measured.stream().mapToDouble(c -> c.cpu().service()).toArray()),
                Stats.median(measured.stream().mapToDouble(c -> c.cpu().postgres()).toArray()),
                Stats.median(measured.stream().mapToDouble(c -> c.cpu().clients()).toArray()),
                Stats.median(measured.stream().mapToDouble(c -> c.cpu().other()).toArray()));
    }

    private static void printStatements(Connection db, long commands) throws Exception {
        System.out.printf(Locale.ROOT, "[command] SQL per command (pg_stat_statements over %d commands; bench_baseline is the baseline):%n", commands);
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                select calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') as query
                from pg_stat_statements order by calls desc limit 25""")) {
            while (rs.next()) {
                String query = rs.getString("query");
                System.out.printf(Locale.ROOT, "  %7.2f calls/command  %7.3f ms/call  %s%n",
                        rs.getLong("calls") / (double) Math.max(1, commands),
                        rs.getDouble("total_exec_time") / Math.max(1, rs.getLong("calls")),
                        query.substring(0, Math.min(160, query.length())));
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String url(EmbeddedPostgres pg, String database) {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    private static String queryString(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long queryLong(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.out.println("[command] could not delete " + root + ": " + e);
        }
    }
}
