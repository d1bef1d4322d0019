package dev.reel.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.audio.LineSink;
import dev.reel.core.player.MediaRequest;
import dev.reel.core.player.Player;
import dev.reel.core.player.PlayerConfig;
import dev.reel.core.player.PlayerEvent;
import dev.reel.core.player.PlayerState;
import dev.reel.core.source.HttpSourceOptions;
import dev.reel.core.source.RetryPolicy;
import dev.reel.core.spool.SpoolCache;
import dev.reel.core.spool.SpoolConfig;
import dev.reel.testkit.AlsaCapture;
import dev.reel.testkit.Content;
import dev.reel.testkit.EventLog;
import dev.reel.testkit.Exchange;
import dev.reel.testkit.Faults;
import dev.reel.testkit.RangeServer;
import dev.reel.testkit.Resource;
import dev.reel.testkit.Signals;
import dev.reel.testkit.WavBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault suite: each case plays a known signal from a misbehaving loopback server through the
 * real line (the ALSA file capture) and checks that what reached the device is the source's data
 * byte for byte (apart from what a seek skips), that the requests were the right ones, that the
 * case ends within its bound, and that no spool file is left behind.
 */
@Timeout(60)
class FaultSuiteTest {

    private static final int RATE = 8000;
    private static final int FRAME = 4;
    private static final long BITRATE = RATE * FRAME;
    private static final AudioFormat DEVICE = new AudioFormat(RATE, 16, 2, true, false);
    private static final Duration BOUND = Duration.ofSeconds(30);
    /** Where the seeking cases jump: 1.5 s into a 2 s file, past what a 2× bitrate server has sent by then. */
    private static final double SEEK = 1.5;
    private static final long SEEK_FRAME = 12_000;
    /**
     * Short timeouts and retries, so that every case runs in seconds (cuts every 30 or 5000 bytes
     * store less than {@link RetryPolicy#PROGRESS_BYTES} per connection, so the default policy would
     * back off to its 5 s cap), and a look-ahead far below the test files' size, so that a seek
     * past the download is a range request.
     */
    private static final HttpSourceOptions HTTP = HttpSourceOptions.DEFAULT
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
            .withRetry(new RetryPolicy(Duration.ofMillis(1), 2, Duration.ofMillis(20), 6))
            .withLookAhead(Duration.ofMillis(50), 1024);
    /** The spool keeps 16 KiB in memory, then spills: every case uses the file tier. */
    private static final long MEMORY = 16 * 1024;

    @TempDir
    Path temp;

    private RangeServer server;
    private Path spoolDir;
    private SpoolCache cache;
    private Player player;
    private final EventLog<PlayerEvent> events = new EventLog<>();

    @BeforeEach
    void start() throws IOException {
        AlsaCapture.clear();
        server = RangeServer.start();
        spoolDir = temp.resolve("spool");
    }

    @AfterEach
    void stop() throws IOException {
        if (player != null) {
            player.close();
        }
        if (cache != null) {
            cache.close();
        }
        server.close();
        assertThat(leftovers(spoolDir)).as("spool files left behind").isEmpty();
    }

    /** A WAV of {@code seconds} of the signal, and its data. */
    private record Wav(byte[] file, byte[] data) {
        static Wav of(double seconds, long firstFrame) {
            byte[] data = Signals.pcm(FRAME, firstFrame, (int) Math.round(seconds * RATE));
            return new Wav(WavBuilder.pcm(16, RATE, 2).data(data).build(), data);
        }
    }

    private String serve(String path, Wav wav, Faults faults) {
        return server.url(serveResource(path, wav, faults).path());
    }

    private Resource serveResource(String path, Wav wav, Faults faults) {
        Resource resource = server.add(path, wav.file(), "audio/wav");
        server.setFaults(resource.path(), faults);
        return resource;
    }

    /** A player whose spool spills to {@code spoolDir} after 16 KiB, so that the file tier is in every case. */
    private Player player(SpoolConfig spool) {
        cache = new SpoolCache(spool, SpoolCache.DEFAULT_MAX_BYTES, SpoolCache.DEFAULT_IDLE_TIMEOUT);
        player = new Player(new PlayerConfig(() -> new LineSink(null)).withCache(cache).withHttpOptions(HTTP));
        player.addListener(events);
        return player;
    }

    private Player player() {
        return player(new SpoolConfig(MEMORY, spoolDir, 0));
    }

