package org.gridledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "pdf" benchmark: issued invoices as PDF documents through the service ({@code GET /api/v1/invoices/{id}/pdf},
 * bearer token of a FINANCE account, {@code bench.pdf.clients} threads) beside bare JasperReports in this JVM: the
 * same {@code reports/invoice.jrxml}, compiled once, filled with {@link JasperFillManager} from the very parameters
 * and line rows the service fills (read back from the service's API) and exported with
 * {@link JasperExportManager#exportReportToPdfStream}, on as many threads as there are clients. A baseline window
 * runs right before every service window, with the service idle. Both sides' CPU per document is taken from /proc,
 * which other processes on the machine disturb less than the rates.
 */
final class PdfBenchmark {

    static final String KEY = "pdf";
    private static final String ADMIN_PASSWORD = "bench-admin-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String ISSUER = "GridLedger grid organisation";
    private static final String ISSUER_ADDRESS = "Bench Street 1\n10115 Berlin";
    private static final YearMonth PERIOD = YearMonth.of(2026, 10);

    private final int clients = Settings.integer("bench.pdf.clients", 8);
    private final int invoices = Settings.integer("bench.pdf.invoices", 40);
    private final int lines = Settings.integer("bench.pdf.lines", 30);
    private final int iterations = Settings.integer("bench.pdf.iterations", 5);
    private final Duration window = Settings.duration("bench.pdf.window", "5s");
    private final Duration baselineWindow = Settings.duration("bench.pdf.baseline", "3s");
    private final Duration warmup = Settings.duration("bench.pdf.warmup", "30s");
    private final int warmupDocuments = Settings.integer("bench.pdf.warmupDocuments", 1000);
    private final Duration warmupMax = Settings.duration("bench.pdf.warmupMax", "300s");
    /** Warm-up goes on until each JVM's JIT compiler spent less than this share of a warm-up round compiling. */
    private final double jitQuiet = Double.parseDouble(Settings.string("bench.pdf.jitQuiet", "0.02"));
    private final List<String> serviceJvmArgs = Settings.words("bench.serviceJvmArgs");
    private final Path serviceJar = Path.of(Settings.string("bench.serviceJar",
            "app/target/gridledger-app-0.1.0-SNAPSHOT-exec.jar")).toAbsolutePath().normalize();
    /** Bare-Jasper threads: as many as the service's clients, so both sides ask the scheduler for the same share. */
    private final int baselineThreads = Settings.integer("bench.pdf.baselineThreads", clients);

    /** What the service fills for one invoice, read back from its API. */
    record Filled(String id, Map<String, Object> parameters, List<Map<String, ?>> rows) {
    }

    /** One window: documents per second, bytes of the last document, failures. */
    record Window(double perSecond, long documents, long failures, String firstFailure) {
    }

    /** The last warm-up round's JIT activity, for the details. */
    private JitActivity.Round lastJit;

    /** CPU per document in milliseconds: the service process and PostgreSQL, or this JVM for bare Jasper. */
    record CpuPerDocument(double service, double postgres, double bare) {
    }

    BenchmarkResult run() throws Exception {
        Path work = Files.createTempDirectory("gridledger-bench-pdf-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(true).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .start()) {
            String postgresVersion;
            try (Connection db = DriverManager.getConnection(IngestBenchmark.url(pg, "postgres"), "postgres", "postgres");
                 Statement s = db.createStatement()) {
                s.execute("create database gridledger_pdf");
                postgresVersion = IngestBenchmark.query(db, "select version()");
            }
            List<String> args = List.of("--gridledger.data-dir=" + work.resolve("data"),
                    "--gridledger.admin-password=" + ADMIN_PASSWORD,
                    "--gridledger.reports.issuer=" + ISSUER,
                    "--gridledger.reports.issuer-address=" + ISSUER_ADDRESS,
                    "--spring.datasource.url=" + IngestBenchmark.url(pg, "gridledger_pdf") + "?reWriteBatchedInserts=true",
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            try (ServiceProcess service = ServiceProcess.start(serviceJar, Files.createDirectories(work.resolve("svc")),
                    serviceJvmArgs, args)) {
                service.awaitHealthy(http, Duration.ofMinutes(3));
                ApiClient api = new ApiClient(http, service.base());
                api.awaitAdmin(ADMIN_PASSWORD);
                String token = api.accountToken(ADMIN_PASSWORD, "bench-finance", "[\"FINANCE\"]");
                List<Filled> filled = setUp(api, "Bearer " + token);
                JasperReport report = compile();
                CpuMeter cpu = new CpuMeter(service.pid(), CpuMeter.postmasterPid(work.resolve("postgres")));
                System.out.printf(Locale.ROOT, "[pdf] %d issued invoices of %d lines; %d clients, baseline on %d threads%n",
                        filled.size(), lines, clients, baselineThreads);

                // both sides warm until the time and the documents are reached and both JIT compilers have gone quiet
                // (JasperReports, OpenPDF, fonts; on two saturated cores C2 catches up with the service for minutes)
                long warmStart = System.nanoTime();
                long warmed = 0;
                long bareWarmed = 0;
                JitActivity jit = new JitActivity(api, "Bearer " + token);
                JitActivity.Round round = jit.round();
                while (System.nanoTime() - warmStart < warmupMax.toNanos()
                        && (System.nanoTime() - warmStart < warmup.toNanos() || warmed < warmupDocuments
                        || bareWarmed < warmupDocuments || !round.quiet(jitQuiet))) {
                    jit.start();
                    Window w = service(http, service, token, filled, Duration.ofSeconds(5));
                    warmed += w.documents();
                    bareWarmed += Math.round(baseline(report, filled, Duration.ofSeconds(2), cpu, null) * 2);
                    round = jit.round();
                    System.out.printf(Locale.ROOT, "[pdf] warm-up %.0f s: service %.0f PDFs/s (%d so far), bare %d so far;"
                                    + " JIT compiling %s%n", (System.nanoTime() - warmStart) / 1e9, w.perSecond(), warmed,
                            bareWarmed, round.describe());
                }
                lastJit = round;
                double warmSeconds = (System.nanoTime() - warmStart) / 1e9;

                double[] served = new double[iterations];
                double[] bare = new double[iterations];
                List<CpuMeter.Usage> usages = new ArrayList<>();
                List<CpuPerDocument> perDocument = new ArrayList<>();
                long failures = 0;
                String firstFailure = null;
                for (int i = 0; i < iterations; i++) {
                    double[] bareCpu = new double[1];
                    bare[i] = baseline(report, filled, baselineWindow, cpu, bareCpu);
                    CpuMeter.Snapshot a = cpu.snapshot();
                    Window w = service(http, service, token, filled, window);
                    CpuMeter.Usage usage = cpu.between(a, cpu.snapshot());
                    usages.add(usage);
                    served[i] = w.perSecond();
                    perDocument.add(new CpuPerDocument(1000 * usage.service() / served[i],
                            1000 * usage.postgres() / served[i], bareCpu[0]));
                    failures += w.failures();
                    firstFailure = firstFailure == null ? w.firstFailure() : firstFailure;
                    System.out.printf(Locale.ROOT, "[pdf] iteration %d: service %.0f PDFs/s | bare Jasper %.0f PDFs/s "
                            + "| ratio %.2f | CPU per PDF: service %.1f ms + PostgreSQL %.1f ms, bare %.1f ms | CPU %s%n",
                            i + 1, served[i], bare[i], served[i] / bare[i], perDocument.get(i).service(),
                            perDocument.get(i).postgres(), perDocument.get(i).bare(), usage.describe());
                }
                if (failures > 0) {
                    throw new IllegalStateException(failures + " PDF requests failed; first: " + firstFailure + "\n"
                            + service.tail());
                }
                return result(served, bare, usages, perDocument, warmSeconds, warmed, postgresVersion);
            }
        } finally {
            deleteRecursively(work);
        }
    }

    /**
     * Issued invoices, each of {@link #lines} lines, each for a community of its own; then what the service fills for each,
     * read back through the API (invoice, lines, community name) and put together as InvoiceController does.
     */
    private List<Filled> setUp(ApiClient api, String finance) throws Exception {
        // one issued invoice per community and period, so each invoice has a community of its own
        List<String> communities = new ArrayList<>();
        for (int c = 0; c < invoices; c++) {
            communities.add(api.post("/api/v1/communities", ApiClient.basic("admin", ADMIN_PASSWORD),
                    "{\"name\":\"Bench Grid Łódź " + c + " " + UUID.randomUUID().toString().substring(0, 8)
                            + "\",\"profile\":{\"discipline\":\"Physics\",\"securityLevel\":\"STANDARD\","
                            + "\"dataProtectionClass\":\"PUBLIC\",\"itKnowledge\":\"EXPERT\",\"expectedUsers\":100,"
                            + "\"jobTypes\":[\"HIGH_THROUGHPUT\"],\"resourceTypes\":[\"CPU\"]}}", 201)
                    .path("communityId").asText());
        }
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < invoices; i++) {
            indexes.add(i);
        }
        Map<Integer, String> ids = new java.util.concurrent.ConcurrentHashMap<>();
        ApiClient.parallel(indexes, 4, i -> {
            String id = api.post("/api/v1/invoices", finance, draft(communities.get(i % communities.size()), i), 201)
                    .path("invoiceId").asText();
            api.post("/api/v1/invoices/" + id + "/issue", finance, null, 201);
            ids.put(i, id);
        });
        Map<String, String> names = new HashMap<>();
        List<Filled> filled = new ArrayList<>();
        for (int i = 0; i < invoices; i++) {
            String id = ids.get(i);
            JsonNode invoice = api.get("/api/v1/invoices/" + id, finance);
            String communityId = invoice.path("communityId").asText();
            String name = names.get(communityId);
            if (name == null) {
                name = api.get("/api/v1/communities/" + communityId, finance).path("name").asText();
                names.put(communityId, name);
            }
            JsonNode lineNodes = api.get("/api/v1/invoices/" + id + "/lines", finance).path("lines");
            filled.add(new Filled(id, parameters(invoice, name), rows(lineNodes)));
        }
        return filled;
    }

    /** A draft with subscription fees and usage lines, as a billing run writes them. */
    private String draft(String communityId, int n) {
        StringBuilder body = new StringBuilder("{\"communityId\":\"" + communityId + "\",\"period\":\"" + PERIOD
                + "\",\"lines\":[");
        for (int l = 0; l < lines; l++) {
            if (l > 0) {
                body.append(',');
            }
            if (l % 3 == 0) {
                body.append("{\"description\":\"Second-level support with trouble tickets, flat fee ").append(PERIOD)
                        .append("\",\"kind\":\"SUBSCRIPTION\",\"quantity\":\"1\",\"unitPrice\":\"")
                        .append(250 + n + l).append(".00\",\"vatRate\":\"0.19\",\"category\":\"SECOND_LEVEL_SUPPORT\","
                                + "\"reference\":\"sub-").append(n).append('-').append(l).append("\"}");
            } else {
                body.append("{\"description\":\"Normalised CPU at DE-BENCH-").append(l)
                        .append(" (GridKa cluster ").append(l).append(")\",\"kind\":\"USAGE\",\"quantity\":\"")
                        .append(1000 + 37 * l + n).append(".5\",\"unit\":\"HS06_HOUR\",\"unitPrice\":\"0.0275\","
                                + "\"vatRate\":\"0.19\"}");
            }
        }
        return body.append("]}").toString();
    }

    /** The parameters InvoiceController puts into InvoiceDocument and InvoicePdf passes to the template. */
    private static Map<String, Object> parameters(JsonNode invoice, String communityName) {
        String number = invoice.path("number").asText();
        String period = invoice.path("period").asText();
        String dueOn = invoice.path("dueOn").asText();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(JRParameter.REPORT_LOCALE, Locale.ENGLISH);
        p.put("issuer", ISSUER);
        p.put("issuerAddress", ISSUER_ADDRESS);
        p.put("documentTitle", "Invoice");
        p.put("number", number);
        p.put("issuedOn", invoice.path("issuedOn").asText());
        p.put("dueOn", dueOn);
        p.put("period", period);
        p.put("recipient", communityName);
        p.put("recipientAddress", null);
        p.put("reference", "Invoice " + number + " for " + period);
        p.put("currency", invoice.path("currency").asText());
        p.put("netTotal", new BigDecimal(ApiClient.amount(invoice.path("netTotal"))));
        p.put("vatTotal", new BigDecimal(ApiClient.amount(invoice.path("vatTotal"))));
        p.put("grossTotal", new BigDecimal(ApiClient.amount(invoice.path("grossTotal"))));
        p.put("note", "Payable by " + dueOn + ".");
        return p;
    }

    /** One row per line with the template's fields, as InvoiceDocument.Line gives them. */
    private static List<Map<String, ?>> rows(JsonNode lineNodes) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (JsonNode l : lineNodes) {
            Map<String, Object> row = new HashMap<>();
            row.put("position", l.path("lineNo").asInt());
            row.put("description", l.path("description").asText());
            row.put("quantity", new BigDecimal(l.path("quantity").asText()));
            row.put("unit", l.path("unit").isMissingNode() || l.path("unit").isNull() ? "" : l.path("unit").asText());
            row.put("unitPrice", new BigDecimal(ApiClient.amount(l.path("unitPrice"))));
            row.put("vatRatePercent", new BigDecimal(l.path("vatRate").asText()).movePointRight(2)
                    .setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros());
            row.put("net", new BigDecimal(ApiClient.amount(l.path("net"))));
            rows.add(row);
        }
        return rows;
    }

    private static JasperReport compile() throws Exception {
        try (InputStream jrxml = PdfBenchmark.class.getClassLoader().getResourceAsStream("reports/invoice.jrxml")) {
            if (jrxml == null) {
                throw new IllegalStateException("reports/invoice.jrxml is not on the bench class path");
            }
            return JasperCompileManager.compileReport(jrxml);
        }
    }

    /**
     * Bare fill + export of the compiled template on {@link #baselineThreads} threads for the window; documents per
     * second. If {@code cpuPerDocument} is given, its first element receives this JVM's CPU milliseconds per document.
     */
    private double baseline(JasperReport report, List<Filled> filled, Duration length, CpuMeter cpu,
                            double[] cpuPerDocument) throws Exception {
        AtomicLong done = new AtomicLong();
        CpuMeter.Snapshot before = cpu.snapshot();
        long started = System.nanoTime();
        long end = started + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(baselineThreads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < baselineThreads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    int n = offset;
                    ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
                    while (System.nanoTime() < end) {
                        Filled f = filled.get(n++ % filled.size());
                        pdf.reset();
                        JasperPrint print = JasperFillManager.fillReport(report, new HashMap<>(f.parameters()),
                                new JRMapCollectionDataSource(f.rows()));
                        JasperExportManager.exportReportToPdfStream(print, pdf);
                        if (pdf.size() > 0) {
                            done.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double rate = done.get() / ((System.nanoTime() - started) / 1e9);
        if (cpuPerDocument != null) {
            cpuPerDocument[0] = 1000 * cpu.between(before, cpu.snapshot()).clients() / rate;
        }
        return rate;
    }

    /** {@link #clients} threads fetch PDFs of the invoices round robin for the window. */
    private Window service(HttpClient http, ServiceProcess service, String token, List<Filled> filled, Duration length)
            throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        String[] firstFailure = new String[1];
        long started = System.nanoTime();
        long end = started + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                int offset = t * 7;
                futures.add(pool.submit(() -> {
                    int n = offset;
                    try (LoadClient connection = LoadClient.open(http, service.base())) {
                        while (System.nanoTime() < end) {
                            Filled f = filled.get(n++ % filled.size());
                            LoadClient.Response response = connection.send("GET",
                                    "/api/v1/invoices/" + f.id() + "/pdf", null, "Authorization: Bearer " + token,
                                    "Accept: application/pdf");
                            int status = response.status();
                            byte[] body = response.body();
                            boolean pdf = status == 200 && body.length > 4 && body[0] == '%' && body[1] == 'P'
                                    && body[2] == 'D' && body[3] == 'F';
                            if (!pdf) {
                                failed.incrementAndGet();
                                synchronized (firstFailure) {
                                    if (firstFailure[0] == null) {
                                        firstFailure[0] = "HTTP " + status + ": "
                                                + new String(body, 0, Math.min(400, body.length));
                                    }
                                }
                            } else if (System.nanoTime() <= end) {
                                done.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Window(done.get() / (length.toNanos() / 1e9), done.get(), failed.get(), firstFailure[0]);
    }

    private BenchmarkResult result(double[] served, double[] bare, List<CpuMeter.Usage> usages,
                                   List<CpuPerDocument> perDocument, double warmSeconds, long warmed,
                                   String postgresVersion) {
        double rate = Stats.median(served);
        double baselineRate = Stats.median(bare);
        double[] ratios = new double[served.length];
        for (int i = 0; i < served.length; i++) {
            ratios[i] = served[i] / bare[i];
        }
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        List<BenchmarkResult.Row> rows = List.of(new BenchmarkResult.Row(
                String.format(Locale.ROOT, "%s: issued invoice as PDF over HTTP (GET /invoices/{id}/pdf, %d lines, %d clients)",
                        KEY, lines, clients),
                fmt("%.0f", rate), "PDFs/s", fmt("%.0f", baselineRate),
                String.format(Locale.ROOT, "PDFs/s (bare JasperReports fill + PDF export of the same compiled invoice.jrxml and data, %d threads)", baselineThreads),
                fmt("%.2f", rate / baselineRate), "≥ 0.7", date));
        StringBuilder details = new StringBuilder();
        details.append(String.format(Locale.ROOT, "Parameters: %d iterations, each a bare-Jasper window of %.1f s "
                        + "(service idle) then a service window of %.1f s; %d issued invoices of %d lines (one community each), "
                        + "fetched round robin by %d clients with a FINANCE bearer token; warm-up %.0f s (%d documents through the "
                        + "service; at least %.0f s and %d documents on each side, at most %.0f s). PostgreSQL fsync=on, "
                        + "synchronous_commit=on; warm-up also until both JIT compilers are quiet. Medians with (min–max, ±half range).%n%n",
                served.length, baselineWindow.toMillis() / 1e3, window.toMillis() / 1e3, invoices, lines, clients,
                warmSeconds, warmed, warmup.toMillis() / 1e3, warmupDocuments, warmupMax.toMillis() / 1e3));
        details.append("- HTTP client: ").append(LoadClient.describe()).append('\n');
        details.append("- JIT compilers in the last warm-up round (compile time ÷ wall time, quiet below ")
                .append(String.format(Locale.ROOT, "%.0f %%): ", 100 * jitQuiet))
                .append(lastJit == null ? "n/a" : lastJit.describe()).append('\n');
        details.append("- service PDFs/s: ").append(Stats.spread(served, "%.0f")).append("; iterations: ")
                .append(Stats.list(served, "%.0f")).append('\n');
        details.append("- bare JasperReports PDFs/s: ").append(Stats.spread(bare, "%.0f")).append("; iterations: ")
                .append(Stats.list(bare, "%.0f")).append('\n');
        details.append("- ratio per iteration: ").append(Stats.list(ratios, "%.2f")).append(String.format(Locale.ROOT,
                "; ratio of the medians %.2f (target ≥ 0.7: %s)%n", rate / baselineRate,
                rate / baselineRate >= 0.7 ? "met" : "NOT met"));
        double[] serviceMs = perDocument.stream().mapToDouble(CpuPerDocument::service).toArray();
        double[] postgresMs = perDocument.stream().mapToDouble(CpuPerDocument::postgres).toArray();
        double[] bareMs = perDocument.stream().mapToDouble(CpuPerDocument::bare).toArray();
        details.append("- CPU per PDF, service process: ").append(Stats.spread(serviceMs, "%.1f"))
                .append(" ms; PostgreSQL: ").append(Stats.spread(postgresMs, "%.2f"))
                .append(" ms; bare JasperReports: ").append(Stats.spread(bareMs, "%.1f")).append(" ms\n");
        for (int i = 0; i < usages.size(); i++) {
            details.append(String.format(Locale.ROOT, "- iteration %d CPU (service window): %s%n", i + 1,
                    usages.get(i).describe()));
        }
        details.append("- check: every answer 200 with a PDF body\n");
        return new BenchmarkResult(KEY, rows, details.toString(), postgresVersion, BenchMain.commandLine());
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.out.println("[pdf] could not delete " + root + ": " + e);
        }
    }
}
