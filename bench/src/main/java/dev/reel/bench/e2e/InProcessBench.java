package dev.reel.bench.e2e;

import dev.reel.audio.LineSink;
import dev.reel.core.player.MediaRequest;
import dev.reel.core.player.Player;
import dev.reel.core.player.PlayerConfig;
import dev.reel.core.player.PlayerEvent;
import dev.reel.testkit.EventLog;
import dev.reel.testkit.Faults;
import dev.reel.testkit.RangeServer;
import dev.reel.testkit.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The measurements made inside one JVM on a {@link Player} playing through a real
 * {@code SourceDataLine} (whatever ALSA's default device is in this process: the file capture for
 * time to first audio, a PulseAudio null sink for everything that needs real time). Started by
 * {@link Main} in a child JVM; prints {@link Row}s, one a line, on standard output.
 *
 * <p>Arguments: comma-separated scenarios ({@code first-audio}, {@code seek}, {@code efficiency},
 * {@code stall}), runs, quick ({@code true}/{@code false}).
 */
public final class InProcessBench {

    private static final String SUBJECT = "Reel in-process";
    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final long BITRATE = Media.BYTES_PER_SECOND;

    private final RangeServer server;
    private final int runs;
    private final boolean quick;
    private final WriteClock clock = new WriteClock();
    private final PlayerConfig config = new PlayerConfig(() -> new TimingSink(new LineSink(null), clock));
    private int paths;

    private InProcessBench(RangeServer server, int runs, boolean quick) {
        this.server = server;
        this.runs = runs;
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        Set<String> scenarios = Set.of(args[0].split(","));
        try (RangeServer server = RangeServer.start()) {
            InProcessBench bench = new InProcessBench(server, Integer.parseInt(args[1]), Boolean.parseBoolean(args[2]));
            for (String scenario : List.of("first-audio", "seek", "efficiency", "stall")) {
                if (scenarios.contains(scenario)) {
                    try {
                        bench.run(scenario);
                    } catch (Exception | AssertionError e) {
                        note(scenario + " failed: " + e);
                    }
                }
            }
        }
        System.out.flush();
        System.exit(0);
    }

