package dev.reel.core.player;

import static dev.reel.core.player.PlayerHarness.from;
import static dev.reel.core.player.PlayerHarness.samples;
import static dev.reel.core.player.PlayerHarness.wav;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.audio.AudioException;
import dev.reel.audio.AudioSink;
import dev.reel.audio.BlockWriterConfig;
import dev.reel.audio.WavFileSink;
import dev.reel.core.spool.SpoolConfig;
import dev.reel.testkit.Faults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The player prepares each medium's output while it opens the medium (so that the device lookup
 * overlaps the HTTP exchange), and still makes one output per medium played. It never waits for
 * that preparation: while a device lookup hangs, the player answers every command at once, gives
 * up on the device after the stall timeout, and releases the output when it closes.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PlayerOutputTest {

    @TempDir
    Path dir;

    /**
     * How long a command may take to be answered: the player thread waits for no device (the
     * hung ones here would take a minute), but a loaded machine may take a while to schedule it.
     */
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    private final List<RecordingSink> sinks = new CopyOnWriteArrayList<>();
    /** What the sinks' device lookups wait for; open unless a test closes it. */
    private volatile CountDownLatch lookUp = new CountDownLatch(0);
    /** What the sinks' openings wait for; open unless a test closes it. */
    private volatile CountDownLatch opening = new CountDownLatch(0);
    private PlayerHarness harness;
    private volatile long readyNanos;

    @BeforeEach
    void setUp() throws IOException {
        start(Duration.ofSeconds(3));
    }

    /** (Re)starts the player; a device that does not answer for {@code stallTimeout} counts as dead. */
    private void start(Duration stallTimeout) throws IOException {
        if (harness != null) {
            harness.close();
        }
        harness = new PlayerHarness(SpoolConfig.defaults().withDirectory(dir.resolve("spool")), () -> {
            RecordingSink sink = new RecordingSink(new WavFileSink(dir.resolve("out" + (sinks.size() + 1) + ".wav")), lookUp, opening);
            sinks.add(sink);
            return sink;
        }, config -> config.withBlocks(new BlockWriterConfig(2, Duration.ofMillis(100), stallTimeout)));
        harness.player.addListener(event -> {
            if (event instanceof PlayerEvent.Ready && readyNanos == 0) {
                readyNanos = System.nanoTime();
            }
        });
    }

    /** The device lookups of the sinks made from now on hang until {@link #lookUp} is counted down. */
    private void hangLookUps() {
        lookUp = new CountDownLatch(1);
    }

    @AfterEach
    void tearDown() {
        lookUp.countDown();
        opening.countDown();
        harness.close();
    }

    @Test
    void theOutputIsPreparedWhileTheServerAnswers() throws Exception {
        String url = harness.serve("/slow.wav", wav(samples(0.5)).build(), "audio/wav",
                Faults.NONE.withLatency(Duration.ofMillis(300)));

        harness.player.open(MediaRequest.of(url));
        harness.events.await(PlayerEvent.Ended.class);

        assertThat(sinks).singleElement().satisfies(sink -> {
            assertThat(sink.preparedOn).isEqualTo("reel-output-prepare");
            assertThat(sink.preparedNanos).isLessThan(readyNanos);
            assertThat(sink.openedNanos).isGreaterThan(sink.preparedNanos);
        });
    }

    @Test
    void aMediumThatFailsLeavesItsOutputToTheNext() throws Exception {
        byte[] samples = samples(0.25);
        String bad = harness.serve("/bad.wav", new byte[0], "audio/wav", Faults.NONE);
        String good = harness.serve("/good.wav", wav(samples).build(), "audio/wav", Faults.NONE);

        harness.player.open(MediaRequest.of(bad));
        harness.events.await(PlayerEvent.Error.class);
        harness.player.open(MediaRequest.of(good));
        harness.events.await(PlayerEvent.Ended.class);
        harness.player.close();

        assertThat(sinks).hasSize(1);
        byte[] written = Files.readAllBytes(dir.resolve("out1.wav"));
        assertThat(written).hasSize(44 + samples.length);
    }

    @Test
    void stopSeekAndTheNextMediumAreAnsweredAtOnceWhileTheDeviceLookupHangs() throws Exception {
        start(Duration.ofMinutes(1));
        hangLookUps();
        byte[] second = samples(2);
        String first = serve("/first.wav", samples(1));
        String next = serve("/next.wav", second);

        harness.player.open(MediaRequest.of(first));
        harness.events.awaitState(PlayerState.BUFFERING);
        stopThenOpenAndSeekAtOnce(next);

        lookUp.countDown();
        harness.events.await(PlayerEvent.Ended.class);
        harness.player.close();

        assertThat(sinks).as("one output, looked up once, for both media").singleElement()
                .satisfies(sink -> assertThat(sink.openedWhilePreparing).isFalse());
        assertThat(Files.readAllBytes(dir.resolve("out1.wav")))
                .hasSize(44 + second.length / 4).endsWith(from(second, 12_000));
    }

    @Test
    void aPlaybackPausedWhileItsDeviceIsLookedUpWaitsForResume() throws Exception {
        start(Duration.ofMinutes(1));
        hangLookUps();
        byte[] samples = samples(0.5);
        harness.player.open(MediaRequest.of(harness.serve("/a.wav", wav(samples).build(), "audio/wav", Faults.NONE)));
        harness.events.awaitState(PlayerState.BUFFERING);
        harness.player.pause();
        harness.events.await(PlayerEvent.StateChanged.class, e -> e.state() == PlayerState.PAUSED, AT_ONCE);

        lookUp.countDown();
        // The preparing thread queues its news before it ends: a seek queued after is handled after.
        sinks.get(0).preparer.join();
        harness.player.seekTo(0.25);
        harness.events.await(PlayerEvent.Seeked.class);
        assertThat(sinks.get(0).opened).as("not opened while paused").isFalse();
        assertThat(harness.player.state()).isEqualTo(PlayerState.PAUSED);
        harness.player.resume();
        harness.events.await(PlayerEvent.Ended.class);
        harness.player.close();

        assertThat(Files.readAllBytes(dir.resolve("out1.wav"))).hasSize(44 + samples.length / 2);
    }

    @Test
    void aDeviceThatDoesNotAnswerFailsThePlaybackAndTheNextMediumWaitsForTheSameOne() throws Exception {
        start(Duration.ofMillis(300));
        hangLookUps();
        byte[] samples = samples(0.25);
        String url = harness.serve("/a.wav", wav(samples).build(), "audio/wav", Faults.NONE);

        harness.player.open(MediaRequest.of(url));
        PlayerEvent.Error error = harness.events.await(PlayerEvent.Error.class);
        assertThat(error.kind()).isEqualTo(PlayerEvent.Error.Kind.AUDIO);
        assertThat(error.message()).isEqualTo("WAV file " + dir.resolve("out1.wav") + " did not answer within 900 ms");
        assertThat(harness.player.state()).isEqualTo(PlayerState.ERROR);

        // The lookup answers before the next medium asks, so that its deadline need not cover the
        // test thread's wake-up; the same sink, still unprepared when the first playback failed,
        // serves it.
        lookUp.countDown();
        harness.player.open(MediaRequest.of(url));
        harness.events.await(PlayerEvent.Ended.class);
        harness.player.close();

        assertThat(sinks).singleElement().satisfies(sink -> assertThat(sink.openedWhilePreparing).isFalse());
        assertThat(Files.readAllBytes(dir.resolve("out1.wav"))).hasSize(44 + samples.length);
    }

    @Test
    void closingThePlayerWhileTheDeviceIsLookedUpReleasesTheOutputOnceTheLookupEnds() throws Exception {
        start(Duration.ofMinutes(1));
        hangLookUps();
        harness.player.open(MediaRequest.of(harness.serve("/a.wav", wav(samples(1)).build(), "audio/wav", Faults.NONE)));
        harness.events.awaitState(PlayerState.BUFFERING);
        harness.player.close();

        lookUp.countDown();
        RecordingSink sink = sinks.get(0);
        sink.closedAfterPrepared.await();
        assertThat(sink.openedWhilePreparing).isFalse();
        assertThat(sink.opened).as("never opened").isFalse();
    }

    @Test
    void stopSeekAndTheNextMediumAreAnsweredAtOnceWhileADeviceOpens() throws Exception {
        start(Duration.ofMinutes(1));
        CountDownLatch hanging = new CountDownLatch(1);
        opening = hanging;
        byte[] second = samples(2);
        String first = serve("/first.wav", samples(1));
        String next = serve("/next.wav", second);

        harness.player.open(MediaRequest.of(first));
        harness.events.awaitState(PlayerState.BUFFERING);
        sinks.get(0).openEntered.await();
        opening = new CountDownLatch(0);
        stopThenOpenAndSeekAtOnce(next);

        hanging.countDown();
        harness.events.await(PlayerEvent.Ended.class);
        sinks.get(0).closedAfterPrepared.await();
        harness.player.close();

        assertThat(sinks).hasSize(2);
        assertThat(Files.readAllBytes(dir.resolve("out2.wav")))
                .hasSize(44 + second.length / 4).endsWith(from(second, 12_000));
    }

    /** A seek while the device opens moves the download at once, not once the device answers. */
    @Test
    void aSeekWhileTheDeviceOpensMovesTheDownloadAtOnce() throws Exception {
        start(Duration.ofMinutes(1));
        opening = new CountDownLatch(1);
        byte[] samples = samples(20);
        String url = harness.serve("/long.wav", wav(samples).build(), "audio/wav",
                Faults.NONE.withBandwidth(2 * PlayerHarness.BYTES_PER_SECOND));

        harness.player.open(MediaRequest.of(url));
        harness.events.awaitState(PlayerState.BUFFERING);
        sinks.get(0).openEntered.await();
        harness.player.seekTo(15);
        harness.events.await(PlayerEvent.Seeked.class, e -> e.seconds() == 15, AT_ONCE);
        String range = "bytes=" + (44 + 15 * PlayerHarness.BYTES_PER_SECOND) + "-";

        assertThat(harness.server.awaitExchange(e -> e.header("Range").filter(range::equals).isPresent(), AT_ONCE))
                .as("a request for " + range + " while the device opens").isTrue();
        assertThat(opening.getCount()).as("the device still opening").isEqualTo(1);
        opening.countDown();
        harness.events.await(PlayerEvent.Ended.class);
        harness.player.close();
        assertThat(Files.readAllBytes(dir.resolve("out1.wav"))).hasSize(44 + 5 * (int) PlayerHarness.BYTES_PER_SECOND)
                .endsWith(from(samples, 15 * PlayerHarness.RATE));
    }

    @Test
    void aDeviceThatDoesNotOpenFailsThePlaybackAndTheNextMediumOpensOnceItReturns() throws Exception {
        start(Duration.ofSeconds(1));
        CountDownLatch hanging = new CountDownLatch(1);
        opening = hanging;
        byte[] samples = samples(0.5);
        String url = serve("/a.wav", samples);
        harness.player.open(MediaRequest.of(url));

        PlayerEvent.Error error = harness.events.await(PlayerEvent.Error.class);
        assertThat(error.kind()).isEqualTo(PlayerEvent.Error.Kind.AUDIO);
        assertThat(error.message()).isEqualTo("WAV file " + dir.resolve("out1.wav") + " did not answer within 3000 ms");
        assertThat(harness.player.state()).isEqualTo(PlayerState.ERROR);

        opening = new CountDownLatch(0);
        harness.player.open(MediaRequest.of(url));
        hanging.countDown();
        harness.events.await(PlayerEvent.Ended.class);
        sinks.get(0).closedAfterPrepared.await();
        harness.player.close();

        assertThat(sinks).hasSize(2);
        assertThat(Files.readAllBytes(dir.resolve("out2.wav"))).hasSize(44 + samples.length);
    }

    @Test
    void closingThePlayerWhileTheDeviceOpensClosesItOnceOpened() throws Exception {
        start(Duration.ofMinutes(1));
        opening = new CountDownLatch(1);
        harness.player.open(MediaRequest.of(serve("/a.wav", samples(1))));
        harness.events.awaitState(PlayerState.BUFFERING);
        sinks.get(0).openEntered.await();
        harness.player.close();

        opening.countDown();
        sinks.get(0).closedAfterPrepared.await();
    }

    private String serve(String path, byte[] samples) {
        return harness.serve(path, wav(samples).build(), "audio/wav", Faults.NONE);
    }

    /**
     * Stops what is playing, opens {@code next} and seeks to 1.5 s, each answered at once; the
     * player then buffers, waiting for its device.
     */
    private void stopThenOpenAndSeekAtOnce(String next) throws InterruptedException {
        harness.player.stop();
        harness.events.await(PlayerEvent.StateChanged.class, e -> e.state() == PlayerState.IDLE, AT_ONCE);
        harness.player.open(MediaRequest.of(next));
        harness.events.await(PlayerEvent.Ready.class, e -> e.location().equals(next), AT_ONCE);
        harness.player.seekTo(1.5);
        harness.events.await(PlayerEvent.Seeked.class, e -> e.seconds() == 1.5, AT_ONCE);
        assertThat(harness.player.state()).isEqualTo(PlayerState.BUFFERING);
    }

    /**
     * A file sink that notes when and where it was prepared and opened; its preparation (the
     * device lookup) and its opening wait for latches.
     */
    private static final class RecordingSink implements AudioSink {

        private final AudioSink file;
        private final CountDownLatch lookUp;
        private final CountDownLatch opening;
        final CountDownLatch openEntered = new CountDownLatch(1);
        final CountDownLatch prepared = new CountDownLatch(1);
        final CountDownLatch closedAfterPrepared = new CountDownLatch(1);
        volatile String preparedOn;
        volatile Thread preparer;
        volatile long preparedNanos;
        volatile long openedNanos;
        volatile boolean opened;
        volatile boolean openedWhilePreparing;

        RecordingSink(AudioSink file, CountDownLatch lookUp, CountDownLatch opening) {
            this.file = file;
            this.lookUp = lookUp;
            this.opening = opening;
        }

        @Override
        public void prepare() {
            preparer = Thread.currentThread();
            preparedOn = preparer.getName();
            preparedNanos = System.nanoTime();
            try {
                lookUp.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            prepared.countDown();
        }

        @Override
        public boolean open(AudioFormat format, int bufferBytes) throws AudioException {
            openedNanos = System.nanoTime();
            opened = true;
            openedWhilePreparing |= prepared.getCount() > 0;
            openEntered.countDown();
            try {
                opening.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return file.open(format, bufferBytes);
        }

        @Override
        public int write(byte[] bytes, int offset, int len) throws AudioException {
            return file.write(bytes, offset, len);
        }

        @Override
        public void start() {
            file.start();
        }

        @Override
        public void stop() {
            file.stop();
        }

        @Override
        public void flush() {
            file.flush();
        }

        @Override
        public void drain() throws AudioException {
            file.drain();
        }

        @Override
        public long framesPlayed() {
            return file.framesPlayed();
        }

        @Override
        public boolean setGain(double linear) {
            return file.setGain(linear);
        }

        @Override
        public String describe() {
            return file.describe();
        }

        @Override
        public void close() {
            file.close();
            if (prepared.getCount() == 0) {
                closedAfterPrepared.countDown();
            }
        }
    }
}
