package org.gridledger.accounting.usage.format;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads an APEL message — a header line {@code <kind>: <version>}, then records of {@code Key: value} lines, each
 * record closed by a line {@code %%} — one record at a time. Only the keys it is told about are kept (so a record of
 * a million unknown keys costs nothing); keys are case-sensitive as in APEL; blank lines are ignored; a last record
 * without its closing {@code %%} still counts.
 */
final class ApelMessageReader {

    /** One record's known keys, where it began, and the first thing wrong with its lines (or {@code null}). */
    record Entry(long firstLine, Map<String, String> fields, String problem) {
    }

    private final LineSource lines;
    private final String kind;
    private final Set<String> versions;
    /** The known keys in an open-addressing table by hash, so a line's key is found without cutting it out. */
    private final String[] keys;

    ApelMessageReader(InputStream in, String kind, Set<String> versions, Set<String> keys) {
        this.lines = new LineSource(in);
        this.kind = kind;
        this.versions = versions;
        this.keys = new String[Integer.highestOneBit(Math.max(keys.size(), 1) * 4) * 2];
        for (String key : keys) {
            int i = key.hashCode() & (this.keys.length - 1);
            while (this.keys[i] != null) {
                i = (i + 1) & (this.keys.length - 1);
            }
            this.keys[i] = key;
        }
    }

    /** The known key that {@code line.substring(0, colon).strip()} equals, or {@code null}. */
    private String known(String line, int colon) {
        int from = 0;
        int to = colon;
        while (from < to && Character.isWhitespace(line.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(line.charAt(to - 1))) {
            to--;
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + line.charAt(i);
        }
        int length = to - from;
        int mask = keys.length - 1;
        for (int i = hash & mask; keys[i] != null; i = (i + 1) & mask) {
            String key = keys[i];
            if (key.length() == length && key.hashCode() == hash && line.regionMatches(from, key, 0, length)) {
                return key;
            }
        }
        return null;
    }

    /** {@code line.substring(from, to).strip()}, cut once. */
    private static String stripped(String line, int from, int to) {
        while (from < to && Character.isWhitespace(line.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(line.charAt(to - 1))) {
            to--;
        }
        return line.substring(from, to);
    }

    /** Reads the header and returns its version; any other first line is a document error. */
    String header() {
        String line;
        do {
            line = lines.next();
        } while (line != null && line.isBlank());
        if (line == null) {
            throw DocumentErrors.atLine(lines.lineNumber(), "empty document, expected the header '" + kind + ": "
                    + String.join("|", versions.stream().sorted().toList()) + "'");
        }
        int colon = line.indexOf(':');
        String key = colon < 0 ? line.strip() : line.substring(0, colon).strip();
        String version = colon < 0 ? "" : line.substring(colon + 1).strip();
        if (!key.equals(kind)) {
            throw DocumentErrors.atLine(lines.lineNumber(), "expected the header '" + kind + ": <version>', found '"
                    + FieldValues.shorten(line) + "'");
        }
        if (!versions.contains(version)) {
            throw DocumentErrors.atLine(lines.lineNumber(), "unknown " + kind + " version '"
                    + FieldValues.shorten(version) + "', known are " + versions.stream().sorted().toList());
        }
        return version;
    }

    /** The next non-empty record, or {@code null} at the end of the message. */
    Entry next() {
        Map<String, String> fields = new HashMap<>(32);
        String problem = null;
        long first = -1;
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            if (line.strip().equals("%%")) {
                if (first < 0) {
                    continue;
                }
                return new Entry(first, fields, problem);
            }
            if (first < 0) {
                first = lines.lineNumber();
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                if (problem == null) {
                    problem = "line " + lines.lineNumber() + ": '" + FieldValues.shorten(line)
                            + "' is not a 'Key: value' pair";
                }
                continue;
            }
            String key = known(line, colon);
            if (key != null && fields.put(key, stripped(line, colon + 1, line.length())) != null && problem == null) {
                problem = key + ": given twice";
            }
        }
        return first < 0 ? null : new Entry(first, fields, problem);
    }
}
