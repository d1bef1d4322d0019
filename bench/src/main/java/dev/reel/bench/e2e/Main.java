package dev.reel.bench.e2e;

import dev.reel.testkit.Faults;
import dev.reel.testkit.RangeServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Reel's end-to-end benchmark: starts its own loopback range server (and a PulseAudio null sink
 * for real-time playback), measures Reel in-process and through its launcher, and the installed
 * external players side by side, and prints one Markdown table. Run by hand (see
 * README.md, "Performance"), never by the tests.
 */
public final class Main {

    static final String LONG = "/600s.wav";
    static final String HUGE = "/2GiB.wav";
    static final double LONG_SECONDS = 600;
    /** The figure for mpv, process start → first audio, used when mpv is not installed. */
    static final double MPV_REFERENCE = 0.141;
    /** "About 0 CPU while paused", in percent of a core. */
    static final double PAUSED_CPU_LIMIT = 0.05;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path work = Files.createTempDirectory("reel-bench-");
        work.toFile().setWritable(true, false);
        work.toFile().setExecutable(true, false);
        Report report = new Report();
        report.note("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + "; server on 127.0.0.1, bandwidth "
                + (options.bandwidth() == 0 ? "unlimited" : options.bandwidth() + " B/s") + ", added latency "
                + options.latencyMillis() + " ms; audio 44.1 kHz 16-bit stereo (176.4 kB/s).");
        PulseDaemon pulse = startPulse(work, report);
        try (RangeServer server = RangeServer.start()) {
            Path fileConfig = AlsaConfig.fileCapture(work.resolve("alsa-file.conf"), work.resolve("capture"));
            Path pulseConfig = pulse == null ? null : AlsaConfig.pulse(work.resolve("alsa-pulse.conf"), pulse.socket());

            if (!options.costOnly()) {
                runChild(options, fileConfig, "first-audio", report);
                if (pulseConfig != null) {
                    runChild(options, pulseConfig, "seek,efficiency,stall", report);
                }
            }

            if (options.processes()) {
                server.add(Media.wav(LONG, LONG_SECONDS));
                server.add(Media.wavOfFrames(HUGE, ((2L << 30) - Media.dataOffset()) / Media.FRAME));
                Faults network = Faults.NONE.withBandwidth(options.bandwidth())
                        .withLatency(Duration.ofMillis(options.latencyMillis()));
                server.setFaults(LONG, network);
                server.setFaults(HUGE, network);
                measureProcesses(options, new ProcessBench(options, server, work, fileConfig, pulseConfig),
                        pulseConfig != null, report);
            }
        } finally {
            if (pulse != null) {
                pulse.close();
            }
        }
        report.print(System.out);
        System.out.println();
        System.out.println("Work files (players' stderr, captures): " + work);
    }

    private static PulseDaemon startPulse(Path work, Report report) throws InterruptedException {
        try {
            return PulseDaemon.start(work.resolve("pulse"));
        } catch (IOException e) {
            report.note("No PulseAudio null sink (" + e.getMessage() + "): real-time measurements skipped.");
            return null;
        }
    }

    private static void measureProcesses(Options options, ProcessBench bench, boolean realTime, Report report)
            throws IOException, InterruptedException {
        List<PlayerProcess> players = new ArrayList<>();
        if (Files.isExecutable(options.launcher())) {
            players.add(PlayerProcess.reel(options.launcher()));
        } else {
            report.note("No launcher at " + options.launcher() + " (build it with ./mvnw package): reel play skipped.");
        }
        if (options.externals()) {
            players.addAll(PlayerProcess.externals());
        }
        if (!options.costOnly()) {
            measureStarts(options, bench, players, report);
        }
        if (!realTime) {
            return;
        }
        measureCosts(options, bench, players, report);
        if (!options.costOnly() && !players.isEmpty() && players.get(0).name().equals("reel play")) {
            measureStream(options, bench, players.get(0), report);
        }
    }

    private static void measureStarts(Options options, ProcessBench bench, List<PlayerProcess> players, Report report)
            throws IOException, InterruptedException {
        Map<PlayerProcess, List<ProcessBench.Start>> firstAudio = new LinkedHashMap<>();
        players.forEach(player -> firstAudio.put(player, new ArrayList<>()));
        // Round by round, each player once a round, after a round that is not counted: the first
        // launches after the in-process JVMs are slower for every player, and load that drifts
        // during the run then weighs on every player alike, not on whichever ran its runs then.
        for (int round = -1; round < options.runs(); round++) {
            for (PlayerProcess player : players) {
                ProcessBench.Start start = bench.firstAudio(player, LONG, 0, 0);
                if (round >= 0) {
                    firstAudio.get(player).add(start);
                }
            }
        }
        List<Double> mpvSeconds = startsOf(firstAudio, "mpv").stream().filter(s -> s.seconds() >= 0)
                .map(ProcessBench.Start::seconds).toList();
        double mpv = mpvSeconds.isEmpty() ? MPV_REFERENCE : Summary.of(mpvSeconds).median();
        firstAudio.forEach((player, starts) -> addStarts(report, player, starts, "process start → first audio",
                ProcessBench.Start::seconds, "s", 3, mpv));
        addRatioToMpv(report, firstAudio);
        long half = Media.dataOffset() + (long) (LONG_SECONDS / 2 * Media.BYTES_PER_SECOND);
        for (PlayerProcess player : players) {
            List<ProcessBench.Start> starts = new ArrayList<>();
            for (int run = 0; run < options.runs(); run++) {
                starts.add(bench.firstAudio(player, LONG, LONG_SECONDS / 2, half));
            }
            addStarts(report, player, starts, "play from 50 %: bytes fetched before first audio",
                    s -> s.bytesFetched() / 1e6, "MB", 2, Double.NaN);
            addStarts(report, player, starts, "play from 50 %: bytes fetched before the target",
                    s -> s.bytesBeforeTarget() / 1024.0, "KiB", 0, Double.NaN);
        }
    }

    private static void measureCosts(Options options, ProcessBench bench, List<PlayerProcess> players, Report report)
            throws IOException, InterruptedException {
        report.note("CPU ÷ wall: the process tree's CPU time over the window, the sum over its threads of "
                + "/proc/PID/task/TID/schedstat (nanoseconds on a CPU), read every second; wake-ups: the timeslices "
                + "its threads ran (schedstat's third field) per second. \"≈ 0 while paused\" is met at ≤ "
                + PAUSED_CPU_LIMIT + " % of a core: 0.5 ms of CPU a second, half of what aplay spends playing.");
        for (PlayerProcess player : players) {
            boolean reel = player.name().equals("reel play");
            ProcessBench.Cost cost = bench.cost(player, LONG, reel);
            TreeCpu.Window playing = cost.playing();
            report.add(new Row("CPU ÷ wall while playing in real time (" + options.window() + " s)", player.name(), "%",
                    List.of(playing.cpuPercent()), 2, reel ? "≤ 0.7 % (VLC)" : "", reel ? playing.cpuPercent() <= 0.7 : null));
            report.add(new Row("wake-ups per second while playing", player.name(), "/s",
                    List.of(playing.wakeupsPerSecond()), 1, "", null));
            noteWindow(report, player.name() + " playing", playing, reel);
            if (reel) {
                TreeCpu.Window paused = cost.paused();
                report.add(new Row("CPU ÷ wall while paused (" + options.window() + " s)", player.name(), "%",
                        List.of(paused.cpuPercent()), 3, "≈ 0 (≤ " + PAUSED_CPU_LIMIT + " %)",
                        paused.cpuPercent() <= PAUSED_CPU_LIMIT));
                report.add(new Row("wake-ups per second while paused", player.name(), "/s",
                        List.of(paused.wakeupsPerSecond()), 2, "", null));
                noteWindow(report, player.name() + " paused", paused, true);
            }
            double mb = cost.peakRssMiB() * 1048576 / 1e6;
            report.add(new Row("peak RSS while playing", player.name(), "MB", List.of(mb), 0,
                    reel ? "≤ 54 MB (ffplay)" : "", reel ? mb <= 54 : null));
        }
    }

    private static void measureStream(Options options, ProcessBench bench, PlayerProcess reel, Report report)
            throws IOException, InterruptedException {
        ProcessBench.Stream stream = bench.stream(reel, HUGE);
        String subject = reel.name();
        report.add(new Row("2 GiB WAV: RSS at start → end of " + options.window() + " s", subject, "MB",
                List.of(stream.rssStartMiB() * 1.048576, stream.rssEndMiB() * 1.048576), 0, "flat",
                stream.rssEndMiB() <= stream.rssStartMiB() * 1.2 + 4));
        report.add(new Row("2 GiB WAV: heap used at start → end", subject, "MiB",
                List.of(stream.heapStartMiB(), stream.heapEndMiB()), 1, "flat",
                Double.isNaN(stream.heapEndMiB()) ? null : stream.heapEndMiB() <= Math.max(16, stream.heapStartMiB() * 2)));
        report.add(new Row("2 GiB WAV: fetched during the window", subject, "MiB", List.of(stream.fetchedMiB()), 0,
                "", null));
    }

    /**
     * Notes what ran in a CPU window: thread by thread with {@code threads}, and whenever threads
     * came or went (their share is then less exact) together with the clock-tick figure.
     */
    private static void noteWindow(Report report, String what, TreeCpu.Window window, boolean threads) {
        String churn = window.churn();
        if (!churn.isEmpty()) {
            report.note(String.format(Locale.ROOT, "%s: %s; /proc/PID/stat's 10 ms ticks give %.2f %%.", what, churn,
                    window.tickCpuPercent()));
        }
        if (threads) {
            report.note(what + ", by thread (% of a core, wake-ups/s): " + window.describe() + ".");
        }
    }

    /**
     * Adds a row of start measurements; {@code mpvSeconds} is the time to first audio Reel's launcher
     * is held to, NaN for rows of other quantities.
     */
    private static void addStarts(Report report, PlayerProcess player, List<ProcessBench.Start> starts, String metric,
            ToDoubleFunction<ProcessBench.Start> value, String unit, int decimals, double mpvSeconds) {
        List<Double> values = starts.stream().filter(s -> s.seconds() >= 0).map(value::applyAsDouble).toList();
        if (values.isEmpty()) {
            report.note(player.name() + ": no audio within 15 s (" + metric + ")");
            return;
        }
        String target = "";
        Boolean met = null;
        double median = Summary.of(values).median();
        if (player.name().equals("reel play")) {
            if (!Double.isNaN(mpvSeconds)) {
                target = Summary.format(mpvSeconds, 3) + " s (mpv" + (mpvSeconds == MPV_REFERENCE ? ", reference)" : ", this run)");
                met = median <= mpvSeconds;
            } else if (unit.equals("KiB")) {
                target = "≤ 256 KiB";
                met = median <= 256;
            }
        }
        report.add(new Row(metric, player.name(), unit, values, decimals, target, met));
    }

    /**
     * Reel's start → first audio over mpv's in the same round, round by round: the ratio the
     * target is about, with less of the machine's drift in it than the two medians have.
     */
    private static void addRatioToMpv(Report report, Map<PlayerProcess, List<ProcessBench.Start>> firstAudio) {
        List<ProcessBench.Start> reel = startsOf(firstAudio, "reel play");
        List<ProcessBench.Start> mpv = startsOf(firstAudio, "mpv");
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < Math.min(reel.size(), mpv.size()); round++) {
            double reelSeconds = reel.get(round).seconds();
            double mpvSeconds = mpv.get(round).seconds();
            if (reelSeconds >= 0 && mpvSeconds > 0) {
                ratios.add(reelSeconds / mpvSeconds);
            }
        }
        if (!ratios.isEmpty()) {
            report.add(new Row("process start → first audio ÷ mpv's in the same round", "reel play", "×", ratios, 2,
                    "≤ 1.00", Summary.of(ratios).median() <= 1));
        }
    }

    /** The starts of the player named {@code name}, or none when it was not measured. */
    private static List<ProcessBench.Start> startsOf(Map<PlayerProcess, List<ProcessBench.Start>> firstAudio,
            String name) {
        return firstAudio.entrySet().stream().filter(e -> e.getKey().name().equals(name)).map(Map.Entry::getValue)
                .findFirst().orElse(List.of());
    }

    /** Runs {@link InProcessBench} in a JVM whose ALSA default device is {@code alsaConfig}'s, and adds its rows. */
    private static void runChild(Options options, Path alsaConfig, String scenarios, Report report)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InProcessBench.class.getName(), scenarios,
                String.valueOf(options.runs()), String.valueOf(options.quick())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("ALSA_CONFIG_PATH", alsaConfig.toString());
        Process child = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Row row = Row.decode(line);
                if (row != null) {
                    report.add(row);
                } else if (line.startsWith("NOTE\t")) {
                    report.note(line.substring(5));
                }
            }
        }
        if (child.waitFor() != 0) {
            report.note("in-process scenarios " + scenarios + " failed with exit code " + child.exitValue());
        }
    }
}
