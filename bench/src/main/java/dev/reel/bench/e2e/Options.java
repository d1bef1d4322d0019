package dev.reel.bench.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's command line. Immutable.
 *
 * @param quick a short run: fewer repetitions, shorter windows
 * @param runs repetitions of each timed measurement
 * @param bandwidth the server's body rate in bytes per second for the start-up and cost
 *     measurements (0: unlimited)
 * @param latencyMillis the server's added latency per response for those measurements
 * @param window seconds of each CPU / memory measurement window
 * @param externals whether to run the installed external players side by side
 * @param launcher Reel's launcher
 * @param processes whether to measure player processes (the launcher and the external players)
 * @param costOnly whether to measure only the players' cost of playing (CPU, wake-ups, memory)
 */
record Options(boolean quick, int runs, long bandwidth, long latencyMillis, int window, boolean externals,
        Path launcher, boolean processes, boolean costOnly) {

    static final String USAGE = """
            usage: Main [--quick] [--runs N] [--bandwidth BYTES_PER_S] [--latency MS] [--window S]
                        [--no-external] [--in-process-only] [--cost-only] [--launcher PATH]
              --quick        3 runs and 8 s windows instead of 5 runs and 30 s
              --bandwidth    cap the server's body rate for the start-up and cost measurements
              --latency      add this delay to each of the server's responses for those
              --window       seconds of each CPU and memory measurement
              --no-external  do not run mpv, ffplay, ffmpeg and VLC side by side
              --in-process-only  measure only the Player inside the JVM
              --cost-only    measure only the players' CPU, wake-ups and RSS while playing
              --launcher     Reel's launcher (default app/target/reel/bin/reel)""";

    static Options parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean quick = rest.remove("--quick");
        boolean externals = !rest.remove("--no-external");
        boolean processes = !rest.remove("--in-process-only");
        boolean costOnly = rest.remove("--cost-only");
        if (costOnly && !processes) {
            throw new IllegalArgumentException("--cost-only and --in-process-only exclude each other\n" + USAGE);
        }
        int runs = quick ? 3 : 5;
        int window = quick ? 8 : 30;
        long bandwidth = 0;
        long latency = 0;
        Path launcher = Path.of("app/target/reel/bin/reel");
        for (int i = 0; i < rest.size(); i += 2) {
            String option = rest.get(i);
            if (i + 1 >= rest.size()) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            String value = rest.get(i + 1);
            switch (option) {
                case "--runs" -> runs = Integer.parseInt(value);
                case "--bandwidth" -> bandwidth = Long.parseLong(value);
                case "--latency" -> latency = Long.parseLong(value);
                case "--window" -> window = Integer.parseInt(value);
                case "--launcher" -> launcher = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        return new Options(quick, runs, bandwidth, latency, window, externals, launcher.toAbsolutePath(), processes,
                costOnly);
    }
}
