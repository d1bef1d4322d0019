package dev.reel.bench.e2e;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time and resident memory of a process and its descendants, read from {@code /proc} (Linux),
 * so that a launcher script and the JVM it starts, or a player and its helpers, count as one.
 * Stateless; each call reads {@code /proc} afresh.
 */
final class ProcessTree {

    /** Clock ticks per second of {@code /proc/PID/stat}'s times; 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessTree() {
    }

    /** User plus system CPU time of the tree, in nanoseconds. */
    static long cpuNanos(long pid) {
        long ticks = 0;
        for (long p : members(pid)) {
            String[] f = statFields(p);
            if (f != null) {
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
        }
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** Clock ticks since boot ({@code /proc/uptime}), the unit of a process's or thread's start time. */
    static long uptimeTicks() {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime"));
            return (long) (Double.parseDouble(uptime.substring(0, uptime.indexOf(' '))) * TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/uptime", e);
        }
    }

    /** Resident memory of the tree now, in bytes. */
    static long rssBytes(long pid) {
        return sumStatus(pid, "VmRSS:");
    }

    /** Peak resident memory ({@code VmHWM}) summed over the tree's live members, in bytes. */
    static long peakRssBytes(long pid) {
        return sumStatus(pid, "VmHWM:");
    }

    private static long sumStatus(long pid, String key) {
        long kib = 0;
        for (long p : members(pid)) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p), "status"))) {
                    if (line.startsWith(key)) {
                        kib += Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                    }
                }
            } catch (IOException e) {
                // the process ended meanwhile
            }
        }
        return kib * 1024;
    }

    /** {@code pid} and every live descendant. */
    static List<Long> members(long pid) {
        Map<Long, List<Long>> children = new HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                long p = Long.parseLong(proc.getFileName().toString());
                String[] f = statFields(p);
                if (f != null) {
                    children.computeIfAbsent(Long.parseLong(f[1]), k -> new ArrayList<>()).add(p);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        List<Long> members = new ArrayList<>();
        List<Long> todo = new ArrayList<>(List.of(pid));
        while (!todo.isEmpty()) {
            long p = todo.remove(todo.size() - 1);
            members.add(p);
            todo.addAll(children.getOrDefault(p, List.of()));
        }
        return members;
    }

    /** The fields of {@code /proc/PID/stat} after the command name: [0] state, [1] ppid, … [11] utime, [12] stime. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }
}
