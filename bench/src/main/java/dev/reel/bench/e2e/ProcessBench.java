package dev.reel.bench.e2e;

import dev.reel.testkit.RangeServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measurements made on player processes (Reel's launcher and external players) from the
 * outside: process start to the first byte at the ALSA file capture, bytes fetched before playing
 * from the middle, and CPU and memory while playing in real time through PulseAudio. Runs one
 * player process at a time; not thread-safe.
 */
final class ProcessBench {

    private static final Duration FIRST_AUDIO_LIMIT = Duration.ofSeconds(15);
    /** A generation's line of {@code GC.heap_info}: {@code def new generation   total 480K, used 123K [...}. */
    private static final Pattern GENERATION_USED = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K");

    private final Options options;
    private final RangeServer server;
    private final Path work;
    private final Path fileConfig;
    private final Path pulseConfig;
    private int launches;

    /**
     * @param pulseConfig the ALSA config that plays to PulseAudio, or null when there is none
     *     (the cost measurements are then skipped)
     */
    ProcessBench(Options options, RangeServer server, Path work, Path fileConfig, Path pulseConfig) {
        this.options = options;
        this.server = server;
        this.work = work;
        this.fileConfig = fileConfig;
        this.pulseConfig = pulseConfig;
    }

    /** What one start of a player measured; -1 where it did not get that far. */
    record Start(double seconds, long bytesFetched, long bytesBeforeTarget) {
    }

    /**
     * Starts {@code player} on {@code path} from {@code startSeconds} with the file capture as its
     * device, waits for the first captured byte, and stops it.
     */
    Start firstAudio(PlayerProcess player, String path, double startSeconds, long targetOffset)
            throws IOException, InterruptedException {
        Path captureDir = work.resolve("capture-" + (launches + 1));
        try (CaptureWatch watch = new CaptureWatch(captureDir)) {
            server.clearLog();
            Path alsa = AlsaConfig.fileCapture(captureDir.resolveSibling(captureDir.getFileName() + ".conf"), captureDir);
            long start = System.nanoTime();
            Process process = launch(player, server.url(path), startSeconds, alsa, "first-audio");
            try {
                long first = watch.awaitFirstByte(FIRST_AUDIO_LIMIT);
                if (first < 0) {
                    return new Start(-1, -1, -1);
                }
                long fetched = Fetched.bytes(server, path);
                long before = Fetched.before(server, path, targetOffset);
                return new Start((first - start) / 1e9, fetched, before);
            } finally {
                stop(process);
            }
        }
    }

    /**
     * What one cost measurement found.
     *
     * @param paused the window after {@code pause}, or null when the player was not paused
     */
    record Cost(TreeCpu.Window playing, TreeCpu.Window paused, double peakRssMiB) {
    }

    /**
     * Plays {@code path} in real time through PulseAudio for a warm-up and then a window of
     * {@code --window} seconds, measuring CPU, wake-ups and peak RSS of the process tree; with
     * {@code pause}, then sends {@code pause} on its standard input and measures a window as long
     * again while it is paused.
     */
    Cost cost(PlayerProcess player, String path, boolean pause) throws IOException, InterruptedException {
        Process process = launch(player, server.url(path), 0, pulseConfig, "cost");
        try {
            TimeUnit.SECONDS.sleep(options.quick() ? 3 : 5);
            long[] peak = {0};
            TreeCpu.Window playing = window(process.pid(), options.window(), peak);
            TreeCpu.Window paused = null;
            if (pause) {
                OutputStream in = process.getOutputStream();
                in.write("pause\n".getBytes(StandardCharsets.US_ASCII));
                in.flush();
                TimeUnit.SECONDS.sleep(1);
                paused = window(process.pid(), options.window(), peak);
            }
            return new Cost(playing, paused, Math.max(peak[0], ProcessTree.peakRssBytes(process.pid())) / 1048576.0);
        } finally {
            stop(process);
        }
    }

    /** RSS and heap at the start and the end of a window of streaming, and what was fetched. */
    record Stream(double rssStartMiB, double rssEndMiB, double rssMaxMiB, double heapStartMiB, double heapEndMiB,
            double fetchedMiB) {
    }

    /** Plays the huge {@code path} in real time through PulseAudio and watches memory while it downloads. */
    Stream stream(PlayerProcess player, String path) throws IOException, InterruptedException {
        server.clearLog();
        Process process = launch(player, server.url(path), 0, pulseConfig, "stream");
        try {
            TimeUnit.SECONDS.sleep(2);
            double rssStart = ProcessTree.rssBytes(process.pid()) / 1048576.0;
            double heapStart = heapUsedMiB(process.pid());
            double rssMax = rssStart;
            for (int s = 0; s < options.window(); s++) {
                TimeUnit.SECONDS.sleep(1);
                rssMax = Math.max(rssMax, ProcessTree.rssBytes(process.pid()) / 1048576.0);
            }
            double rssEnd = ProcessTree.rssBytes(process.pid()) / 1048576.0;
            double heapEnd = heapUsedMiB(process.pid());
            return new Stream(rssStart, rssEnd, rssMax, heapStart, heapEnd, server.bodyBytesSent() / 1048576.0);
        } finally {
            stop(process);
        }
    }

    /** A CPU window of {@code seconds} over the tree, read every second (with its RSS, for the peak). */
    private static TreeCpu.Window window(long pid, int seconds, long[] peakRss) throws InterruptedException {
        TreeCpu cpu = TreeCpu.open(pid);
        for (int s = 0; s < seconds; s++) {
            TimeUnit.SECONDS.sleep(1);
            cpu.sample();
            peakRss[0] = Math.max(peakRss[0], ProcessTree.rssBytes(pid));
        }
        return cpu.close();
    }

    /** The JVM's used heap, all generations, by {@code jcmd PID GC.heap_info}; NaN where that does not answer. */
    private double heapUsedMiB(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(10, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            return Double.NaN;
        }
        Matcher used = GENERATION_USED.matcher(output);
        long kib = 0;
        boolean found = false;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
            found = true;
        }
        return found ? kib / 1024.0 : Double.NaN;
    }

    private Process launch(PlayerProcess player, String url, double startSeconds, Path alsaConfig, String what)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(player.command(url, startSeconds))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(work.resolve(String.format(Locale.ROOT, "%s-%s-%d.err",
                        player.name().replace(' ', '-'), what, ++launches)).toFile());
        builder.environment().put("ALSA_CONFIG_PATH", alsaConfig.toString());
        builder.environment().putAll(player.env());
        return builder.start();
    }

    /** Ends a process this benchmark started, and its descendants. */
    static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
        }
    }
}
