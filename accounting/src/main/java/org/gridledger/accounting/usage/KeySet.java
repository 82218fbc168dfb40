package org.gridledger.accounting.usage;

import java.time.Instant;

/**
 * A compact set of 64-bit hashes of the deduplication keys (site, local job id, end time) seen in one document: if no
 * hash repeats, no key repeats, and the set-based repeat check can be skipped. A repeated hash only means "maybe"
 * (the check then runs). Eight to sixteen bytes per record, no objects.
 */
final class KeySet {

    private long[] slots = new long[1 << 12];
    private int size;
    private boolean repeats;

    void add(String site, String localJobId, Instant endTime) {
        long h = mix(site.hashCode() * 0x9E3779B97F4A7C15L ^ localJobId.hashCode() * 0xC2B2AE3D27D4EB4FL
                ^ endTime.getEpochSecond() * 0x165667B19E3779F9L ^ endTime.getNano());
        if (h == 0) {
            h = 1; // 0 marks an empty slot
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (!insert(slots, h)) {
            repeats = true;
        } else {
            size++;
        }
    }

    /** Whether some key may occur more than once. */
    boolean mayRepeat() {
        return repeats;
    }

    private static boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long h : slots) {
            if (h != 0) {
                insert(bigger, h);
            }
        }
        slots = bigger;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