    /** Plays {@code url} to its end (or failure), closes the player and returns what reached the device. */
    private byte[] playToFinish(String url) throws Exception {
        player().open(MediaRequest.of(url));
        PlayerEvent finish = awaitFinish(events);
        assertThat(finish).as("events %s", events.all()).isInstanceOf(PlayerEvent.Ended.class);
        return closeAndCapture();
    }

    private byte[] closeAndCapture() {
        player.close();
        player = null;
        return AlsaCapture.read(DEVICE);
    }

    /** Opens {@code url}, seeks to {@code seconds} as soon as it plays, and waits for the finish. */
    private PlayerEvent playWithSeek(String url, double seconds) throws Exception {
        player().open(MediaRequest.of(url));
        events.require(e -> e instanceof PlayerEvent.StateChanged s && s.state() == PlayerState.PLAYING, BOUND,
                FaultSuiteTest::telling);
        player.seekTo(seconds);
        return awaitFinish(events);
    }

    /** Ended or Error, whichever comes first; fails, naming the events and requests, when neither comes in time. */
    private PlayerEvent awaitFinish(EventLog<PlayerEvent> log) throws InterruptedException {
        try {
            return log.require(e -> e instanceof PlayerEvent.Ended || e instanceof PlayerEvent.Error, BOUND,
                    FaultSuiteTest::telling);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; requests: " + server.log() + "; in flight: " + server.active());
        }
    }

    /** Events worth showing in a failure: not the many position and download reports. */
    private static boolean telling(PlayerEvent e) {
        return !(e instanceof PlayerEvent.Position) && !(e instanceof PlayerEvent.Downloaded);
    }

    private static List<Path> leftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /**
     * Each request after the first asks, with {@code If-Range}, for a range that starts inside
     * what the previous one sent (the server cannot tell which of the bytes it wrote the client
     * read before the cut) and not before the previous start.
     */
    private static void assertRangeRequestsResumeWhereBodiesStopped(List<Exchange> log, String etag) {
        for (int i = 1; i < log.size(); i++) {
            Exchange previous = log.get(i - 1);
            Exchange e = log.get(i);
            assertThat(e.rangeStart()).as("request %d of %s", i, log)
                    .isBetween(Math.max(0, previous.bodyStart()), previous.bodyStart() + previous.bodyBytes());
            assertThat(e.ifRange()).as("request %d", i).hasValue(etag);
        }
    }

    @ParameterizedTest(name = "cut every {0} bytes")
    @ValueSource(ints = {30, 5000, 16411})
    void connectionCutEveryNBytes(int n) throws Exception {
        Wav wav = Wav.of(n < 44 ? 0.25 : 2, 0);
        Resource resource = serveResource("/cut.wav", wav, Faults.NONE.withCutEvery(n));

        byte[] captured = playToFinish(server.url(resource.path()));

        assertThat(Played.exactly(wav.data(), captured, FRAME)).isEmpty();
        List<Exchange> log = server.awaitExchanges((wav.file().length + n - 1) / n, BOUND);
        assertRangeRequestsResumeWhereBodiesStopped(log, resource.etag());
    }

    @Test
    void stallLongerThanTheReadTimeoutResumesFromTheFirstMissingByte() throws Exception {
        Wav wav = Wav.of(2, 0);
        String url = serve("/stall.wav", wav, Faults.NONE.withStall(20_000, Duration.ofMillis(1500)));

        byte[] captured = playToFinish(url);

        assertThat(Played.exactly(wav.data(), captured, FRAME)).isEmpty();
        assertThat(server.awaitExchanges(2, BOUND)).as("a range request from the byte where the body stalled")
                .anySatisfy(e -> assertThat(e.rangeStart()).isEqualTo(20_000));
    }

    @Test
    void serverDiesAndComesBack() throws Exception {
        Wav wav = Wav.of(2, 0);
        String url = serve("/dies.wav", wav, Faults.NONE.withBandwidth(BITRATE));
        player().open(MediaRequest.of(url));
        assertThat(server.awaitBodyBytes(20_000, BOUND)).isTrue();

        server.outage(Duration.ofMillis(600));
        PlayerEvent finish = awaitFinish(events);

        assertThat(finish).as("events %s", events.all()).isInstanceOf(PlayerEvent.Ended.class);
        assertThat(Played.exactly(wav.data(), closeAndCapture(), FRAME)).isEmpty();
        List<Exchange> log = server.log("/dies.wav");
        assertThat(log.get(0).complete()).isFalse();
        assertThat(log).last().satisfies(e -> {
            assertThat(e.rangeStart()).isGreaterThanOrEqualTo(20_000);
            assertThat(e.complete()).isTrue();
        });
    }

