package org.gridledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The "billing" benchmark: monthly billing runs ({@code POST /api/v1/billing-runs}, the Spring Batch job) of
 * {@code bench.billing.communities} communities with {@code bench.billing.subscriptions} subscriptions and
 * {@code bench.billing.usageRows} usage summary rows per month, timed end to end from the request to the run's
 * COMPLETED status (polling {@code GET /api/v1/billing-runs/{id}}). Several months are billed, one issuing run each
 * (an issuing run bills a month once), each after a dry run of the same month.
 *
 * <p>Set-up: packages, communities, subscriptions, providers, resources and tariffs through the API with the real
 * clock (terms take effect today, subscriptions start today, before the first billed month); the usage summaries of
 * each billed month COPYed into the service's database. Then the service is restarted with its clock set ahead
 * ({@code gridledger.clock-offset}) so that the billed months have ended, as a billing run requires.
 *
 * <p>Baseline, on the same PostgreSQL right before each issuing run: the one set-based query that reads what usage
 * rating must read of the month, the usage summaries summed per community and resource.
 */
final class BillingBenchmark {

    static final String KEY = "billing";
    private static final String ADMIN_PASSWORD = "bench-admin-" + UUID.randomUUID().toString().substring(0, 8);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final int communities = Settings.integer("bench.billing.communities", 1000);
    private final int subscriptions = Settings.integer("bench.billing.subscriptions", 10_000);
    private final int packages = Settings.integer("bench.billing.packages", 10);
    private final int providers = Settings.integer("bench.billing.providers", 10);
    private final int resourcesPerProvider = Settings.integer("bench.billing.resources", 5);
    private final int usageRows = Settings.integer("bench.billing.usageRows", 1_000_000);
    private final int months = Settings.integer("bench.billing.months", 2);
    private final boolean dryRuns = Boolean.parseBoolean(Settings.string("bench.billing.dryRun", "true"));
    private final int clients = Settings.integer("bench.billing.clients", 8);
    private final String heap = Settings.string("bench.billing.heap", "2g");
    private final List<String> serviceJvmArgs = Settings.words("bench.serviceJvmArgs");
    private final List<String> serviceArgs = Settings.words("bench.serviceArgs");
    private final Path serviceJar = Path.of(Settings.string("bench.serviceJar",
            "app/target/gridledger-app-0.1.0-SNAPSHOT-exec.jar")).toAbsolutePath().normalize();

    /** One billing run as measured. */
    record Run(YearMonth month, String mode, double seconds, double serverSeconds, long processed, String outcomes,
               CpuMeter.Usage cpu) {
    }

