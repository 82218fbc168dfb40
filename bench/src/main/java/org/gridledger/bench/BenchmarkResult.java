package org.gridledger.bench;

import java.util.List;

/**
 * What one benchmark contributes to RESULTS.md: its table rows (all starting with {@code key + ":"}) and a section of
 * details below the table.
 */
record BenchmarkResult(String key, List<Row> rows, String details, String postgresVersion, String command) {

    /** One row of the table in RESULTS.md, columns as BENCH.md prescribes. */
    record Row(String benchmark, String figure, String unit, String baseline, String baselineUnit, String ratio,
               String target, String date) {

        String markdown() {
            return "| " + String.join(" | ", benchmark, figure, unit, baseline, baselineUnit, ratio, target, date) + " |";
        }
    }
}
