package org.gridledger.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * How busy the JIT compilers of the service and of this JVM were over a warm-up round: the service's
 * {@code jvm.compilation.time} metric (actuator, any authenticated caller) and this JVM's {@link CompilationMXBean},
 * each as a share of the round's wall time. A warm-up that stops on time alone measures the compiler: on two
 * saturated cores C2 of a large service keeps compiling for minutes after the first thousand requests.
 */
final class JitActivity {

    /** One round: wall time and the milliseconds each compiler spent; NaN where a JVM does not tell. */
    record Round(double wallMillis, double serviceMillis, double benchMillis) {

        boolean quiet(double share) {
            return wallMillis > 0 && !(serviceMillis >= share * wallMillis) && !(benchMillis >= share * wallMillis);
        }

        String describe() {
            return String.format(Locale.ROOT, "service %s, bench JVM %s of the round", percent(serviceMillis),
                    percent(benchMillis));
        }

        private String percent(double millis) {
            return Double.isNaN(millis) || wallMillis <= 0 ? "n/a"
                    : String.format(Locale.ROOT, "%.1f %%", 100 * millis / wallMillis);
        }
    }

    private final ApiClient api;
    private final String authorization;
    private final CompilationMXBean local = ManagementFactory.getCompilationMXBean();
    private long startedAt;
    private double serviceAtStart;
    private double benchAtStart;

    JitActivity(ApiClient api, String authorization) {
        this.api = api;
        this.authorization = authorization;
    }

    /** Starts a round. */
    void start() {
        startedAt = System.nanoTime();
        serviceAtStart = serviceMillis();
        benchAtStart = benchMillis();
    }

    /** Ends the round started last; before any start, a round of no length (never quiet). */
    Round round() {
        if (startedAt == 0) {
            return new Round(0, Double.NaN, Double.NaN);
        }
        double wall = (System.nanoTime() - startedAt) / 1e6;
        return new Round(wall, serviceMillis() - serviceAtStart, benchMillis() - benchAtStart);
    }

    private double serviceMillis() {
        try {
            JsonNode metric = api.get("/actuator/metrics/jvm.compilation.time", authorization);
            for (JsonNode m : metric.path("measurements")) {
                if ("COUNT".equals(m.path("statistic").asText()) || "TOTAL_TIME".equals(m.path("statistic").asText())) {
                    return m.path("value").asDouble();
                }
            }
            return Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private double benchMillis() {
        return local.isCompilationTimeMonitoringSupported() ? local.getTotalCompilationTime() : Double.NaN;
    }
}
