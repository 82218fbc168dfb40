package org.gridledger.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles (nearest rank) of latency samples and medians and spreads over iterations. */
final class Stats {

    private Stats() {
    }

    /** The p-th percentile (0 &lt; p ≤ 100, nearest rank) of sorted values. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** "median (min–max, ±x %)" where x is half the range relative to the median. */
    static String spread(double[] values, String format) {
        double median = median(values);
        double halfRange = (max(values) - min(values)) / 2.0;
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ", ±%.1f %%)", median, min(values),
                max(values), median == 0 ? 0.0 : 100.0 * halfRange / median);
    }

    static String list(double[] values, String format) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, format, v));
        }
        return sb.toString();
    }
}
