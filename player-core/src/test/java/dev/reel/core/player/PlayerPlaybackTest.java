package dev.reel.core.player;

import static dev.reel.core.player.PlayerHarness.BYTES_PER_SECOND;
import static dev.reel.core.player.PlayerHarness.CHANNELS;
import static dev.reel.core.player.PlayerHarness.FRAME;
import static dev.reel.core.player.PlayerHarness.RATE;
import static dev.reel.core.player.PlayerHarness.from;
import static dev.reel.core.player.PlayerHarness.samples;
import static dev.reel.core.player.PlayerHarness.wav;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.audio.LineSink;
import dev.reel.core.format.PcmEncoding;
import dev.reel.core.format.PcmFormat;
import dev.reel.core.source.Source;
import dev.reel.core.source.TcpListener;
import dev.reel.core.spool.SpoolConfig;
import dev.reel.testkit.AlsaCapture;
import dev.reel.testkit.Content;
import dev.reel.testkit.Exchange;
import dev.reel.testkit.Faults;
import dev.reel.testkit.RangeServer;
import dev.reel.testkit.Signals;
import dev.reel.testkit.WavBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the player, real loopback servers and a real {@code SourceDataLine} whose
 * output the ALSA file device captures: what reaches the device is the data chunk, byte for byte,
 * from wherever playback starts or seeks. The ALSA null device is not paced, so playback runs as
 * fast as the data arrives; tests that need playback in progress slow the server down.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlayerPlaybackTest {

    private static final AudioFormat DEVICE_FORMAT = new AudioFormat(RATE, 16, CHANNELS, true, false);

    @TempDir
    Path spoolDir;

    private PlayerHarness harness;
    private Player player;
    private EventRecorder events;
    private RangeServer server;

    @BeforeEach
    void setUp() throws IOException {
        AlsaCapture.clear();
        harness = new PlayerHarness(new SpoolConfig(64 * 1024, spoolDir, 0), () -> new LineSink(null));
        player = harness.player;
        events = harness.events;
        server = harness.server;
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private String serve(byte[] file, Faults faults) {
        return harness.serve("/a.wav", file, "audio/wav", faults);
    }

    /** Plays to the end, closes the player (so that ALSA writes everything) and returns what the device got. */
    private byte[] playedToEnd() throws InterruptedException {
        assertThat(events.awaitFinish()).isInstanceOf(PlayerEvent.Ended.class);
        player.close();
        return AlsaCapture.read(DEVICE_FORMAT);
    }

    /** {@code played} is a prefix of {@code samples} followed by {@code samples} from {@code frame}. */
    private static void assertPrefixThenFrom(byte[] played, byte[] samples, long frame) {
        byte[] tail = from(samples, frame);
        int prefix = played.length - tail.length;
        assertThat(prefix).as("bytes played before the seek").isGreaterThanOrEqualTo(0);
        assertThat(prefix % FRAME).isZero();
        assertThat(Arrays.copyOfRange(played, 0, prefix)).isEqualTo(Arrays.copyOfRange(samples, 0, prefix));
        assertThat(Arrays.copyOfRange(played, prefix, played.length)).isEqualTo(tail);
    }

    @Test
    void playsTheDataChunkFromTheStart() throws Exception {
        byte[] samples = samples(2);
        player.open(MediaRequest.of(serve(wav(samples).build(), Faults.NONE)));

        assertThat(playedToEnd()).isEqualTo(samples);
        assertThat(events.states()).containsSubsequence(PlayerState.OPENING, PlayerState.BUFFERING,
                PlayerState.PLAYING, PlayerState.ENDED);
    }

    @Test
    void startsAtTheFrameNearestToStartSeconds() throws Exception {
        byte[] samples = samples(2);
        double start = 0.73456;
        player.open(new MediaRequest(serve(wav(samples).build(), Faults.NONE), Optional.empty(), start));

        assertThat(playedToEnd()).isEqualTo(from(samples, Math.round(start * RATE)));
    }

    @Test
    void startPastTheEndPlaysNothingAndEnds() throws Exception {
        player.open(new MediaRequest(serve(wav(samples(1)).build(), Faults.NONE), Optional.empty(), 5));

        assertThat(playedToEnd()).isEmpty();
    }

    @Test
    void seekWhileOpenedPausedStartsAtTheTarget() throws Exception {
        byte[] samples = samples(2);
        player.openPaused(MediaRequest.of(serve(wav(samples).build(), Faults.NONE)));
        events.await(PlayerEvent.Ready.class);
        player.seekTo(1.23456);
        player.resume();

        assertThat(playedToEnd()).isEqualTo(from(samples, Math.round(1.23456 * RATE)));
        assertThat(events.await(PlayerEvent.Seeked.class).seconds())
                .isEqualTo(Math.round(1.23456 * RATE) / (double) RATE);
    }

    @Test
    void seekDuringPlaybackContinuesExactlyAtTheTarget() throws Exception {
        byte[] samples = samples(4);
        player.open(MediaRequest.of(serve(wav(samples).build(), Faults.NONE.withBandwidth(BYTES_PER_SECOND * 2))));
        events.awaitState(PlayerState.PLAYING);
        player.seekTo(3.0001);

        assertPrefixThenFrom(playedToEnd(), samples, Math.round(3.0001 * RATE));
    }

    @Test
    void seekBackIntoTheSpoolAfterTheEndPlaysAgain() throws Exception {
        byte[] samples = samples(1);
        player.open(MediaRequest.of(serve(wav(samples).build(), Faults.NONE)));
        events.await(PlayerEvent.Ended.class);
        player.seekTo(0.5);
        events.await(PlayerEvent.Ended.class, e -> events.all(PlayerEvent.Ended.class).size() == 2,
                Duration.ofSeconds(10));
        player.close();
        assertThat(server.log("/a.wav")).as("a seek inside the spool fetches nothing").hasSize(1);

        byte[] played = AlsaCapture.read(DEVICE_FORMAT);
        byte[] expected = new byte[samples.length + samples.length / 2];
        System.arraycopy(samples, 0, expected, 0, samples.length);
        System.arraycopy(samples, samples.length / 2, expected, samples.length, samples.length / 2);
        assertThat(played).isEqualTo(expected);
    }

    @Test
    void farSeekMakesOneRangeRequestAtTheTargetByte() throws Exception {
        byte[] samples = samples(20);
        WavBuilder wav = wav(samples);
        String url = serve(wav.build(), Faults.NONE.withBandwidth(BYTES_PER_SECOND));
        player.openPaused(MediaRequest.of(url));
        events.await(PlayerEvent.Ready.class);
        player.seekTo(18.5);
        player.resume();
        byte[] played = playedToEnd();

        long target = wav.dataOffset() + Math.round(18.5 * RATE) * FRAME;
        List<Exchange> log = server.log("/a.wav");
        assertThat(log.get(0).range()).isEmpty();
        assertThat(log.stream().filter(e -> e.range().isPresent()).findFirst().orElseThrow().rangeStart())
                .isEqualTo(target);
        assertThat(log.stream().filter(e -> e.rangeStart() >= target)).hasSize(1);
        assertThat(played).isEqualTo(from(samples, Math.round(18.5 * RATE)));
    }

    @Test
    void playbackThatRunsIntoAHoleLeftByASeekFetchesIt() throws Exception {
        byte[] samples = samples(60);
        player.openPaused(MediaRequest.of(serve(wav(samples).build(), Faults.NONE.withBandwidth(BYTES_PER_SECOND * 2))));
        events.await(PlayerEvent.Ready.class);
        player.seekTo(4);
        player.resume();
        events.awaitState(PlayerState.PLAYING);
        player.seekTo(0);

        // The hole from the first response's end to 4 s would come only after the minute-long tail
        // without a range request from its start.
        events.await(PlayerEvent.Position.class, p -> p.seconds() >= 4.5, Duration.ofSeconds(15));
        player.close();
        byte[] played = AlsaCapture.read(DEVICE_FORMAT);
        int split = FRAME;
        while (split < played.length && Signals.frameNumber(played, split, FRAME) != 0) {
            split += FRAME;
        }
        assertThat(Arrays.copyOf(played, split)).isEqualTo(Arrays.copyOf(from(samples, 4 * RATE), split));
        assertThat(Arrays.copyOfRange(played, split, played.length))
                .isEqualTo(Arrays.copyOf(samples, played.length - split));
        assertThat(played.length - split).isGreaterThanOrEqualTo((int) (4.5 * RATE * FRAME));
    }

    @Test
    void resumesExactlyAfterDroppedConnections() throws Exception {
        byte[] samples = samples(3);
        player.open(MediaRequest.of(serve(wav(samples).build(), Faults.NONE.withCutEvery(30_011))));

        assertThat(playedToEnd()).isEqualTo(samples);
        assertThat(server.log("/a.wav").size()).isGreaterThan(3);
    }

    @Test
    void aFileChangedOnTheServerFailsWithoutPlayingForeignBytes() throws Exception {
        byte[] samples = samples(3);
        byte[] other = wav(Signals.pcm(FRAME, 100_000, samples.length / FRAME)).build();
        player.open(MediaRequest.of(serve(wav(samples).build(),
                Faults.NONE.withCutEvery(30_011).withChangeAfter(1, Content.of(other)))));

        PlayerEvent finish = events.awaitFinish();
        assertThat(finish).isInstanceOfSatisfying(PlayerEvent.Error.class,
                e -> assertThat(e.kind()).isEqualTo(PlayerEvent.Error.Kind.SOURCE));
        player.close();
        byte[] played = AlsaCapture.read(DEVICE_FORMAT);
        assertThat(played).isEqualTo(Arrays.copyOf(samples, played.length));
    }

    @Test
    void seeksExactlyOnAServerWithoutRanges() throws Exception {
        byte[] samples = samples(3);
        player.openPaused(MediaRequest.of(serve(wav(samples).build(), Faults.NONE.withIgnoreRanges())));
        events.await(PlayerEvent.Ready.class);
        player.seekTo(2.5);
        player.resume();

        assertThat(playedToEnd()).isEqualTo(from(samples, Math.round(2.5 * RATE)));
    }

    @Test
    void playsAChunkedBodyOfUnknownLength() throws Exception {
        byte[] samples = samples(2);
        player.open(MediaRequest.of(serve(wav(samples).streaming().build(), Faults.NONE.withChunked())));

        assertThat(playedToEnd()).isEqualTo(samples);
    }

    @Test
    void playsWhatIsThereOfADataChunkShorterThanDeclared() throws Exception {
        byte[] samples = samples(1);
        byte[] file = wav(samples).declaredDataSize(samples.length * 3L).build();
        player.open(MediaRequest.of(serve(file, Faults.NONE)));

        assertThat(playedToEnd()).isEqualTo(samples);
    }

    @Test
    void playsRawPcmOfAnAudioL16Type() throws Exception {
        byte[] samples = samples(1);
        byte[] bigEndian = new byte[samples.length];
        for (int i = 0; i < samples.length; i += 2) {
            bigEndian[i] = samples[i + 1];
            bigEndian[i + 1] = samples[i];
        }
        server.add("/a.raw", bigEndian, "audio/L16;rate=" + RATE + ";channels=" + CHANNELS);
        player.open(MediaRequest.of(server.url("/a.raw")));

        assertThat(playedToEnd()).isEqualTo(samples);
    }

    @Test
    void playsALocalFile() throws Exception {
        byte[] samples = samples(1);
        Path file = spoolDir.resolve("local.wav");
        Files.write(file, wav(samples).build());
        player.open(MediaRequest.of(file.toString()));

        assertThat(playedToEnd()).isEqualTo(samples);
    }

    @Test
    void playsALiveConnection() throws Exception {
        byte[] samples = samples(1);
        try (TcpListener listener = TcpListener.bind("127.0.0.1", 0)) {
            Thread sender = new Thread(() -> {
                try (Socket socket = new Socket("127.0.0.1", listener.port());
                        OutputStream out = socket.getOutputStream()) {
                    out.write(samples);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            sender.start();
            PcmFormat format = new PcmFormat(PcmEncoding.S16LE, RATE, CHANNELS);
            player.openSource(listener.accept(),
                    new MediaRequest("tcp://127.0.0.1:" + listener.port(), Optional.of(format), 0));
            sender.join(10_000);

            assertThat(playedToEnd()).isEqualTo(samples);
        }
    }

    @Test
    void aLiveStreamThatOutranItsRetentionPlaysOnFromTheOldestRetainedFrame() throws Exception {
        byte[] samples = samples(10);
        int retention = 32_000;
        try (TcpListener listener = TcpListener.bind("127.0.0.1", 0, new SpoolConfig(1 << 20, spoolDir, retention))) {
            try (Socket socket = new Socket("127.0.0.1", listener.port())) {
                socket.getOutputStream().write(samples);
            }
            Source source = listener.accept();
            source.start();
            assertThat(source.spool().awaitContiguous(samples.length - retention, retention, TimeUnit.SECONDS.toNanos(10)))
                    .isEqualTo(retention);
            PcmFormat format = new PcmFormat(PcmEncoding.S16LE, RATE, CHANNELS);
            player.openSource(source, new MediaRequest("tcp://127.0.0.1", Optional.of(format), 0));

            byte[] played = playedToEnd();
            assertThat(played).isEqualTo(Arrays.copyOfRange(samples, samples.length - played.length, samples.length));
            assertThat(played.length).isBetween(FRAME, retention);
        }
    }

    @Test
    void closingThePlayerLeavesNoTempFiles() throws Exception {
        byte[] samples = samples(20);
        player.open(MediaRequest.of(serve(wav(samples).build(), Faults.NONE.withBandwidth(BYTES_PER_SECOND * 8))));
        events.await(PlayerEvent.Downloaded.class, d -> d.bytesPresent() > 128 * 1024, Duration.ofSeconds(10));
        assertThat(spoolFiles()).as("the spool spilled to disk").isNotEmpty();
        harness.close();

        assertThat(spoolFiles()).isEmpty();
    }

    private List<Path> spoolFiles() throws IOException {
        try (var files = Files.walk(spoolDir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
