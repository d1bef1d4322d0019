package dev.reel.bench.e2e;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time and wake-ups of a process tree over a window, thread by thread, to the nanosecond:
 * each thread's {@code /proc/PID/task/TID/schedstat} (time on a CPU, and the number of timeslices
 * it ran — one per wake-up, or more when preempted), read when the window opens, at every
 * {@link #sample()} and when it closes. A thread that starts inside the window counts from zero;
 * one that ends inside it counts up to the last read that saw it, so its CPU after that read is
 * missing, and {@link Window#exitedThreads()} says how many such threads there were. The tree's
 * {@code /proc/PID/stat} time (10 ms clock ticks, which include ended threads) is kept beside it as
 * a cross-check. Not thread-safe: one caller opens, samples and closes a window. Public for the
 * audio benchmark, which reads its own JVM's threads with it.
 */
public final class TreeCpu {

    private final long pid;
    private final long wallStart;
    private final long tickStart;
    /** When the window opened, in the clock ticks since boot that a thread's start time is given in. */
    private final long bootTicksAtOpen;
    private final Map<ThreadId, Use> threads = new HashMap<>();
    private int pass;

    private TreeCpu(long pid) {
        this.pid = pid;
        this.tickStart = ProcessTree.cpuNanos(pid);
        this.wallStart = System.nanoTime();
        this.bootTicksAtOpen = ProcessTree.uptimeTicks();
        read(true);
    }

    /** Opens a window over {@code pid} and its descendants now. */
    public static TreeCpu open(long pid) {
        return new TreeCpu(pid);
    }

    /** Reads every thread of the tree again: call it often (every second) when threads may end. */
    public void sample() {
        read(false);
    }

    /** Closes the window now and sums it up. */
    public Window close() {
        read(false);
        long wall = System.nanoTime() - wallStart;
        long ticks = ProcessTree.cpuNanos(pid) - tickStart;
        Map<String, ThreadUse> byName = new LinkedHashMap<>();
        long cpu = 0;
        long slices = 0;
        int started = 0;
        int exited = 0;
        for (Use use : threads.values()) {
            long usedCpu = use.cpu - use.cpuAtStart;
            long usedSlices = use.slices - use.slicesAtStart;
            cpu += usedCpu;
            slices += usedSlices;
            started += use.startedInside ? 1 : 0;
            exited += use.lastPass != pass ? 1 : 0;
            byName.merge(use.name, new ThreadUse(use.name, usedCpu, usedSlices, 1), ThreadUse::plus);
        }
        List<ThreadUse> busy = byName.values().stream().filter(t -> t.cpuNanos() > 0 || t.slices() > 0)
                .sorted(Comparator.comparingLong(ThreadUse::cpuNanos).reversed()).toList();
        return new Window(wall, cpu, slices, busy, started, exited, ticks);
    }

    /**
     * One read of every live thread; {@code opening} marks the threads found then as present from
     * the start (their counters so far are not the window's).
     */
    private void read(boolean opening) {
        pass++;
        for (long member : ProcessTree.members(pid)) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(member), "task"))) {
                for (Path task : tasks) {
                    readThread(task, opening);
                }
            } catch (IOException e) {
                // the process ended meanwhile: its threads keep their last reads
            }
        }
    }

    private void readThread(Path task, boolean opening) {
        String stat;
        String[] schedstat;
        try {
            stat = Files.readString(task.resolve("stat"));
            schedstat = Files.readString(task.resolve("schedstat")).trim().split(" ");
        } catch (IOException e) {
            return; // the thread ended between the listing and the read
        }
        int close = stat.lastIndexOf(')');
        String name = stat.substring(stat.indexOf('(') + 1, close);
        // Field 22 of stat, the start time, tells a new thread from an old one whose id was reused.
        long startTime = Long.parseLong(stat.substring(close + 2).split(" ")[19]);
        ThreadId id = new ThreadId(Long.parseLong(task.getFileName().toString()), startTime);
        long cpu = Long.parseLong(schedstat[0]);
        long slices = Long.parseLong(schedstat[2]);
        // A thread first seen later that is older than the window was missed by the opening read
        // (it ended then, or the listing raced): its counters from now on are all that is known.
        boolean startedInside = !opening && startTime >= bootTicksAtOpen;
        Use use = threads.computeIfAbsent(id, k -> new Use(name, startedInside ? 0 : cpu, startedInside ? 0 : slices,
                startedInside));
        use.cpu = cpu;
        use.slices = slices;
        use.lastPass = pass;
    }

    private record ThreadId(long tid, long startTime) {
    }

    /** What one thread has used so far, and what it had used when the window opened. */
    private static final class Use {
        final String name;
        final long cpuAtStart;
        final long slicesAtStart;
        final boolean startedInside;
        long cpu;
        long slices;
        int lastPass;

        Use(String name, long cpuAtStart, long slicesAtStart, boolean startedInside) {
            this.name = name;
            this.cpuAtStart = cpuAtStart;
            this.slicesAtStart = slicesAtStart;
            this.startedInside = startedInside;
        }
    }

    /** The CPU and timeslices of the threads of one name (the kernel's 15-character {@code comm}). */
    public record ThreadUse(String name, long cpuNanos, long slices, int threads) {

        ThreadUse plus(ThreadUse other) {
            return new ThreadUse(name, cpuNanos + other.cpuNanos, slices + other.slices, threads + other.threads);
        }
    }

    /**
     * One closed window.
     *
     * @param threads the threads that ran in it, by name, busiest first
     * @param startedThreads threads that started inside the window (counted from zero)
     * @param exitedThreads threads that ended inside it (counted up to the last read that saw them)
     * @param tickCpuNanos the tree's CPU by {@code /proc/PID/stat}, in 10 ms ticks, for comparison
     */
    public record Window(long wallNanos, long cpuNanos, long slices, List<ThreadUse> threads, int startedThreads,
            int exitedThreads, long tickCpuNanos) {

        /** CPU time ÷ wall time, in percent of one core. */
        public double cpuPercent() {
            return 100.0 * cpuNanos / wallNanos;
        }

        /** Timeslices run per second: how often the tree's threads woke up. */
        public double wakeupsPerSecond() {
            return slices * 1e9 / wallNanos;
        }

        /** The same quotient from {@code /proc/PID/stat}'s clock ticks. */
        public double tickCpuPercent() {
            return 100.0 * tickCpuNanos / wallNanos;
        }

        /** {@code threaded-ml 0.370 % 61.7/s, reel-audio 0.308 % 11.3/s, …}: each name that ran. */
        public String describe() {
            return threads.stream().map(t -> String.format(Locale.ROOT, "%s%s %.4f %% %.2f/s", t.name(),
                    t.threads() > 1 ? " ×" + t.threads() : "", 100.0 * t.cpuNanos() / wallNanos,
                    t.slices() * 1e9 / wallNanos)).collect(Collectors.joining(", "));
        }

        /** What the window saw of threads coming and going, or "" when the thread set stayed the same. */
        public String churn() {
            List<String> parts = new ArrayList<>();
            if (startedThreads > 0) {
                parts.add(startedThreads + " thread(s) started (counted from zero)");
            }
            if (exitedThreads > 0) {
                parts.add(exitedThreads + " ended (counted up to the last 1 s read)");
            }
            return String.join(", ", parts);
        }
    }
}