    /** Servers that cannot or will not answer a range request as asked, at twice the bitrate. */
    static Stream<Arguments> rangeRefusingServers() {
        Faults slow = Faults.NONE.withBandwidth(2 * BITRATE);
        return Stream.of(
                Arguments.of("ignores ranges", slow.withIgnoreRanges()),
                Arguments.of("advertises ranges but answers 200", slow.withAdvertiseRangesButSendAll()),
                Arguments.of("chunked without length", slow.withChunked()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rangeRefusingServers")
    void seekPastTheDownloadPlaysFromTheExactFrame(String name, Faults faults) throws Exception {
        Wav wav = Wav.of(2, 0);
        String url = serve("/seek.wav", wav, faults);

        PlayerEvent finish = playWithSeek(url, SEEK);

        assertThat(finish).as("events %s", events.all()).isInstanceOf(PlayerEvent.Ended.class);
        assertThat(Played.jumpingTo(wav.data(), closeAndCapture(), SEEK_FRAME, FRAME, true)).isEmpty();
        assertThat(server.log()).as("a range request was made").anySatisfy(e -> assertThat(e.range()).isPresent());
        if (faults.ignoreRanges()) {
            assertThat(server.log()).allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
        }
    }

    @ParameterizedTest(name = "206 shifted by {0} bytes")
    @ValueSource(ints = {-4000, 4002})
    void rangeAnsweredFromTheWrongOffsetNeverPlaysWrongBytes(int shift) throws Exception {
        Wav wav = Wav.of(2, 0);
        String url = serve("/shift.wav", wav, Faults.NONE.withRangeShift(shift).withBandwidth(2 * BITRATE));

        PlayerEvent finish = playWithSeek(url, SEEK);
        byte[] captured = closeAndCapture();

        if (finish instanceof PlayerEvent.Error error) {
            assertThat(error.message()).doesNotContain("\n");
            assertThat(Played.jumpingTo(wav.data(), captured, SEEK_FRAME, FRAME, false)).isEmpty();
        } else {
            assertThat(finish).isInstanceOf(PlayerEvent.Ended.class);
            assertThat(Played.jumpingTo(wav.data(), captured, SEEK_FRAME, FRAME, true)).isEmpty();
        }
        assertThat(server.log()).anySatisfy(e -> assertThat(e.status()).isEqualTo(206));
    }

    @Test
    void etagChangeIsNeverSpliced() throws Exception {
        Wav wav = Wav.of(2, 0);
        Wav changed = Wav.of(2, 1_000_000);
        String url = serve("/changes.wav", wav,
                Faults.NONE.withCutEvery(20_000).withChangeAfter(1, Content.of(changed.file())));

        player().open(MediaRequest.of(url));
        PlayerEvent finish = awaitFinish(events);
        byte[] captured = closeAndCapture();

        if (finish instanceof PlayerEvent.Error error) {
            assertThat(error.kind()).isEqualTo(PlayerEvent.Error.Kind.SOURCE);
            assertThat(error.message()).doesNotContain("\n");
            assertThat(Played.prefixOf(wav.data(), captured, FRAME)).isEmpty();
        } else {
            assertThat(finish).isInstanceOf(PlayerEvent.Ended.class);
            assertThat(consistentRestart(wav.data(), changed.data(), captured)).isEmpty();
        }
        assertThat(server.log()).hasSizeGreaterThanOrEqualTo(2);
    }

    /** Empty when {@code captured} is old data up to a frame, then new data from some frame on, contiguous to its end. */
    private static Optional<String> consistentRestart(byte[] old, byte[] fresh, byte[] captured) {
        int mismatch = Arrays.mismatch(old, captured);
        if (mismatch < 0) {
            return Optional.of("played only the old version although it changed");
        }
        int prefix = mismatch - mismatch % FRAME;
        byte[] rest = Arrays.copyOfRange(captured, prefix, captured.length);
        long from = Signals.locate(fresh, rest);
        if (from < 0 || from % FRAME != 0) {
            return Optional.of("after frame " + prefix / FRAME + " the output is neither version: "
                    + Signals.compare(Arrays.copyOfRange(old, prefix, old.length), rest, FRAME).orElse(""));
        }
        return Signals.compare(Arrays.copyOfRange(fresh, (int) from, fresh.length), rest, FRAME);
    }

    @Test
    void bodyShorterThanContentLengthIsResumed() throws Exception {
        Wav wav = Wav.of(2, 0);
        String url = serve("/short.wav", wav, Faults.NONE.withBodyLengthError(-1000).withOnlyFirst(2));

        byte[] captured = playToFinish(url);

        assertThat(Played.exactly(wav.data(), captured, FRAME)).isEmpty();
        List<Exchange> log = server.awaitExchanges(2, BOUND);
        assertThat(log.get(0).complete()).isFalse();
        assertThat(log.get(1).rangeStart()).isEqualTo(log.get(0).bodyBytes());
    }

    @Test
    void bodyLongerThanContentLengthPlaysNoGarbage() throws Exception {
        Wav wav = Wav.of(2, 0);
        String url = serve("/long.wav", wav, Faults.NONE.withBodyLengthError(1000));

        byte[] captured = playToFinish(url);

        assertThat(Played.exactly(wav.data(), captured, FRAME)).isEmpty();
    }

    @Test
    void bandwidthBelowTheBitrateBuffersAndResumesWithoutWrongBytes() throws Exception {
        Wav wav = Wav.of(1, 0);
        String url = serve("/slow.wav", wav, Faults.NONE.withBandwidth(BITRATE / 2));

        byte[] captured = playToFinish(url);

        assertThat(Played.exactly(wav.data(), captured, FRAME)).isEmpty();
        assertThat(events.all()).anySatisfy(e -> assertThat(e).isEqualTo(new PlayerEvent.Buffering(true)));
    }

    @Test
    void fullDiskForTheSpoolIsAClearErrorAndPlaysOnceThereIsRoom() throws Exception {
        Files.createDirectories(spoolDir);
        mount("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", spoolDir.toString());
        try {
            Wav wav = Wav.of(2, 0);
            String url = serve("/full.wav", wav, Faults.NONE);
            player().open(MediaRequest.of(url));

            PlayerEvent finish = awaitFinish(events);

            assertThat(finish).isInstanceOf(PlayerEvent.Error.class);
            assertThat(((PlayerEvent.Error) finish).message()).doesNotContain("\n").contains("No space left on device");
            assertThat(Played.prefixOf(wav.data(), AlsaCapture.read(DEVICE), FRAME)).isEmpty();
            assertThat(awaitNoLeftovers(spoolDir, Duration.ofSeconds(2))).as("spool files left on the full disk").isEmpty();

            // The disk grows: the same player plays the same URL, so the failed spool did not stay cached.
            mount("mount", "-o", "remount,size=1m", spoolDir.toString());
            AlsaCapture.clear();
            EventLog<PlayerEvent> again = new EventLog<>();
            player.addListener(again);
            player.open(MediaRequest.of(url));
            assertThat(awaitFinish(again)).isInstanceOf(PlayerEvent.Ended.class);
            assertThat(Played.exactly(wav.data(), closeAndCapture(), FRAME)).isEmpty();
        } finally {
            if (player != null) {
                player.close();
                player = null;
            }
            cache.close();
            cache = null;
            assertThat(leftovers(spoolDir)).isEmpty();
            mount("umount", "-l", spoolDir.toString());
        }
    }

    /** Waits, woken by file-system events, until {@code dir} holds no files; returns those left at the end. */
    private static List<Path> awaitNoLeftovers(Path dir, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watcher = dir.getFileSystem().newWatchService()) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_DELETE);
            List<Path> left = leftovers(dir);
            while (!left.isEmpty() && System.nanoTime() < deadline) {
                WatchKey key = watcher.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                left = leftovers(dir);
            }
            return left;
        }
    }

    private static void mount(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as("%s (the suite runs as root, as in CI)", String.join(" ", command)).isZero();
    }

    @Test
    void spoolDirectoryThatCannotBeWrittenIsAClearError() throws Exception {
        Path regularFile = Files.createFile(temp.resolve("not-a-directory"));
        Wav wav = Wav.of(2, 0);
        String url = serve("/nodir.wav", wav, Faults.NONE);
        player(new SpoolConfig(MEMORY, regularFile.resolve("spool"), 0)).open(MediaRequest.of(url));

        PlayerEvent finish = awaitFinish(events);

        assertThat(finish).isInstanceOf(PlayerEvent.Error.class);
        assertThat(((PlayerEvent.Error) finish).message()).doesNotContain("\n").contains("not-a-directory");
        assertThat(Played.prefixOf(wav.data(), closeAndCapture(), FRAME)).isEmpty();
    }
}