    private void run(String scenario) throws Exception {
        switch (scenario) {
            case "first-audio" -> firstAudio();
            case "seek" -> {
                seeks(0);
                seeks(50);
            }
            case "efficiency" -> {
                startAtHalf();
                session();
            }
            case "stall" -> {
                bandwidth();
                stalls();
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    /** A new path on the server for {@code resource}'s content, so that no spool already holds it. */
    private String serve(double seconds, Faults faults) {
        String path = "/m" + (++paths) + ".wav";
        Resource resource = server.add(Media.wav(path, seconds));
        server.setFaults(resource.path(), faults);
        return server.url(path);
    }

    private static long frameOf(double seconds) {
        return Math.round(seconds * Media.RATE);
    }

    /** Milliseconds from {@code since} to the first write that begins at {@code frame}, or fails. */
    private double msUntilFrame(long since, long frame) throws InterruptedException {
        WriteClock.Mark mark = clock.await(since, f -> f == frame, LIMIT);
        if (mark == null) {
            throw new IllegalStateException("frame " + frame + " never reached the line");
        }
        return (mark.nanos() - since) / 1e6;
    }

    /** Opens {@code request} and returns the milliseconds until the first block of its start reached the line. */
    private double openTimed(Player player, MediaRequest request) throws InterruptedException {
        clock.clear();
        long start = System.nanoTime();
        player.open(request);
        return msUntilFrame(start, frameOf(request.startSeconds()));
    }

    /** Ended or Error, whichever comes first; null when neither comes within {@code timeout}. */
    private static PlayerEvent awaitEnd(EventLog<PlayerEvent> events, Duration timeout) throws InterruptedException {
        return events.await(e -> e instanceof PlayerEvent.Ended || e instanceof PlayerEvent.Error, timeout).orElse(null);
    }

    private void firstAudio() throws Exception {
        List<Double> warm = new ArrayList<>();
        List<Double> lineOpen = new ArrayList<>();
        double cold = -1;
        // A player per run: a stopped medium's download goes on in its player's spool cache, and
        // earlier runs' 100 MB downloads at loopback speed would compete with the run measured.
        for (int run = 0; run <= runs; run++) {
            try (Player player = new Player(config)) {
                long start = System.nanoTime();
                double ms = openTimed(player, MediaRequest.of(serve(600, Faults.NONE)));
                if (run == 0) {
                    cold = ms;
                } else {
                    warm.add(ms);
                    WriteClock.Mark opened = clock.await(start, f -> f == WriteClock.OPENED, Duration.ZERO);
                    if (opened != null) {
                        lineOpen.add((opened.nanos() - start) / 1e6);
                    }
                }
            }
        }
        row("play → first block at the line, first open in a fresh JVM", "ms", List.of(cold), 1, "≤ 20 ms", cold <= 20);
        row("play → first block at the line", "ms", warm, 1, "≤ 20 ms", Summary.of(warm).median() <= 20);
        if (!lineOpen.isEmpty()) {
            row("of which play → line opened", "ms", lineOpen, 1, "", null);
        }
    }

    /** Seeks inside the spooled data and past it, with {@code latencyMillis} added to every response. */
    private void seeks(long latencyMillis) throws Exception {
        String url = serve(600, Faults.NONE.withBandwidth(4 * BITRATE).withLatency(Duration.ofMillis(latencyMillis)));
        List<Double> inside = new ArrayList<>();
        List<Double> past = new ArrayList<>();
        Random random = new Random(42);
        try (Player player = new Player(config)) {
            openTimed(player, MediaRequest.of(url));
            TimeUnit.SECONDS.sleep(2);
            for (int run = 0; run < runs; run++) {
                long frame = frameOf(0.2 + random.nextDouble() * 1.3);
                long since = System.nanoTime();
                player.seekTo((double) frame / Media.RATE);
                inside.add(msUntilFrame(since, frame));
                TimeUnit.MILLISECONDS.sleep(300);

                // Spread over 100-590 s whatever the number of runs: each lies past what the
                // earlier seeks' downloads reached, and inside the 600 s file.
                frame = frameOf(100 + run * 480.0 / runs + random.nextDouble() * 10);
                since = System.nanoTime();
                player.seekTo((double) frame / Media.RATE);
                past.add(msUntilFrame(since, frame));
                TimeUnit.MILLISECONDS.sleep(300);
            }
        }
        String latency = " (" + latencyMillis + " ms latency)";
        row("seek inside spooled data → first block" + latency, "ms", inside, 1, "≤ 30 ms",
                Summary.of(inside).median() <= 30);
        row("seek past the download → first block" + latency, "ms", past, 1, "≤ " + (latencyMillis + 30) + " ms",
                Summary.of(past).median() <= latencyMillis + 30);
    }

    /**
     * Opens at 50 % and counts what was fetched of that URL by the time the first block reaches
     * the line. Each run has a player (and spool cache) of its own, closed after it, so that no
     * earlier run's download still fills its holes meanwhile.
     */
    private void startAtHalf() throws Exception {
        List<Double> fetched = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            String url = serve(600, Faults.NONE);
            String path = Fetched.path(url);
            server.clearLog();
            try (Player player = new Player(config)) {
                openTimed(player, new MediaRequest(url, Optional.empty(), 300));
                fetched.add(Fetched.bytes(server, path) / 1e6);
                before.add(Fetched.before(server, path, Media.dataOffset() + frameOf(300) * Media.FRAME) / 1024.0);
            }
        }
        row("play from 50 %: bytes fetched before first audio", "MB", fetched, 2, "", null);
        row("play from 50 %: bytes fetched before the target", "KiB", before, 0, "≤ 256 KiB",
                Summary.of(before).median() <= 256);
    }

    /** Play, seek forward past the download, seek back to the start, play to the end: what was fetched. */
    private void session() throws Exception {
        List<Double> ratios = new ArrayList<>();
        List<Double> requests = new ArrayList<>();
        double seconds = quick ? 10 : 20;
        for (int run = 0; run < Math.min(runs, quick ? 1 : 3); run++) {
            String url = serve(seconds, Faults.NONE.withBandwidth(2 * BITRATE));
            server.clearLog();
            EventLog<PlayerEvent> events = new EventLog<>();
            try (Player player = new Player(config)) {
                player.addListener(events);
                openTimed(player, MediaRequest.of(url));
                TimeUnit.SECONDS.sleep(2);
                long forward = frameOf(seconds * 0.8);
                long since = System.nanoTime();
                player.seekTo((double) forward / Media.RATE);
                msUntilFrame(since, forward);
                TimeUnit.SECONDS.sleep(2);
                since = System.nanoTime();
                player.seekTo(0);
                msUntilFrame(since, 0);
                PlayerEvent end = awaitEnd(events, Duration.ofSeconds((long) seconds * 3 + 10));
                if (!(end instanceof PlayerEvent.Ended)) {
                    throw new IllegalStateException("session did not end: " + end);
                }
                long length = Media.dataOffset() + frameOf(seconds) * Media.FRAME;
                server.awaitExchanges(1, LIMIT);
                ratios.add((double) Fetched.bytes(server, Fetched.path(url)) / length);
                requests.add((double) Fetched.exchanges(server, Fetched.path(url)).size());
            }
        }
        row("scripted session (play, seek past download, seek back, play to end): fetched ÷ needed", "",
                ratios, 3, "≤ 1.05", Summary.of(ratios).median() <= 1.05);
        row("scripted session: HTTP requests", "", requests, 0, "", null);
    }

    /** Plays through servers slower and slower, relative to the bitrate: the lowest rate without an underrun. */
    private void bandwidth() throws Exception {
        double[] multiples = quick ? new double[] {2.0, 1.25, 1.05} : new double[] {2.0, 1.5, 1.25, 1.1, 1.05};
        double seconds = quick ? 5 : 8;
        double lowest = Double.NaN;
        double lowestAfterStart = Double.NaN;
        StringBuilder detail = new StringBuilder();
        for (double multiple : multiples) {
            Underruns underruns = playCounting(serve(seconds, Faults.NONE.withBandwidth((long) (multiple * BITRATE))),
                    seconds);
            detail.append(String.format(Locale.ROOT, " %.2f×: %s;", multiple, underruns.describe()));
            lowest = underruns.count() == 0 ? multiple : lowest;
            lowestAfterStart = underruns.afterStart() == 0 ? multiple : lowestAfterStart;
        }
        note("underruns by server bandwidth (× bitrate, " + seconds + " s file):" + detail);
        resilience("lowest server bandwidth without an underrun", "× bitrate", lowest, lowestAfterStart, 2);
    }

    /** Stalls the server mid-body for longer and longer: the largest stall without an underrun. */
    private void stalls() throws Exception {
        long[] stallsMs = quick ? new long[] {500, 2000} : new long[] {250, 500, 1000, 2000, 4000};
        double seconds = quick ? 6 : 10;
        double largest = Double.NaN;
        double largestAfterStart = Double.NaN;
        StringBuilder detail = new StringBuilder();
        for (long stall : stallsMs) {
            long offset = Media.dataOffset() + frameOf(seconds * 0.4) * Media.FRAME;
            Underruns underruns = playCounting(serve(seconds, Faults.NONE.withBandwidth(2 * BITRATE)
                    .withStall(offset, Duration.ofMillis(stall))), seconds);
            detail.append(" ").append(stall).append(" ms: ").append(underruns.describe()).append(';');
            largest = underruns.count() == 0 ? stall : largest;
            largestAfterStart = underruns.afterStart() == 0 ? stall : largestAfterStart;
        }
        note("underruns by stall length (server at 2× bitrate, stall at 40 % of a " + seconds + " s file):" + detail);
        resilience("largest mid-body stall without an underrun (server at 2× bitrate)", "ms", largest,
                largestAfterStart, 0);
    }

    /**
     * Rows for a resilience figure: with every underrun counted, and without the one at the start
     * (before the first position), which says whether playback starts too early rather than how it
     * copes with the network. NaN: no tested setting passed.
     */
    private static void resilience(String metric, String unit, double all, double afterStart, int decimals) {
        if (Double.isNaN(all)) {
            note(metric + ": none of the tested settings played without an underrun");
        } else {
            row(metric, unit, List.of(all), decimals, "", null);
        }
        if (!Double.isNaN(afterStart)) {
            row(metric + ", not counting one at 0.00 s", unit, List.of(afterStart), decimals, "", null);
        }
    }

    /** The underruns of one playthrough: how many, and where (audible position) and how long each was. */
    private record Underruns(long count, long afterStart, List<String> at) {
        String describe() {
            return count + (at.isEmpty() ? "" : " " + at);
        }
    }

    /** Plays {@code url} to its end in real time and returns the underruns reported. */
    private Underruns playCounting(String url, double seconds) throws Exception {
        EventLog<PlayerEvent> events = new EventLog<>();
        try (Player player = new Player(config)) {
            player.addListener(events);
            player.open(MediaRequest.of(url));
            PlayerEvent end = awaitEnd(events, Duration.ofSeconds((long) seconds * 4 + 10));
            if (!(end instanceof PlayerEvent.Ended)) {
                throw new IllegalStateException(url + " did not play to the end: " + end);
            }
        }
        List<String> at = new ArrayList<>();
        double position = 0;
        long count = 0;
        long afterStart = 0;
        for (PlayerEvent e : events.all()) {
            if (e instanceof PlayerEvent.Position p) {
                position = p.seconds();
            } else if (e instanceof PlayerEvent.Underrun u) {
                count++;
                afterStart += position > 0 ? 1 : 0;
                at.add(String.format(Locale.ROOT, "at %.2f s for %d ms", position, u.gapMillis()));
            }
        }
        return new Underruns(count, afterStart, at);
    }

    private static void row(String metric, String unit, List<Double> values, int decimals, String target, Boolean met) {
        System.out.println(new Row(metric, SUBJECT, unit, values, decimals, target, met).encode());
    }

    private static void note(String text) {
        System.out.println("NOTE\t" + text);
    }
}
