package dev.reel.core.player;

import static dev.reel.core.player.PlayerHarness.BYTES_PER_SECOND;
import static dev.reel.core.player.PlayerHarness.FRAME;
import static dev.reel.core.player.PlayerHarness.RATE;
import static dev.reel.core.player.PlayerHarness.from;
import static dev.reel.core.player.PlayerHarness.samples;
import static dev.reel.core.player.PlayerHarness.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.audio.WavFileSink;
import dev.reel.core.format.AudioInfo;
import dev.reel.core.format.WavParser;
import dev.reel.core.spool.SpoolConfig;
import dev.reel.testkit.Faults;
import dev.reel.testkit.WavBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The player's commands and events, rendering into WAV files (the device does not matter here):
 * states, positions, pause and resume, coalesced seeks, buffering, replacing and stopping media,
 * taps and saving.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlayerControlTest {

    @TempDir
    Path dir;

    private final AtomicInteger outputs = new AtomicInteger();
    private PlayerHarness harness;
    private Player player;
    private EventRecorder events;

    @BeforeEach
    void setUp() throws IOException {
        harness = new PlayerHarness(SpoolConfig.defaults().withDirectory(dir.resolve("spool")),
                () -> new WavFileSink(output(outputs.incrementAndGet())));
        player = harness.player;
        events = harness.events;
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private Path output(int n) {
        return dir.resolve("out" + n + ".wav");
    }

    private String serve(String path, byte[] file, Faults faults) {
        return harness.serve(path, file, "audio/wav", faults);
    }

    /** The samples of the n-th output file, after the player is closed. */
    private byte[] rendered(int n) throws IOException {
        player.close();
        try (FileChannel in = FileChannel.open(output(n))) {
            AudioInfo info = WavParser.parse(in);
            ByteBuffer data = ByteBuffer.allocate((int) (in.size() - info.dataOffset()));
            while (data.hasRemaining() && in.read(data) >= 0) {
                // reads to the end
            }
            return Arrays.copyOf(data.array(), data.position());
        }
    }

    @Test
    void readyDescribesTheMedium() throws Exception {
        byte[] file = wav(samples(2)).build();
        player.open(MediaRequest.of(serve("/a.wav", file, Faults.NONE)));

        PlayerEvent.Ready ready = events.await(PlayerEvent.Ready.class);
        assertThat(ready.format().sampleRate()).isEqualTo(RATE);
        assertThat(ready.format().channels()).isEqualTo(2);
        assertThat(ready.duration()).hasValue(2.0);
        assertThat(ready.size()).hasValue(file.length);
        assertThat(ready.seekable()).isTrue();
        assertThat(player.media()).hasValueSatisfying(m -> assertThat(m.location()).endsWith("/a.wav"));
    }

    @Test
    void positionsRiseAndEndAtTheDuration() throws Exception {
        player.open(MediaRequest.of(serve("/a.wav", wav(samples(2)).build(), Faults.NONE.withBandwidth(BYTES_PER_SECOND * 8))));
        events.await(PlayerEvent.Ended.class);

        List<Double> positions = events.all(PlayerEvent.Position.class).stream().map(PlayerEvent.Position::seconds).toList();
        assertThat(positions).isSorted().isNotEmpty();
        assertThat(positions.get(positions.size() - 1)).isEqualTo(2.0);
        assertThat(player.position()).isEqualTo(2.0);
        assertThat(player.state()).isEqualTo(PlayerState.ENDED);
    }

    @Test
    void pauseAndResumeLoseAndRepeatNothing() throws Exception {
        byte[] samples = samples(3);
        player.open(MediaRequest.of(serve("/a.wav", wav(samples).build(), Faults.NONE.withBandwidth(BYTES_PER_SECOND * 4))));
        events.awaitState(PlayerState.PLAYING);
        player.pause();
        events.awaitState(PlayerState.PAUSED);
        assertThat(player.state()).isEqualTo(PlayerState.PAUSED);
        player.toggle();
        events.await(PlayerEvent.Ended.class);

        assertThat(rendered(1)).isEqualTo(samples);
        assertThat(events.states()).containsSubsequence(PlayerState.PLAYING, PlayerState.PAUSED,
                PlayerState.PLAYING, PlayerState.ENDED);
    }

    @Test
    void seeksInQuickSuccessionCollapseIntoTheLast() throws Exception {
        byte[] samples = samples(4);
        String url = serve("/a.wav", wav(samples).build(), Faults.NONE.withLatency(Duration.ofMillis(300)));
        player.openPaused(MediaRequest.of(url));
        player.seekTo(1);
        player.seekTo(2);
        player.seekBy(0.5);
        player.resume();
        events.await(PlayerEvent.Ended.class);

        assertThat(events.all(PlayerEvent.Seeked.class)).containsExactly(new PlayerEvent.Seeked(2.5));
        assertThat(rendered(1)).isEqualTo(from(samples, Math.round(2.5 * RATE)));
    }

    /** A position interval is none or at least 10 ms: shorter ones would keep the player's thread busy. */
    @Test
    void positionIntervalsAreNoneOrAtLeastTenMilliseconds() {
        PlayerConfig config = new PlayerConfig(() -> new WavFileSink(output(0)));
        assertThat(config.positionInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.withPositionInterval(Duration.ZERO).positionInterval()).isZero();
        assertThat(config.withPositionInterval(Duration.ofMillis(10)).positionInterval()).hasMillis(10);
        assertThatThrownBy(() -> config.withPositionInterval(Duration.ofNanos(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("position interval 1 ns is neither 0 (none) nor at least 10 ms");
        assertThatThrownBy(() -> config.withPositionInterval(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutPositionEventsThePositionIsReadWhenAsked() throws Exception {
        try (PlayerHarness quiet = new PlayerHarness(SpoolConfig.defaults().withDirectory(dir.resolve("quiet")),
                () -> new WavFileSink(output(outputs.incrementAndGet())), c -> c.withPositionInterval(Duration.ZERO))) {
            String url = quiet.serve("/a.wav", wav(samples(2)).build(), "audio/wav",
                    Faults.NONE.withBandwidth(BYTES_PER_SECOND * 8));
            quiet.player.openPaused(MediaRequest.of(url));
            quiet.events.await(PlayerEvent.Ready.class);
            quiet.player.seekTo(1.5);
            quiet.events.await(PlayerEvent.Seeked.class);
            assertThat(quiet.player.position()).isEqualTo(1.5);
            quiet.player.seekTo(0);
            quiet.events.await(PlayerEvent.Seeked.class, s -> s.seconds() == 0, Duration.ofSeconds(10));
            quiet.player.resume();
            quiet.events.await(PlayerEvent.Ended.class);

            assertThat(quiet.events.all(PlayerEvent.Position.class)).isEmpty();
            assertThat(quiet.player.position()).isEqualTo(2.0);
        }
    }

    @Test
    void relativeSeeksStartFromThePosition() throws Exception {
        byte[] samples = samples(2);
        player.openPaused(MediaRequest.of(serve("/a.wav", wav(samples).build(), Faults.NONE)));
        events.await(PlayerEvent.Ready.class);
        player.seekTo(1);
        events.await(PlayerEvent.Seeked.class);
        player.seekBy(-0.25);

        assertThat(events.await(PlayerEvent.Seeked.class, s -> s.seconds() < 1, Duration.ofSeconds(10)).seconds())
                .isEqualTo(0.75);
        assertThat(player.position()).isEqualTo(0.75);
        player.resume();
        events.await(PlayerEvent.Ended.class);
        assertThat(rendered(1)).isEqualTo(from(samples, 6000));
    }

    @Test
    void seeksAreClampedToTheMedium() throws Exception {
        byte[] samples = samples(1);
        player.openPaused(MediaRequest.of(serve("/a.wav", wav(samples).build(), Faults.NONE)));
        events.await(PlayerEvent.Ready.class);
        player.seekTo(-3);
        events.await(PlayerEvent.Seeked.class);
        player.seekBy(99);

        assertThat(events.await(PlayerEvent.Seeked.class, s -> s.seconds() > 0, Duration.ofSeconds(10)).seconds())
                .isEqualTo(1.0);
        assertThat(events.all(PlayerEvent.Seeked.class).get(0).seconds()).isZero();
        assertThat(player.state()).isEqualTo(PlayerState.PAUSED);
    }

    @Test
    void bufferingWaitsForTheCushionInsteadOfStuttering() throws Exception {
        byte[] samples = samples(3);
        long start = System.nanoTime();
        player.open(MediaRequest.of(serve("/a.wav", wav(samples).build(), Faults.NONE.withBandwidth(BYTES_PER_SECOND * 2))));
        events.await(PlayerEvent.Ended.class);
        double elapsed = (System.nanoTime() - start) / 1e9;

        assertThat(events.all(PlayerEvent.Downloaded.class)).as("download reports, at most 4 a second")
                .hasSizeBetween(2, (int) (elapsed * 4) + 2);

        List<Boolean> buffering = events.all(PlayerEvent.Buffering.class).stream()
                .map(PlayerEvent.Buffering::buffering).toList();
        assertThat(buffering).isNotEmpty();
        for (int i = 0; i < buffering.size(); i++) {
            assertThat(buffering.get(i)).as("buffering alternates, starting with true").isEqualTo(i % 2 == 0);
        }
        double cushion = PlayerConfig.DEFAULT_CUSHION.toMillis() / 1000.0;
        assertThat(buffering.stream().filter(b -> b).count())
                .as("at most one wait per cushion of audio, not one per block")
                .isLessThanOrEqualTo((long) Math.ceil(3 / cushion) + 1);
        assertThat(events.states()).containsSubsequence(PlayerState.PLAYING, PlayerState.BUFFERING,
                PlayerState.PLAYING, PlayerState.ENDED);
        assertThat(rendered(1)).isEqualTo(samples);
    }

    @Test
    void stopReleasesTheMediumAndGoesIdle() throws Exception {
        player.open(MediaRequest.of(serve("/a.wav", wav(samples(10)).build(), Faults.NONE.withBandwidth(BYTES_PER_SECOND))));
        events.awaitState(PlayerState.PLAYING);
        player.stop();
        events.awaitState(PlayerState.IDLE);

        assertThat(player.state()).isEqualTo(PlayerState.IDLE);
        assertThat(player.media()).isEmpty();
        assertThat(player.openTap()).isEmpty();
    }

    @Test
    void openReplacesAStalledOpenAtOnce() throws Exception {
        byte[] samples = samples(1);
        String stalled = serve("/stalled.wav", wav(samples(1)).build(), Faults.NONE.withLatency(Duration.ofSeconds(30)));
        String good = serve("/good.wav", wav(samples).build(), Faults.NONE);
        player.open(MediaRequest.of(stalled));
        events.awaitState(PlayerState.OPENING);
        player.open(MediaRequest.of(good));

        PlayerEvent.Ready ready = events.await(PlayerEvent.Ready.class, r -> true, Duration.ofSeconds(5));
        assertThat(ready.location()).isEqualTo(good);
        events.await(PlayerEvent.Ended.class);
        assertThat(events.all(PlayerEvent.Error.class)).isEmpty();
        assertThat(rendered(1)).isEqualTo(samples);
    }

    @Test
    void stopAndCloseAbandonAStalledOpenAtOnce() throws Exception {
        String stalled = serve("/stalled.wav", wav(samples(1)).build(), Faults.NONE.withLatency(Duration.ofSeconds(30)));
        player.open(MediaRequest.of(stalled));
        events.awaitState(PlayerState.OPENING);
        player.stop();
        events.awaitState(PlayerState.IDLE);
        player.open(MediaRequest.of(stalled));
        events.await(PlayerEvent.StateChanged.class, s -> s.state() == PlayerState.OPENING
                && events.all(PlayerEvent.StateChanged.class).size() > 2, Duration.ofSeconds(5));

        long start = System.nanoTime();
        player.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(events.all(PlayerEvent.Error.class)).isEmpty();
    }

    @Test
    void mutedPlaysSilenceOfTheSameLength() throws Exception {
        byte[] samples = samples(1);
        player.setMuted(true);
        player.open(MediaRequest.of(serve("/a.wav", wav(samples).build(), Faults.NONE)));
        events.await(PlayerEvent.Ended.class);

        assertThat(rendered(1)).isEqualTo(new byte[samples.length]);
    }

    @Test
    void aTapReadsTheSamplesOnItsOwnCursor() throws Exception {
        byte[] samples = samples(2);
        WavBuilder wav = wav(samples);
        player.openPaused(MediaRequest.of(serve("/a.wav", wav.build(), Faults.NONE)));
        events.await(PlayerEvent.Ready.class);

        try (Tap tap = player.openTap().orElseThrow()) {
            assertThat(tap.audio().dataOffset()).isEqualTo(wav.dataOffset());
            ByteBuffer head = ByteBuffer.allocate(4000);
            while (head.hasRemaining() && tap.reader().read(head) >= 0) {
                // reads the first 4000 bytes of samples
            }
            assertThat(head.array()).isEqualTo(Arrays.copyOf(samples, 4000));
        }
        player.resume();
        events.await(PlayerEvent.Ended.class);
        assertThat(rendered(1)).isEqualTo(samples);
    }

    @Test
    void saveWritesTheWholeResource() throws Exception {
        byte[] file = wav(samples(2)).build();
        player.open(MediaRequest.of(serve("/a.wav", file, Faults.NONE)));
        events.await(PlayerEvent.Ready.class);
        AtomicLong progress = new AtomicLong();
        Path target = dir.resolve("saved.wav");

        assertThat(player.save(target, progress::set).get(10, TimeUnit.SECONDS)).isEqualTo(target.toAbsolutePath());
        assertThat(Files.readAllBytes(target)).isEqualTo(file);
        assertThat(progress.get()).isEqualTo(file.length);
    }
}