    BenchmarkResult run() throws Exception {
        Path work = Files.createTempDirectory("gridledger-bench-billing-");
        Path pgData = work.resolve("postgres");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100").start()) {
            String postgresVersion;
            try (Connection db = DriverManager.getConnection(IngestBenchmark.url(pg, "postgres"), "postgres", "postgres");
                 Statement s = db.createStatement()) {
                s.execute("create database gridledger_billing");
                postgresVersion = IngestBenchmark.query(db, "select version()");
            }
            Path dir = Files.createDirectories(work.resolve("service"));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            LocalDate today = LocalDate.now(ZONE);
            YearMonth firstMonth = YearMonth.from(today).plusMonths(1);
            List<YearMonth> billed = new ArrayList<>();
            for (int m = 0; m < months; m++) {
                billed.add(firstMonth.plusMonths(m));
            }
            String financeToken;
            BillingFixture fixture;
            List<Double> copyRates = new ArrayList<>();
            long setUpStarted = System.nanoTime();
            try (ServiceProcess service = ServiceProcess.start(serviceJar, dir, jvmArgs(), args(pg, Duration.ZERO));
                 Connection db = DriverManager.getConnection(IngestBenchmark.url(pg, "gridledger_billing"), "postgres",
                         "postgres")) {
                service.awaitHealthy(http, Duration.ofMinutes(3));
                ApiClient api = new ApiClient(http, service.base());
                api.awaitAdmin(ADMIN_PASSWORD);
                String staff = "Bearer " + api.accountToken(ADMIN_PASSWORD, "bench-staff", "[\"STAFF\"]");
                financeToken = api.accountToken(ADMIN_PASSWORD, "bench-finance", "[\"FINANCE\"]");
                fixture = new BillingFixture(api, ApiClient.basic("admin", ADMIN_PASSWORD), staff,
                        "Bearer " + financeToken, clients);
                long t = System.nanoTime();
                fixture.packages(packages, today);
                fixture.providers(providers, resourcesPerProvider, today.withDayOfMonth(1));
                fixture.communities(communities);
                System.out.printf(Locale.ROOT, "[billing] %d packages, %d providers with %d resources and %d tariffs, "
                                + "%d communities in %.0f s%n", packages, providers, fixture.resources.size(),
                        fixture.tariffs, fixture.communities.size(), (System.nanoTime() - t) / 1e9);
                t = System.nanoTime();
                fixture.subscriptions(Math.max(1, subscriptions / communities), today);
                System.out.printf(Locale.ROOT, "[billing] %d subscriptions from %s in %.0f s%n", fixture.subscriptions,
                        today, (System.nanoTime() - t) / 1e9);
                for (YearMonth month : billed) {
                    double rate = fixture.loadUsage(db, month, usageRows);
                    copyRates.add(rate);
                    System.out.printf(Locale.ROOT, "[billing] %d usage summary rows of %s COPYed at %.0f rows/s%n",
                            usageRows, month, rate);
                }
            }
            double setUpSeconds = (System.nanoTime() - setUpStarted) / 1e9;
            Duration offset = Duration.between(ZonedDateTime.now(ZONE),
                    billed.get(billed.size() - 1).plusMonths(1).atDay(2).atTime(12, 0).atZone(ZONE));
            System.out.printf(Locale.ROOT, "[billing] set-up done in %.0f s; restarting the service with its clock %d h ahead%n",
                    setUpSeconds, offset.toHours());

            List<Run> runs = new ArrayList<>();
            List<Double> baselines = new ArrayList<>();
            Check check;
            try (ServiceProcess service = ServiceProcess.start(serviceJar, dir, jvmArgs(), args(pg, offset));
                 Connection db = DriverManager.getConnection(IngestBenchmark.url(pg, "gridledger_billing"), "postgres",
                         "postgres")) {
                service.awaitHealthy(http, Duration.ofMinutes(3));
                ApiClient api = new ApiClient(http, service.base());
                String finance = "Bearer " + financeToken;
                CpuMeter cpu = new CpuMeter(service.pid(), CpuMeter.postmasterPid(pgData));
                for (YearMonth month : billed) {
                    if (dryRuns) {
                        runs.add(billingRun(api, finance, cpu, month, "DRY_RUN", service));
                    }
                    baselines.add(baseline(db, month));
                    runs.add(billingRun(api, finance, cpu, month, "ISSUE", service));
                }
                check = check(db, billed, fixture);
                System.out.println("[billing] check: " + check);
                if (!check.ok()) {
                    throw new IllegalStateException("check failed: " + check + "\n" + service.tail());
                }
            }
            return result(runs, baselines, copyRates, check, fixture, setUpSeconds, postgresVersion);
        } finally {
            deleteRecursively(work);
        }
    }

    private List<String> jvmArgs() {
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
        jvm.addAll(serviceJvmArgs);
        return jvm;
    }

    private List<String> args(EmbeddedPostgres pg, Duration clockOffset) {
        List<String> args = new ArrayList<>(List.of("--gridledger.data-dir=data",
                "--gridledger.admin-password=" + ADMIN_PASSWORD,
                "--gridledger.clock-offset=" + clockOffset.toSeconds() + "s",
                "--spring.datasource.url=" + IngestBenchmark.url(pg, "gridledger_billing") + "?reWriteBatchedInserts=true",
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        args.addAll(serviceArgs);
        return args;
    }

    /** Starts a run of the month and polls it until it completes; fails the benchmark if it fails. */
    private Run billingRun(ApiClient api, String finance, CpuMeter cpu, YearMonth month, String mode,
                           ServiceProcess service) throws Exception {
        CpuMeter.Snapshot before = cpu.snapshot();
        long started = System.nanoTime();
        JsonNode run = api.post("/api/v1/billing-runs", finance, "{\"period\":\"" + month + "\",\"mode\":\"" + mode
                + "\"}", 202);
        long id = run.path("runId").asLong();
        long lastPrint = started;
        while (true) {
            run = api.get("/api/v1/billing-runs/" + id, finance);
            String status = run.path("status").asText();
            if ("COMPLETED".equals(status)) {
                break;
            }
            if ("FAILED".equals(status) || "STOPPED".equals(status) || "ABANDONED".equals(status)) {
                throw new IllegalStateException("billing run " + id + " of " + month + " " + status + ": "
                        + run.path("failure").asText() + "\n" + service.tail());
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                System.out.printf(Locale.ROOT, "[billing]   %s %s: %s, %d of %s communities after %.0f s%n", mode, month,
                        status, run.path("processed").asLong(), run.path("communities").asText(),
                        (lastPrint - started) / 1e9);
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuMeter.Usage usage = cpu.between(before, cpu.snapshot());
        double serverSeconds = Duration.between(java.time.Instant.parse(run.path("startedAt").asText()),
                java.time.Instant.parse(run.path("endedAt").asText())).toMillis() / 1e3;
        Run measured = new Run(month, mode, seconds, serverSeconds, run.path("processed").asLong(),
                run.path("outcomes").toString(), usage);
        System.out.printf(Locale.ROOT, "[billing] %s %s: COMPLETED in %.1f s (run's own start to end %.1f s), %d "
                        + "communities, outcomes %s | CPU %s%n", mode, month, seconds, serverSeconds, measured.processed(),
                measured.outcomes(), usage.describe());
        return measured;
    }

    /** Seconds of the set-based read of the month's usage per community and resource (all rows, one query). */
    private static double baseline(Connection db, YearMonth month) throws Exception {
        long started = System.nanoTime();
        long groups = 0;
        try (PreparedStatement s = db.prepareStatement("select community_id, provider_id, resource_id,"
                + " sum(normalised_cpu), sum(wall_seconds * greatest(processors, 1)), sum(cpu_seconds)"
                + " from usage_summary where month = ? group by community_id, provider_id, resource_id")) {
            s.setObject(1, month.atDay(1));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    groups++;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "[billing] baseline %s: %d community × resource sums from the usage summaries in %.2f s%n",
                month, groups, seconds);
        return seconds;
    }

    /** After the runs: one issued invoice per community and month, and how many usage lines they carry. */
    record Check(long expectedInvoices, long issuedInvoices, long lines, long usageLines, boolean ok) {
    }

    private Check check(Connection db, List<YearMonth> billed, BillingFixture fixture) throws Exception {
        String periods = billed.stream().map(m -> "'" + m + "'").reduce((a, b) -> a + "," + b).orElseThrow();
        long issued = Long.parseLong(IngestBenchmark.query(db, "select count(*) from invoice where status = 'ISSUED'"
                + " and period in (" + periods + ")"));
        long lines = Long.parseLong(IngestBenchmark.query(db, "select count(*) from invoice_line l join invoice i"
                + " using (invoice_id) where i.period in (" + periods + ")"));
        long usage = Long.parseLong(IngestBenchmark.query(db, "select count(*) from invoice_line l join invoice i"
                + " using (invoice_id) where i.period in (" + periods + ") and l.kind = 'USAGE'"));
        long expected = (long) fixture.communities.size() * billed.size();
        return new Check(expected, issued, lines, usage, issued == expected);
    }

    private BenchmarkResult result(List<Run> runs, List<Double> baselines, List<Double> copyRates, Check check,
                                   BillingFixture fixture, double setUpSeconds, String postgresVersion) {
        double[] issue = runs.stream().filter(r -> r.mode().equals("ISSUE")).mapToDouble(Run::seconds).toArray();
        double[] dry = runs.stream().filter(r -> r.mode().equals("DRY_RUN")).mapToDouble(Run::seconds).toArray();
        double[] base = baselines.stream().mapToDouble(Double::doubleValue).toArray();
        double issueMedian = Stats.median(issue);
        double baseMedian = Stats.median(base);
        boolean usageRated = check.usageLines() > 0;
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        String scope = String.format(Locale.ROOT, "%d communities, %d subscriptions, %d usage summary rows%s",
                fixture.communities.size(), fixture.subscriptions, usageRows,
                usageRated ? ", usage rated" : " (usage NOT rated by this build's billing run: subscriptions only)");
        String baselineUnit = "s (lower is better; one SQL query summing the month's usage summaries per community and resource)";
        List<BenchmarkResult.Row> rows = new ArrayList<>();
        rows.add(new BenchmarkResult.Row(KEY + ": issuing billing run, request to COMPLETED (" + scope + ")",
                fmt("%.1f", issueMedian), "s (lower is better)", fmt("%.2f", baseMedian), baselineUnit,
                fmt("%.3f", baseMedian / issueMedian), "≤ 60 s", date));
        if (dry.length > 0) {
            rows.add(new BenchmarkResult.Row(KEY + ": dry billing run, request to COMPLETED (" + scope + ")",
                    fmt("%.1f", Stats.median(dry)), "s (lower is better)", fmt("%.2f", baseMedian), baselineUnit,
                    fmt("%.3f", baseMedian / Stats.median(dry)), "— (reported)", date));
        }
        StringBuilder details = new StringBuilder();
        details.append(String.format(Locale.ROOT, "Data: %d communities, %d packages (terms in force, published), %d "
                        + "subscriptions (%d per community, seats 1–40, starting before the first billed month), %d "
                        + "providers with %d resources, %d tariffs (a resource price per HS06 hour for each resource, a "
                        + "provider default per core wall hour), set up through the API with %d clients; %d usage summary "
                        + "rows per billed month (%d per community, over every resource) COPYed into usage_summary (%s "
                        + "rows/s); set-up %.0f s. Each month: %sthe baseline query, then the issuing run. Service -Xmx%s; "
                        + "PostgreSQL fsync=on, synchronous_commit=on. Times from the POST to the first poll (every "
                        + "100 ms) that reads COMPLETED.%n%n",
                fixture.communities.size(), packages, fixture.subscriptions, fixture.subscriptions
                        / Math.max(1, fixture.communities.size()), providers, fixture.resources.size(), fixture.tariffs,
                clients, usageRows, usageRows / Math.max(1, fixture.communities.size()),
                copyRates.stream().map(r -> fmt("%.0f", r)).reduce((a, b) -> a + ", " + b).orElse("-"), setUpSeconds,
                dryRuns ? "a dry run, " : "", heap));
        details.append("- issuing run s: ").append(Stats.spread(issue, "%.1f")).append("; months: ")
                .append(Stats.list(issue, "%.1f")).append(String.format(Locale.ROOT, " (target ≤ 60 s: %s)%n",
                        issueMedian <= 60 ? "met" : "NOT met"));
        if (dry.length > 0) {
            details.append("- dry run s: ").append(Stats.spread(dry, "%.1f")).append("; months: ")
                    .append(Stats.list(dry, "%.1f")).append('\n');
        }
        details.append("- baseline s: ").append(Stats.spread(base, "%.2f")).append("; months: ")
                .append(Stats.list(base, "%.2f")).append('\n');
        for (Run r : runs) {
            details.append(String.format(Locale.ROOT, "- %s %s: %.1f s (the run's own start to end %.1f s), %d "
                            + "communities, outcomes %s; CPU %s%n", r.mode(), r.month(), r.seconds(), r.serverSeconds(),
                    r.processed(), r.outcomes(), r.cpu().describe()));
        }
        details.append(String.format(Locale.ROOT, "- check: %d of %d invoices issued, %d invoice lines, %d of them usage "
                        + "lines%s%n", check.issuedInvoices(), check.expectedInvoices(), check.lines(), check.usageLines(),
                usageRated ? "" : " (this build's billing run bills subscriptions only)"));
        return new BenchmarkResult(KEY, rows, details.toString(), postgresVersion, BenchMain.commandLine());
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.out.println("[billing] could not delete " + root + ": " + e);
        }
    }
}
