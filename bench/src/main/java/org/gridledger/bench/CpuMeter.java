package org.gridledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Where the CPU goes during a measurement, from Linux's /proc (clock ticks of 1/100 s): the whole machine, the
 * service process, the PostgreSQL server (postmaster and its backends) and this JVM (the HTTP clients). Diagnostic
 * only; on other systems every figure reads 0.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    record Snapshot(long nanos, long machineBusy, long machineTotal, long service, long postgres, long self) {
    }

    /** Cores used on average between two snapshots. */
    record Usage(double machine, int cores, double service, double postgres, double clients, double other) {

        String describe() {
            return String.format(Locale.ROOT, "%.2f of %d cores busy: service %.2f, PostgreSQL %.2f, clients %.2f, other processes %.2f",
                    machine, cores, service, postgres, clients, other);
        }
    }

    private final long servicePid;
    private final long postmasterPid;
    private final long selfPid = ProcessHandle.current().pid();

    CpuMeter(long servicePid, long postmasterPid) {
        this.servicePid = servicePid;
        this.postmasterPid = postmasterPid;
    }

    Snapshot snapshot() {
        long busy = 0;
        long total = 0;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal guest guest_nice
            for (int i = 1; i <= 8 && i < f.length; i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i != 4 && i != 5) {
                    busy += v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: zeros
        }
        long postgres = 0;
        if (postmasterPid > 0) {
            // the postmaster itself, the backends it has reaped (cutime + cstime: connections closed meanwhile) and
            // its live children
            long[] postmaster = stat(postmasterPid);
            postgres = postmaster == null ? 0 : postmaster[1] + postmaster[2];
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    long[] stat = stat(Long.parseLong(p.getFileName().toString()));
                    if (stat != null && stat[0] == postmasterPid) {
                        postgres += stat[1];
                    }
                }
            } catch (IOException | RuntimeException e) {
                // ignore
            }
        }
        return new Snapshot(System.nanoTime(), busy, total, ticks(servicePid), postgres, ticks(selfPid));
    }

    /**
     * Waits until {@code from} (a {@link System#nanoTime()}), measures until {@code to}, then waits for the workers
     * to count {@code done} down; the usage between {@code from} and {@code to}.
     */
    Usage window(long from, long to, CountDownLatch done) throws InterruptedException {
        LockSupport.parkNanos(from - System.nanoTime());
        Snapshot a = snapshot();
        LockSupport.parkNanos(to - System.nanoTime());
        Snapshot b = snapshot();
        done.await();
        return between(a, b);
    }

    Usage between(Snapshot a, Snapshot b) {
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        double machine = b.machineTotal() == a.machineTotal() ? 0
                : cores * (double) (b.machineBusy() - a.machineBusy()) / (b.machineTotal() - a.machineTotal());
        double service = (b.service() - a.service()) / TICKS_PER_SECOND / seconds;
        double postgres = (b.postgres() - a.postgres()) / TICKS_PER_SECOND / seconds;
        double clients = (b.self() - a.self()) / TICKS_PER_SECOND / seconds;
        return new Usage(machine, cores, service, postgres, clients, Math.max(0, machine - service - postgres - clients));
    }

    private static long ticks(long pid) {
        long[] stat = stat(pid);
        return stat == null ? 0 : stat[1];
    }

    /** {ppid, utime + stime, cutime + cstime (reaped children)} of a process, or null. */
    private static long[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
            // cutime cstime
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                    Long.parseLong(f[13]) + Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The postmaster's pid from the first line of postmaster.pid in a data directory, or 0. */
    static long postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return Long.parseLong(lines.get(0).strip());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
