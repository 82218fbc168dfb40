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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The "ingest" benchmark: a provider's machine client uploads usage records over HTTP, alternately as APEL
 * individual-job messages and EMI CAR XML documents ({@code POST /api/v1/usage/uploads}, one file per request,
 * bearer token, Idempotency-Key), from {@code bench.ingestClients} threads; each answer arrives when the upload's
 * records and summaries are committed, so the clock stops with the summaries current. The service runs with its heap
 * capped ({@code -Xmx1g} by default). Baseline, on the same PostgreSQL and interleaved: the same rows inserted into a
 * copy of the usage table (same columns and indexes) with batched JDBC inserts (batches of 1,000,
 * {@code reWriteBatchedInserts}), one commit per file's worth of rows, from one thread.
 */
final class IngestBenchmark {

    static final String KEY = "ingest";

    private static final String ADMIN_PASSWORD = "bench-admin-password-" + UUID.randomUUID().toString().substring(0, 8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate MONTH = LocalDate.of(2026, 10, 1);

    private final long recordsPerIteration = Settings.integer("bench.ingestRecords", 500_000);
    private final int recordsPerFile = Settings.integer("bench.ingestFile", 50_000);
    private final int iterations = Settings.integer("bench.ingestIterations", 3);
    private final long warmupRecords = Settings.integer("bench.ingestWarmup", 300_000);
    private final int clients = Settings.integer("bench.ingestClients", 2);
    /** Rows of the baseline per iteration (default: as many as the iteration uploads). */
    private final long baselineRecords = Settings.integer("bench.ingestBaseline", (int) recordsPerIteration);
    private final String heap = Settings.string("bench.ingestHeap", "1g");
    private final List<String> serviceJvmArgs = Settings.words("bench.serviceJvmArgs");
    private final Path serviceJar = Path.of(Settings.string("bench.serviceJar",
            "app/target/gridledger-app-0.1.0-SNAPSHOT-exec.jar")).toAbsolutePath().normalize();
    private final boolean durable = Boolean.parseBoolean(Settings.string("bench.durable", "true"));

    /** One measured iteration of both sides. */
    record Iteration(long records, double seconds, double recordsPerSecond, double baselineRowsPerSecond,
                     CpuMeter.Usage cpu) {
    }

    BenchmarkResult run() throws Exception {
        System.out.printf(Locale.ROOT, "[ingest] %d records per iteration in files of %d, %d iterations, warm-up %d records, %d clients, service heap -Xmx%s%n",
                recordsPerIteration, recordsPerFile, iterations, warmupRecords, clients, heap);
        Path work = Files.createTempDirectory("gridledger-bench-ingest-");
        Path pgData = work.resolve("postgres");
        EmbeddedPostgres.Builder pgBuilder = EmbeddedPostgres.builder().setDataDirectory(pgData)
                .setCleanDataDirectory(true).setServerConfig("max_connections", "100");
        if (durable) {
            pgBuilder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        try (EmbeddedPostgres pg = pgBuilder.start();
             Connection admin = DriverManager.getConnection(url(pg, "postgres"), "postgres", "postgres")) {
            String postgresVersion = query(admin, "select version()");
            try (Statement s = admin.createStatement()) {
                s.execute("create database gridledger_ingest");
            }
            Path dir = Files.createDirectories(work.resolve("service"));
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
            jvm.addAll(serviceJvmArgs);
            List<String> args = List.of("--gridledger.data-dir=" + dir.resolve("data"),
                    "--gridledger.admin-password=" + ADMIN_PASSWORD,
                    "--gridledger.tls.port=0", // no fixed HTTPS port: other services may hold 8443 on a shared machine
                    "--spring.datasource.url=" + url(pg, "gridledger_ingest") + "?reWriteBatchedInserts=true",
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            try (ServiceProcess service = ServiceProcess.start(serviceJar, dir, jvm, args);
                 Connection db = DriverManager.getConnection(url(pg, "gridledger_ingest") + "?reWriteBatchedInserts=true",
                         "postgres", "postgres")) {
                service.awaitHealthy(http, Duration.ofMinutes(3));
                IngestFixture fixture = IngestFixture.create(http, service.base(), ADMIN_PASSWORD, db);
                System.out.println("[ingest] " + fixture.describe());
                UsageDocuments documents = new UsageDocuments(fixture, MONTH);
                RawUsageInsert baseline = new RawUsageInsert(db, fixture, MONTH);
                CpuMeter cpu = new CpuMeter(service.pid(), CpuMeter.postmasterPid(pgData));
                HeapSampler heapSampler = new HeapSampler(http, service.base(), fixture.staffToken());
                heapSampler.start();

                long next = 0;
                long warmStart = System.nanoTime();
                if (warmupRecords > 0) {
                    upload(http, service.base(), fixture, documents, next, warmupRecords, "warm");
                    baseline.insert(next, Math.min(warmupRecords, 200_000), recordsPerFile);
                    next += warmupRecords;
                    System.out.printf(Locale.ROOT, "[ingest] warm-up: %d records in %.1f s%n", warmupRecords,
                            (System.nanoTime() - warmStart) / 1e9);
                }
                List<Iteration> measured = new ArrayList<>();
                for (int i = 1; i <= iterations; i++) {
                    double rawRate = baseline.insert(next, Math.min(baselineRecords, recordsPerIteration), recordsPerFile);
                    CpuMeter.Snapshot a = cpu.snapshot();
                    long t0 = System.nanoTime();
                    upload(http, service.base(), fixture, documents, next, recordsPerIteration, "it" + i);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    CpuMeter.Usage usage = cpu.between(a, cpu.snapshot());
                    next += recordsPerIteration;
                    Iteration it = new Iteration(recordsPerIteration, seconds, recordsPerIteration / seconds, rawRate, usage);
                    measured.add(it);
                    System.out.printf(Locale.ROOT, "[ingest] iteration %d: %d records in %.1f s = %.0f records/s | baseline %.0f rows/s | ratio %.2f | CPU %s | heap max so far %d MiB%n",
                            i, it.records(), seconds, it.recordsPerSecond(), rawRate, it.recordsPerSecond() / rawRate,
                            usage.describe(), heapSampler.maxBytes() / (1024 * 1024));
                }
                heapSampler.stop();
                Check check = check(db, next, fixture);
                System.out.println("[ingest] check: " + check);
                if (!check.ok()) {
                    throw new IllegalStateException("check failed: " + check + "\n" + service.tail());
                }
                return result(measured, check, heapSampler.maxBytes(), postgresVersion, fixture);
            }
        } finally {
            deleteRecursively(work);
        }
    }

    /** Uploads records [from, from + count) in files alternating APEL and CAR, from {@link #clients} threads. */
    private void upload(HttpClient http, URI base, IngestFixture fixture, UsageDocuments documents, long from, long count,
                        String tag) throws InterruptedException {
        ConcurrentLinkedQueue<long[]> files = new ConcurrentLinkedQueue<>();
        for (long start = from; start < from + count; start += recordsPerFile) {
            files.add(new long[]{start, Math.min(recordsPerFile, from + count - start)});
        }
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicLong accepted = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                long[] file;
                while (failure.get() == null && (file = files.poll()) != null) {
                    boolean apel = (file[0] / recordsPerFile) % 2 == 0;
                    byte[] body = apel ? documents.apel(file[0], (int) file[1]) : documents.car(file[0], (int) file[1]);
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/usage/uploads"))
                                .timeout(Duration.ofMinutes(10))
                                .header("Authorization", "Bearer " + fixture.providerToken())
                                .header("Content-Type", apel ? "text/plain" : "application/xml")
                                .header("Idempotency-Key", tag + "-" + file[0])
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        JsonNode answer = JSON.readTree(response.body());
                        long ok = answer.path("counts").path("accepted").asLong(-1);
                        if (response.statusCode() != 200 || ok != file[1]) {
                            failure.compareAndSet(null, "HTTP " + response.statusCode() + " for file at " + file[0]
                                    + ": " + response.body().substring(0, Math.min(600, response.body().length())));
                        }
                        accepted.addAndGet(ok);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e.toString());
                    }
                }
            }, "bench-upload-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("upload failed: " + failure.get());
        }
    }

    /** After the run: every record stored once, and the summaries count exactly the attributed records. */
    record Check(long expected, long stored, long attributed, long summarised, boolean ok) {
    }

    private static Check check(Connection db, long expected, IngestFixture fixture) throws Exception {
        long stored = Long.parseLong(query(db, "select count(*) from usage_record where superseded_by is null"));
        long attributed = Long.parseLong(query(db, "select count(*) from usage_record where superseded_by is null and community_id is not null"));
        long summarised = Long.parseLong(query(db, "select coalesce(sum(jobs), 0) from usage_summary"));
        boolean ok = stored == expected && summarised == attributed && (!fixture.attributed() || attributed == expected);
        return new Check(expected, stored, attributed, summarised, ok);
    }

    private BenchmarkResult result(List<Iteration> measured, Check check, long heapMax, String postgresVersion,
                                   IngestFixture fixture) {
        double[] rates = measured.stream().mapToDouble(Iteration::recordsPerSecond).toArray();
        double[] raw = measured.stream().mapToDouble(Iteration::baselineRowsPerSecond).toArray();
        double rate = Stats.median(rates);
        double baselineRate = Stats.median(raw);
        double ratio = rate / baselineRate;
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        String label = String.format(Locale.ROOT, "APEL + CAR uploads over HTTP to summaries current (%d clients, files of %d, -Xmx%s)",
                clients, recordsPerFile, heap);
        List<BenchmarkResult.Row> rows = List.of(
                new BenchmarkResult.Row(KEY + ": " + label, fmt("%.0f", rate), "records/s", fmt("%.0f", baselineRate),
                        "rows/s (batched JDBC insert, same rows and table)", fmt("%.2f", ratio),
                        "≥ 0.33 and ≥ 50000 records/s", date),
                new BenchmarkResult.Row(KEY + ": records ingested in one service run with the heap capped at " + heap,
                        Long.toString(check.expected()), "records (all answered 200, summaries checked)", "n/a", "n/a",
                        "n/a", "10000000 under -Xmx1g", date),
                new BenchmarkResult.Row(KEY + ": largest heap in use during the run (sampled every 2 s)",
                        Long.toString(heapMax / (1024 * 1024)), "MiB (lower is better)", "n/a", "n/a", "n/a",
                        "< " + heap, date));
        StringBuilder details = new StringBuilder();
        details.append(String.format(Locale.ROOT, "Parameters: %d measured iterations of %d records (files of %d records, alternately APEL v0.2 and EMI CAR, %d client threads), warm-up %d records; service -Xmx%s; PostgreSQL fsync and synchronous_commit %s; %s.%n%n",
                measured.size(), recordsPerIteration, recordsPerFile, clients, warmupRecords, heap,
                durable ? "on" : "off (zonky defaults)", fixture.describe()));
        details.append("- ingest records/s: ").append(Stats.spread(rates, "%.0f")).append("; iterations: ")
                .append(Stats.list(rates, "%.0f")).append('\n');
        details.append("- baseline rows/s: ").append(Stats.spread(raw, "%.0f")).append("; iterations: ")
                .append(Stats.list(raw, "%.0f")).append('\n');
        for (int i = 0; i < measured.size(); i++) {
            details.append(String.format(Locale.ROOT, "- iteration %d CPU: %s%n", i + 1, measured.get(i).cpu().describe()));
        }
        details.append(String.format(Locale.ROOT, "- check: %d records stored once, %d attributed, summaries count %d jobs; largest heap in use %d MiB%n",
                check.stored(), check.attributed(), check.summarised(), heapMax / (1024 * 1024)));
        return new BenchmarkResult(KEY, rows, details.toString(), postgresVersion, BenchMain.commandLine());
    }

    static String url(EmbeddedPostgres pg, String database) {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database;
    }

    static String query(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.out.println("[ingest] could not delete " + root + ": " + e);
        }
    }
}
