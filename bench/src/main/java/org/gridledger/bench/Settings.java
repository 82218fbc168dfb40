package org.gridledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Benchmark parameters from system properties ({@code -Dbench.…}), with defaults. */
final class Settings {

    private Settings() {
    }

    static String string(String key, String defaultValue) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    static int integer(String key, int defaultValue) {
        return Integer.parseInt(string(key, Integer.toString(defaultValue)));
    }

    /** "5s", "500ms", "1m" or a plain number of seconds. */
    static Duration duration(String key, String defaultValue) {
        String v = string(key, defaultValue).toLowerCase();
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        if (v.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    }

    static List<Integer> integers(String key, String defaultValue) {
        List<Integer> result = new ArrayList<>();
        for (String part : string(key, defaultValue).split("[,\\s]+")) {
            if (!part.isBlank()) {
                result.add(Integer.parseInt(part));
            }
        }
        return result;
    }

    /** Whitespace-separated words, e.g. extra command-line arguments. */
    static List<String> words(String key) {
        String v = string(key, "");
        return v.isEmpty() ? List.of() : Arrays.asList(v.split("\\s+"));
    }
}
