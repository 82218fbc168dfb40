package org.gridledger.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Data directories of the embedded PostgreSQL for tests: a fresh one under {@code target/it-data} per use. Each holds a
 * whole database cluster (~40 MB), so directories left by earlier, finished test runs are removed on the way: those
 * older than ten minutes in which no server runs (no {@code postmaster.pid}); a concurrent run's are left alone.
 */
public final class DataDirectories {

    private static final Path ROOT = Path.of("target", "it-data");
    private static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private DataDirectories() {
    }

    public static Path fresh(String prefix) {
        removeStale();
        return ROOT.resolve(prefix + "-" + UUID.randomUUID());
    }

    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a leftover directory costs disk space only; the next run tries again
        }
    }

    private static void removeStale() {
        if (!Files.isDirectory(ROOT)) {
            return;
        }
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        try (Stream<Path> dirs = Files.list(ROOT)) {
            dirs.filter(dir -> isStale(dir, cutoff)).toList().forEach(DataDirectories::delete);
        } catch (IOException e) {
            // as above
        }
    }

    private static boolean isStale(Path dir, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(dir).toInstant().isBefore(cutoff)
                    && !Files.exists(dir.resolve("postgres").resolve("postmaster.pid"));
        } catch (IOException e) {
            return false;
        }
    }
}
