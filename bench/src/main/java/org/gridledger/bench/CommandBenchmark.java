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
 * CommunityRegisteredEvent on a new aggregate per command). Baseline, on the same PostgreSQL server and in the same
 * run, interleaved with the command iterations: single-row autocommit inserts of ~200-byte rows into a small indexed
 * table from one thread, with synchronous_commit on, i.e. the durable-commit rate of the server.
 */
final class CommandBenchmark {

    static final String KEY = "command";
    private static final String ADMIN_PASSWORD = "bench-admin-password-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PAYLOAD = "x".repeat(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Integer> clientCounts = Settings.integers("bench.clients", "16");
    private final Duration warmup = Settings.duration("bench.warmup", "10s");
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

    /** One measured command iteration. */
    record CommandIteration(int clients, double seconds, long ok, long errors, double throughput, double p50Ms,
                            double p99Ms, double maxMs, CpuMeter.Usage cpu) {
    }

    /** One measured baseline iteration. */
    record BaselineIteration(long rows, double throughput, double p50Ms, double p99Ms) {
    }

    private final AtomicLong totalOk = new AtomicLong();
    private final AtomicLong totalErrors = new AtomicLong();
    private final Map<String, AtomicLong> errorsByKind = new ConcurrentHashMap<>();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    BenchmarkResult run() throws Exception {
        Path work = Files.createTempDirectory("gridledger-bench-");
        boolean success = false;
        System.out.printf(Locale.ROOT, "[command] clients %s, warm-up %s, %d iterations of %s (baseline %s each), settle %s%n",
                clientCounts, warmup, iterations, iteration, baselineIteration, settle);
        Path pgData = work.resolve("postgres");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(true)
                // zonky's default is synchronous_commit=off; durable commits are what production PostgreSQL does
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .start()) {
            String jdbcUrl = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            List<String> args = new ArrayList<>(List.of(
                    "--gridledger.data-dir=" + work.resolve("data"),
                    "--gridledger.admin-password=" + ADMIN_PASSWORD,
                    "--spring.datasource.url=" + jdbcUrl + "?reWriteBatchedInserts=true",
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres"));
            args.addAll(serviceArgs);
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            try (ServiceProcess service = ServiceProcess.start(serviceJar, work, serviceJvmArgs, args);
                 Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
                long started = System.nanoTime();
                service.awaitHealthy(http, Duration.ofMinutes(3));
                System.out.printf(Locale.ROOT, "[command] service healthy after %.1f s (pid %d)%n",
                        (System.nanoTime() - started) / 1e9, service.pid());
                String postgresVersion = queryString(db, "select version()");
                String syncCommit = queryString(db, "show synchronous_commit");
                System.out.println("[command] " + postgresVersion + ", synchronous_commit=" + syncCommit);
                String token = createMachineClientToken(http, service.base());
                CpuMeter cpu = new CpuMeter(service.pid(), CpuMeter.postmasterPid(pgData));

                try (Statement s = db.createStatement()) {
                    s.execute("drop table if exists bench_baseline");
                    s.execute("create table bench_baseline(id bigserial primary key, payload text)");
                    s.execute("set synchronous_commit = on");
                }
                db.setAutoCommit(true);
                try (PreparedStatement insert = db.prepareStatement("insert into bench_baseline(payload) values (?)")) {
                    BaselineIteration bw = baseline(insert, baselineWarmup);
                    System.out.printf(Locale.ROOT, "[command] baseline warm-up: %.0f rows/s%n", bw.throughput());
                    CommandIteration w = commands(http, service.base(), token, clientCounts.get(0), warmup, cpu);
                    System.out.printf(Locale.ROOT, "[command] warm-up, %d clients: %.0f commands/s, p50 %.1f ms, p99 %.1f ms, %d errors%n",
                            w.clients(), w.throughput(), w.p50Ms(), w.p99Ms(), w.errors());

                    List<BaselineIteration> baselines = new ArrayList<>();
                    List<List<CommandIteration>> byClients = new ArrayList<>();
                    for (int clients : clientCounts) {
                        List<CommandIteration> measured = new ArrayList<>();
                        for (int i = 1; i <= iterations; i++) {
                            BaselineIteration b = baseline(insert, baselineIteration);
                            baselines.add(b);
                            CommandIteration c = commands(http, service.base(), token, clients, iteration, cpu);
                            measured.add(c);
                            System.out.printf(Locale.ROOT,
                                    "[command] %d clients, iteration %d: %.0f commands/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors | baseline %.0f rows/s (p50 %.2f ms) | %s%n",
                                    clients, i, c.throughput(), c.p50Ms(), c.p99Ms(), c.maxMs(), c.errors(),
                                    b.throughput(), b.p50Ms(), c.cpu().describe());
                        }
                        byClients.add(measured);
                    }
                    long events = queryLong(db, "select count(*) from domain_event_entry where payload_type like '%CommunityRegisteredEvent'");
                    long communities = queryLong(db, "select count(*) from community");
                    System.out.printf(Locale.ROOT, "[command] check: %d commands answered 201, %d CommunityRegisteredEvents, %d communities%n",
                            totalOk.get(), events, communities);
                    if (totalErrors.get() > 0) {
                        throw new IllegalStateException(totalErrors.get() + " commands failed " + errorsByKind
                                + "; first: " + firstError.get() + "\nservice log tail:\n" + service.tail());
                    }
                    if (events != totalOk.get() || communities != totalOk.get()) {
                        throw new IllegalStateException("events or communities do not match the successful commands");
                    }
                    BenchmarkResult result = result(baselines, byClients, postgresVersion, syncCommit, events);
                    success = true;
                    return result;
                }
            }
        } finally {
            if (success && !keep) {
                deleteRecursively(work);
            } else {
                System.out.println("[command] kept the work directory (service log, jar copy): " + work);
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
                                      CpuMeter cpu) throws InterruptedException {
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
                try {
                    LockSupport.parkNanos(start - System.nanoTime());
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= to) {
                            break;
                        }
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(communityBody()))
                                .build();
                        boolean ok;
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            ok = response.statusCode() == 201;
                            if (!ok) {
                                error("HTTP " + response.statusCode(), response.body());
                            }
                        } catch (Exception e) {
                            ok = false;
                            error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                        }
                        long t1 = System.nanoTime();
                        if (ok) {
                            totalOk.incrementAndGet();
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
        LockSupport.parkNanos(from - System.nanoTime());
        CpuMeter.Snapshot a = cpu.snapshot();
        LockSupport.parkNanos(to - System.nanoTime());
        CpuMeter.Snapshot b = cpu.snapshot();
        done.await();
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
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, cpu.between(a, b));
    }

    private void error(String kind, String detail) {
        totalErrors.incrementAndGet();
        errorsByKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        firstError.compareAndSet(null, kind + ": " + detail);
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

    private BenchmarkResult result(List<BaselineIteration> baselines, List<List<CommandIteration>> byClients,
                                   String postgresVersion, String syncCommit, long events) {
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        double[] base = baselines.stream().mapToDouble(BaselineIteration::throughput).toArray();
        double baseMedian = Stats.median(base);
        List<BenchmarkResult.Row> rows = new ArrayList<>();
        StringBuilder details = new StringBuilder();
        details.append("Parameters: warm-up ").append(warmup.toMillis() / 1000.0).append(" s, ").append(iterations)
                .append(" iterations of ").append(iteration.toMillis() / 1000.0).append(" s per client count (first ")
                .append(settle.toMillis()).append(" ms of each discarded), each preceded by a baseline iteration of ")
                .append(baselineIteration.toMillis() / 1000.0).append(" s; PostgreSQL synchronous_commit=")
                .append(syncCommit).append(".\n");
        details.append("Service arguments beyond port, data dir, admin password and datasource: ")
                .append(serviceArgs.isEmpty() ? "none (the shipped defaults)" : "`" + String.join(" ", serviceArgs) + "`")
                .append("; service JVM options: ")
                .append(serviceJvmArgs.isEmpty() ? "none (JDK defaults)" : "`" + String.join(" ", serviceJvmArgs) + "`")
                .append(".\n\n");
        details.append(String.format(Locale.ROOT, "- baseline rows/s: median %s; iterations: %s; insert latency p50 %.2f ms, p99 %.2f ms (medians)%n",
                Stats.spread(base, "%.0f"), Stats.list(base, "%.0f"),
                Stats.median(baselines.stream().mapToDouble(BaselineIteration::p50Ms).toArray()),
                Stats.median(baselines.stream().mapToDouble(BaselineIteration::p99Ms).toArray())));
        for (List<CommandIteration> measured : byClients) {
            int clients = measured.get(0).clients();
            double[] tput = measured.stream().mapToDouble(CommandIteration::throughput).toArray();
            double[] p50 = measured.stream().mapToDouble(CommandIteration::p50Ms).toArray();
            double[] p99 = measured.stream().mapToDouble(CommandIteration::p99Ms).toArray();
            double median = Stats.median(tput);
            double ratio = median / baseMedian;
            double p99Median = Stats.median(p99);
            String name = "command: register community over HTTP (" + clients + " clients)";
            rows.add(new BenchmarkResult.Row(name, fmt("%.0f", median), "commands/s", fmt("%.0f", baseMedian),
                    "rows/s (1-thread autocommit insert)", fmt("%.2f", ratio), "≥ 0.6", date));
            rows.add(new BenchmarkResult.Row("command: p99 latency, register community over HTTP (" + clients + " clients)",
                    fmt("%.1f", p99Median), "ms (lower is better)", "n/a", "n/a", "n/a", "≤ 25 ms", date));
            rows.add(new BenchmarkResult.Row("command: p50 latency, register community over HTTP (" + clients + " clients)",
                    fmt("%.1f", Stats.median(p50)), "ms (lower is better)", "n/a", "n/a", "n/a", "— (reported)", date));
            CpuMeter.Usage cpu = medianUsage(measured);
            details.append(String.format(Locale.ROOT,
                    "- %d clients: commands/s median %s; iterations: %s; ratio %.2f (target ≥ 0.6: %s); p50 ms %s; p99 ms %s (target ≤ 25: %s); %s (medians); service CPU per command %.0f µs, PostgreSQL CPU per command %.0f µs%n",
                    clients, Stats.spread(tput, "%.0f"), Stats.list(tput, "%.0f"), ratio, ratio >= 0.6 ? "met" : "NOT met",
                    Stats.spread(p50, "%.1f"), Stats.spread(p99, "%.1f"), p99Median <= 25 ? "met" : "NOT met",
                    cpu.describe(), cpu.service() / median * 1e6, cpu.postgres() / median * 1e6));
        }
        details.append(String.format(Locale.ROOT, "- check: %d commands answered 201 (warm-up included), %d CommunityRegisteredEvents stored, 0 errors%n",
                totalOk.get(), events));
        String command = "./mvnw -B -o -pl bench -am -DskipTests -Pbench package -Dbench.only=command"
                + (clientCounts.equals(List.of(16)) ? "" : " -Dbench.clients=" + joinInts(clientCounts))
                + (serviceArgs.isEmpty() ? "" : " \"-Dbench.serviceArgs=" + String.join(" ", serviceArgs) + "\"")
                + (serviceJvmArgs.isEmpty() ? "" : " \"-Dbench.serviceJvmArgs=" + String.join(" ", serviceJvmArgs) + "\"");
        return new BenchmarkResult(KEY, rows, details.toString(), postgresVersion, command);
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

    private static String joinInts(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
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
