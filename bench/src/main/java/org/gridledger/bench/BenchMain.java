package org.gridledger.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs all benchmarks, or those named in {@code -Dbench.only=a,b}, and writes their figures into RESULTS.md
 * ({@code -Dbench.results}). Parameters are system properties, see README.md.
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** The documented command that runs all benchmarks. */
    static final String COMMAND = "./mvnw -B -o -pl bench -am -DskipTests -Pbench package";

    /** The command with the benchmark parameters given to this run (set by the pom: jar and results file left out). */
    static String commandLine() {
        StringBuilder sb = new StringBuilder(COMMAND);
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("bench.") && !k.equals("bench.serviceJar") && !k.equals("bench.results"))
                .sorted()
                .forEach(k -> {
                    String arg = "-D" + k + "=" + System.getProperty(k);
                    sb.append(' ').append(arg.contains(" ") ? "\"" + arg + "\"" : arg);
                });
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        Map<String, Callable<BenchmarkResult>> benchmarks = new LinkedHashMap<>();
        benchmarks.put(CommandBenchmark.KEY, () -> new CommandBenchmark().run());
        benchmarks.put(IngestBenchmark.KEY, () -> new IngestBenchmark().run());
        benchmarks.put(CertificateBenchmark.KEY, () -> new CertificateBenchmark().run());
        benchmarks.put(RatingBenchmark.KEY, () -> new RatingBenchmark().run());
        benchmarks.put(PdfBenchmark.KEY, () -> new PdfBenchmark().run());
        benchmarks.put(BillingBenchmark.KEY, () -> new BillingBenchmark().run());

        List<String> only = Arrays.stream(Settings.string("bench.only", String.join(",", benchmarks.keySet())).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String name : only) {
            if (!benchmarks.containsKey(name)) {
                throw new IllegalArgumentException("no benchmark '" + name + "'; known: " + benchmarks.keySet());
            }
        }
        long started = System.nanoTime();
        List<BenchmarkResult> results = new ArrayList<>();
        for (String name : only) {
            System.out.println("[bench] === " + name + " ===");
            results.add(benchmarks.get(name).call());
        }
        Path file = Path.of(Settings.string("bench.results", "bench/RESULTS.md"));
        if (Boolean.parseBoolean(Settings.string("bench.write", "true"))) {
            ResultsFile.update(file, results);
            System.out.println("[bench] wrote " + file.toAbsolutePath());
        }
        for (BenchmarkResult result : results) {
            result.rows().forEach(r -> System.out.println(r.markdown()));
        }
        System.out.printf("[bench] all done in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }
}
