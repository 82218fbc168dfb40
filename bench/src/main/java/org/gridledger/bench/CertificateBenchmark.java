package org.gridledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.gridledger.identity.ca.CertificateProfiles;

import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "cert" benchmark: certificate issuance through the service beside bare Bouncy Castle signing of the same
 * certificate profile with the same key types, in the same run. The service runs from its executable jar on a zonky
 * PostgreSQL (fsync and synchronous_commit on) with its default CA key (RSA 3072); subjects hold EC P-256 keys.
 * <ul>
 *   <li><b>issue</b>: the issuing step end to end through HTTP: {@code POST …/{id}/approve} of requests that were
 *       submitted and vetted beforehand (untimed). The CA re-checks the CSR, signs the certificate, appends the event,
 *       updates the read model and answers with the request view.</li>
 *   <li><b>flow</b>: the whole RA flow per certificate: submit the CSR, record the vetting, approve (three commands).</li>
 *   <li><b>baseline</b>: {@link CertificateProfiles#user} built and signed with an RSA 3072 key by
 *       {@code JcaContentSignerBuilder} (BC provider) in this JVM, on as many threads as the machine has cores.</li>
 * </ul>
 */
final class CertificateBenchmark {

    static final String KEY = "cert";
    private static final Provider BC = new BouncyCastleProvider();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "bench-admin-" + UUID.randomUUID().toString().substring(0, 8);

    private final int clients = Settings.integer("bench.cert.clients", 8);
    private final int batch = Settings.integer("bench.cert.batch", 400);
    private final int iterations = Settings.integer("bench.cert.iterations", 5);
    private final Duration warmup = Settings.duration("bench.cert.warmup", "60s");
    private final long warmupCerts = Settings.integer("bench.cert.warmupCerts", 10_000);
    private final Duration warmupMax = Settings.duration("bench.cert.warmupMax", "420s");
    private final Duration flowWindow = Settings.duration("bench.cert.flow", "4s");
    private final Duration baselineWindow = Settings.duration("bench.cert.baseline", "3s");
    private final List<String> serviceArgs = Settings.words("bench.serviceArgs");
    private final List<String> serviceJvmArgs = Settings.words("bench.serviceJvmArgs");
    /** Idle connections ({@link LoadClient}), shared by whichever client thread sends next. */
    private final java.util.concurrent.ConcurrentLinkedQueue<LoadClient> connections =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Path serviceJar = Path.of(Settings.string("bench.serviceJar",
            "app/target/gridledger-app-0.1.0-SNAPSHOT-exec.jar")).toAbsolutePath().normalize();
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final AtomicLong errors = new AtomicLong();
    private volatile String firstError;
    private double warmupSeconds;
    private long warmupFlows;
    private HttpClient http;
    private CpuMeter cpu;
    /** CPU of this JVM per bare signature in the last baseline window, µs. */
    private double baselineCpuPerCert;
    private URI base;
    private String token;

    BenchmarkResult run() throws Exception {
        Path work = Files.createTempDirectory("gridledger-bench-cert-");
        KeyPair caKey = rsa(3072);
        X509CertificateHolder caCertificate = selfSigned(caKey);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(true).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .start()) {
            String postgresVersion;
            try (Connection db = DriverManager.getConnection(url(pg, "postgres"), "postgres", "postgres");
                 Statement s = db.createStatement()) {
                s.execute("create database gridledger_cert");
                try (ResultSet rs = s.executeQuery("select version()")) {
                    rs.next();
                    postgresVersion = rs.getString(1);
                }
            }
            List<String> args = new ArrayList<>(List.of("--gridledger.data-dir=" + work.resolve("data"),
                    "--gridledger.admin-password=" + ADMIN_PASSWORD,
                    "--gridledger.ca.key-password=bench-ca-key-password",
                    "--gridledger.tls.port=0",
                    "--spring.datasource.url=" + url(pg, "gridledger_cert") + "?reWriteBatchedInserts=true",
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
            args.addAll(serviceArgs);
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                    .build();
            try (ServiceProcess service = ServiceProcess.start(serviceJar, Files.createDirectories(work.resolve("svc")),
                    serviceJvmArgs, args)) {
                service.awaitHealthy(http, Duration.ofMinutes(3));
                base = service.base();
                token = setUp();
                System.out.printf(Locale.ROOT, "[cert] service up; %d clients, batches of %d approvals, %d iterations, "
                        + "baseline on %d threads%n", clients, batch, iterations, cores);
                cpu = new CpuMeter(service.pid(), CpuMeter.postmasterPid(work.resolve("postgres")));
                long warmStart = System.nanoTime();
                long warmed = 0;
                while (System.nanoTime() - warmStart < warmupMax.toNanos()
                        && (System.nanoTime() - warmStart < warmup.toNanos() || warmed < warmupCerts)) {
                    CpuMeter.Snapshot before = cpu.snapshot();
                    long chunk = flows(Duration.ofSeconds(5));
                    CpuMeter.Usage used = cpu.between(before, cpu.snapshot());
                    warmed += chunk;
                    System.out.printf(Locale.ROOT, "[cert] warm-up %3.0f s: %d full flows (%.0f/s), service %.0f µs "
                                    + "per flow, other processes %.2f cores%n", (System.nanoTime() - warmStart) / 1e9,
                            warmed, chunk / 5.0, perCert(used.service(), chunk / 5.0), used.other());
                    baseline(caKey, caCertificate, Duration.ofSeconds(1));
                }
                warmupSeconds = (System.nanoTime() - warmStart) / 1e9;
                warmupFlows = warmed;
                System.out.printf(Locale.ROOT, "[cert] warm-up: %d full flows in %.0f s%n", warmed, warmupSeconds);
                double[] issue = new double[iterations];
                double[] flow = new double[iterations];
                double[] baseline = new double[iterations];
                List<CpuMeter.Usage> issueCpu = new ArrayList<>();
                double[] cpuRatio = new double[iterations];
                double[] issueCpuPerCerts = new double[iterations];
                double[] bareCpuPerCerts = new double[iterations];
                for (int i = 0; i < iterations; i++) {
                    baseline[i] = baseline(caKey, caCertificate, baselineWindow);
                    double bareCpu = baselineCpuPerCert;
                    List<String> pending = prepare(batch);
                    CpuMeter.Snapshot before = cpu.snapshot();
                    issue[i] = approveAll(pending);
                    CpuMeter.Usage used = cpu.between(before, cpu.snapshot());
                    issueCpu.add(used);
                    double issueCpuPerCert = perCert(used.service() + used.postgres() + used.clients(), issue[i]);
                    cpuRatio[i] = issueCpuPerCert == 0 ? 0 : bareCpu / issueCpuPerCert;
                    issueCpuPerCerts[i] = issueCpuPerCert;
                    bareCpuPerCerts[i] = bareCpu;
                    flow[i] = flows(flowWindow) / (flowWindow.toNanos() / 1e9);
                    System.out.printf(Locale.ROOT, "[cert] iteration %d: issue %.0f certs/s, full flow %.0f certs/s | "
                            + "baseline %.0f certs/s | issue CPU: %s; per cert: service %.0f µs, PostgreSQL %.0f µs, "
                            + "clients %.0f µs; bare signing %.0f µs; CPU ratio %.2f%n", i + 1, issue[i], flow[i],
                            baseline[i], used.describe(), perCert(used.service(), issue[i]),
                            perCert(used.postgres(), issue[i]), perCert(used.clients(), issue[i]), bareCpu, cpuRatio[i]);
                }
                long issued = count(pg, "select count(*) from identity_certificate");
                if (errors.get() > 0) {
                    throw new IllegalStateException(errors.get() + " requests failed; first: " + firstError
                            + "\n" + service.tail());
                }
                return result(issue, flow, baseline, issueCpu, cpuRatio, issueCpuPerCerts, bareCpuPerCerts, issued,
                        postgresVersion);
            }
        } finally {
            deleteRecursively(work);
        }
    }

    private String setUp() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        // the admin account is created by an ApplicationRunner, which may finish after /actuator/health says UP
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (http.send(HttpRequest.newBuilder(base.resolve("/api/v1/me")).header("Authorization", basic).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 401 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        send("POST", "/api/v1/accounts", basic, "application/json",
                "{\"username\":\"bench-ra\",\"password\":\"bench-password-123\",\"roles\":[\"MEMBER\",\"RA_OPERATOR\"]}");
        return send("POST", "/api/v1/tokens", basic, "application/json",
                "{\"username\":\"bench-ra\",\"name\":\"bench\"}").path("secret").asText();
    }

    /** Submits and vets {@code n} requests (untimed); returns their ids. */
    private List<String> prepare(int n) throws Exception {
        List<String> csrs = csrs(n);
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        parallel(csrs, csr -> {
            String id = submit(csr);
            vet(id);
            ids.add(id);
        });
        return new ArrayList<>(ids);
    }

    /** Approves every request with {@link #clients} threads; the certificates issued per second. */
    private double approveAll(List<String> ids) throws Exception {
        long started = System.nanoTime();
        parallel(ids, id -> send("POST", "/api/v1/certificate-requests/" + id + "/approve", bearer(), null, null));
        return ids.size() / ((System.nanoTime() - started) / 1e9);
    }

    /** Full flows (submit, vet, approve) for the window; the number completed. */
    private long flows(Duration window) throws Exception {
        List<String> csrs = csrs(clients * 100);
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(csrs);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + window.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                futures.add(pool.submit(() -> {
                    String csr;
                    while (System.nanoTime() < end && (csr = queue.poll()) != null) {
                        String id = submit(csr);
                        vet(id);
                        send("POST", "/api/v1/certificate-requests/" + id + "/approve", bearer(), null, null);
                        if (System.nanoTime() <= end) {
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
        return done.get();
    }

    /** Bare Bouncy Castle: the user profile built and signed on {@link #cores} threads; certificates per second. */
    private double baseline(KeyPair caKey, X509CertificateHolder ca, Duration window) throws Exception {
        KeyPair subject = ec();
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(subject.getPublic().getEncoded());
        byte[] keyId = CertificateProfiles.subjectKeyId(ca.getSubjectPublicKeyInfo()).getKeyIdentifier();
        X500Name name = new X500Name("C=DE,O=GridGermany,OU=Bench,CN=Baseline Subject");
        AtomicLong signed = new AtomicLong();
        CpuMeter.Snapshot before = cpu == null ? null : cpu.snapshot();
        long end = System.nanoTime() + window.toNanos();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < cores; t++) {
                futures.add(pool.submit(() -> {
                    SecureRandom random = new SecureRandom();
                    while (System.nanoTime() < end) {
                        byte[] serial = new byte[16];
                        random.nextBytes(serial);
                        serial[0] = (byte) ((serial[0] & 0x7f) | 0x40);
                        Instant now = Instant.now();
                        X509CertificateHolder issued = CertificateProfiles.user(ca.getSubject(), keyId,
                                        new BigInteger(1, serial), now, now.plus(Duration.ofDays(395)), name, spki,
                                        "http://localhost:8080/ca/crl.der", "1.2.840.113612.5.2.2.1")
                                .build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC)
                                        .build(caKey.getPrivate()));
                        if (issued.getEncoded().length > 0) {
                            signed.incrementAndGet();
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
        double rate = signed.get() / ((System.nanoTime() - started) / 1e9);
        if (before != null) {
            baselineCpuPerCert = perCert(cpu.between(before, cpu.snapshot()).clients(), rate);
        }
        return rate;
    }

    private String submit(String csr) throws Exception {
        return send("POST", "/api/v1/certificate-requests", bearer(), "application/pkcs10", csr)
                .path("requestId").asText();
    }

    private void vet(String id) throws Exception {
        send("POST", "/api/v1/certificate-requests/" + id + "/vetting", bearer(), "application/json",
                "{\"method\":\"IN_PERSON\",\"documentType\":\"ID_CARD\",\"vettedOn\":\""
                        + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\"}");
    }

    private String bearer() {
        return "Bearer " + token;
    }

    private JsonNode send(String method, String path, String authorization, String contentType, String body)
            throws Exception {
        LoadClient connection = connections.poll();
        if (connection == null) {
            connection = LoadClient.open(http, base);
        }
        LoadClient.Response response;
        try {
            response = contentType == null
                    ? connection.send(method, path, body == null ? "" : body, "Authorization: " + authorization)
                    : connection.send(method, path, body == null ? "" : body, "Authorization: " + authorization,
                            "Content-Type: " + contentType);
        } catch (Exception e) {
            connection.close();
            throw e;
        }
        connections.offer(connection);
        int status = response.status();
        String answer = new String(response.body(), StandardCharsets.UTF_8);
        if (status != 201) {
            errors.incrementAndGet();
            if (firstError == null) {
                firstError = method + " " + path + " → " + status + ": " + answer;
            }
            throw new IllegalStateException(firstError);
        }
        return JSON.readTree(answer);
    }

    private <T> void parallel(List<T> items, ApiClient.Work<T> work) throws Exception {
        ApiClient.parallel(items, clients, work);
    }

    /**
     * CSRs for {@code n} distinct DNs (a DN belongs to one person for good). They share one fresh EC P-256 key: the
     * service checks and signs each the same way, and the bench spends one signature per CSR instead of a key
     * generation.
     */
    private static List<String> csrs(int n) throws Exception {
        List<String> csrs = new ArrayList<>(n);
        KeyPair pair = ec();
        for (int i = 0; i < n; i++) {
            byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name("C=DE,O=GridGermany,OU=Bench,CN=Bench "
                    + UUID.randomUUID()), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(pair.getPrivate()))
                    .getEncoded();
            StringWriter text = new StringWriter();
            try (PemWriter writer = new PemWriter(text)) {
                writer.writeObject(new PemObject("CERTIFICATE REQUEST", der));
            }
            csrs.add(text.toString());
        }
        return csrs;
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static X509CertificateHolder selfSigned(KeyPair pair) throws Exception {
        Instant now = Instant.now();
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                new X500Name("C=DE,O=GridGermany,CN=Bench CA"), BigInteger.valueOf(now.toEpochMilli()),
                java.util.Date.from(now), java.util.Date.from(now.plus(Duration.ofDays(3650))),
                new X500Name("C=DE,O=GridGermany,CN=Bench CA"), pair.getPublic());
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.subjectKeyIdentifier, false,
                CertificateProfiles.subjectKeyId(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded())));
        return new JcaX509CertificateHolder(new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC)
                        .build(pair.getPrivate()))));
    }

    private static double perCert(double cores, double certsPerSecond) {
        return certsPerSecond == 0 ? 0 : cores / certsPerSecond * 1e6;
    }

    private BenchmarkResult result(double[] issue, double[] flow, double[] baseline, List<CpuMeter.Usage> issueCpu,
                                   double[] cpuRatio, double[] issueCpuPerCert, double[] bareCpuPerCert, long issued,
                                   String postgresVersion) {
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        double base = Stats.median(baseline);
        double issueMedian = Stats.median(issue);
        double flowMedian = Stats.median(flow);
        List<BenchmarkResult.Row> rows = List.of(
                new BenchmarkResult.Row("cert: issue certificate over HTTP (approve → signed, " + clients
                        + " clients, CA RSA 3072, subject EC P-256)", fmt("%.0f", issueMedian), "certs/s",
                        fmt("%.0f", base), "certs/s (bare Bouncy Castle signing, same profile and keys, " + cores
                        + " threads)", fmt("%.2f", issueMedian / base), "≥ 0.45", date),
                new BenchmarkResult.Row("cert: full RA flow over HTTP (submit CSR + vet + approve, " + clients
                        + " clients)", fmt("%.0f", flowMedian), "certs/s", fmt("%.0f", base),
                        "certs/s (bare Bouncy Castle signing, same profile and keys, " + cores + " threads)",
                        fmt("%.2f", flowMedian / base), "— (reported)", date),
                new BenchmarkResult.Row("cert: CPU per issued certificate over HTTP (service + PostgreSQL + clients, "
                        + clients + " clients)", fmt("%.0f", Stats.median(issueCpuPerCert)),
                        "µs CPU (lower is better)", fmt("%.0f", Stats.median(bareCpuPerCert)),
                        "µs CPU per bare Bouncy Castle signature (same run)",
                        fmt("%.2f", Stats.median(bareCpuPerCert) / Stats.median(issueCpuPerCert)),
                        "≥ 0.45 (the throughput ratio two idle cores would give)", date));
        String details = String.format(Locale.ROOT, """
                        Parameters: %d iterations, each a baseline window of %s s, a batch of %d approvals of requests \
                        submitted and vetted beforehand (untimed), and a full-flow window of %s s; %d clients; warm-up \
                        of full flows for at least %s s and %d certificates, at most %s s (this run: %d in %.0f s). PostgreSQL fsync=on, synchronous_commit=on. Medians with (min–max, ±half range).

                        - issue certs/s: %s; iterations: %s
                        - full flow certs/s: %s; iterations: %s
                        - baseline certs/s: %s; iterations: %s
                        - ratio issue/baseline %.2f (target ≥ 0.45: %s)
                        - issue CPU per certificate (medians over the iterations): service %.0f µs, PostgreSQL %.0f µs, \
                        clients %.0f µs; machine %.2f of %d cores busy, other processes %.2f
                        - CPU ratio (bare signing's CPU per certificate ÷ service + PostgreSQL + clients CPU per issued \
                        certificate, the ratio two idle cores would give): %s; iterations: %s
                        - service JVM options: %s; service arguments beyond data dir, CA password and datasource: %s
                        - HTTP client of the commands: %s
                        - check: %d certificates in identity_certificate, 0 failed requests
                        """, iterations, baselineWindow.toMillis() / 1000.0, batch, flowWindow.toMillis() / 1000.0,
                clients, warmup.toMillis() / 1000.0, warmupCerts, warmupMax.toMillis() / 1000.0, warmupFlows,
                warmupSeconds, Stats.spread(issue, "%.0f"), Stats.list(issue, "%.0f"),
                Stats.spread(flow, "%.0f"), Stats.list(flow, "%.0f"), Stats.spread(baseline, "%.0f"),
                Stats.list(baseline, "%.0f"), issueMedian / base, issueMedian / base >= 0.45 ? "met" : "NOT met",
                medianOf(issueCpu, issue, CpuMeter.Usage::service), medianOf(issueCpu, issue, CpuMeter.Usage::postgres),
                medianOf(issueCpu, issue, CpuMeter.Usage::clients),
                Stats.median(issueCpu.stream().mapToDouble(CpuMeter.Usage::machine).toArray()), cores,
                Stats.median(issueCpu.stream().mapToDouble(CpuMeter.Usage::other).toArray()),
                Stats.spread(cpuRatio, "%.2f"), Stats.list(cpuRatio, "%.2f"),
                serviceJvmArgs.isEmpty() ? "none (JDK defaults)" : "`" + String.join(" ", serviceJvmArgs) + "`",
                serviceArgs.isEmpty() ? "none" : "`" + String.join(" ", serviceArgs) + "`",
                LoadClient.describe(), issued);
        return new BenchmarkResult(KEY, rows, details, postgresVersion, BenchMain.commandLine());
    }

    /** The median over the iterations of one CPU share per certificate, in µs. */
    private static double medianOf(List<CpuMeter.Usage> usages, double[] rates,
                                   java.util.function.ToDoubleFunction<CpuMeter.Usage> share) {
        double[] perCert = new double[usages.size()];
        for (int i = 0; i < perCert.length; i++) {
            perCert[i] = perCert(share.applyAsDouble(usages.get(i)), rates[i]);
        }
        return Stats.median(perCert);
    }

    private static long count(EmbeddedPostgres pg, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(url(pg, "gridledger_cert"), "postgres", "postgres");
             Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String url(EmbeddedPostgres pg, String database) {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database;
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.out.println("[cert] could not delete " + dir + ": " + e);
        }
    }
}
