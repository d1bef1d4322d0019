package dev.reel.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real {@code SourceDataLine} on a device paced in real time: ALSA's default device is
 * PulseAudio (its own surefire execution sets {@code ALSA_CONFIG_PATH} and
 * {@code PULSE_RUNTIME_PATH}), and this test starts a {@code pulseaudio} whose only sink is a
 * null sink.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PulsePlaybackTest {

    @BeforeAll
    static void startPulseAudio() throws Exception {
        if (pulse("--check") != 0) {
            assertThat(pulse("--daemonize=yes", "--exit-idle-time=-1", "-n", "--use-pid-file=yes",
                    "--load=module-native-protocol-unix", "--load=module-null-sink sink_name=reel_test"))
                    .as("pulseaudio started").isZero();
        }
    }

    @AfterAll
    static void stopPulseAudio() throws Exception {
        pulse("--kill");
    }

    private static int pulse(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "pulseaudio";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return p.waitFor();
    }

    /**
     * Four blocks of 100 ms (400 ms at the device). On a loaded machine the writer's thread can be
     * off the CPU for a couple of hundred milliseconds; with only the default 200 ms queued the
     * device then truly runs dry, which is the scheduler's doing, not the writer's. Blocks this
     * size still make the writer refill many times within a second.
     */
    private static final BlockWriterConfig CUSHIONED = new BlockWriterConfig(4, Duration.ofMillis(100));
    private static final BlockWriterConfig DEFAULTS = BlockWriterConfig.defaults();
    private static final long BLOCK_MILLIS = DEFAULTS.blockDuration().toMillis();
    private static final long BUFFER_MILLIS = DEFAULTS.blocks() * BLOCK_MILLIS;
    /** How late a loaded machine may run the writer after the input wakes. */
    private static final long SCHEDULING_MARGIN_MILLIS = 500;

    @Test
    void steadyInputPlaysInRealTimeWithoutUnderruns() throws Exception {
        byte[] pcm = LinePlaybackTest.random(44100 * 4, 41);
        Events events = new Events();
        long t0 = System.nanoTime();
        try (BlockWriter writer = new BlockWriter(new LineSink(null), CUSHIONED, events)) {
            writer.start(LinePlaybackTest.S16, new TestInput(pcm, 4096), 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
            assertThat(writer.audibleFrame()).isEqualTo(44100);
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isGreaterThanOrEqualTo(900);
        assertThat(events.underruns).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.05, 2})
    void anInputPacedAheadOfPlaybackGivesNoUnderruns(double speed) throws Exception {
        byte[] pcm = LinePlaybackTest.random(44100 * 4 * 3 / 2, 45);
        TestInput in = new TestInput(pcm, 4096).paced(44100 * 4 * speed);
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(new LineSink(null), BlockWriterConfig.defaults(), events)) {
            writer.start(LinePlaybackTest.S16, in, 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
        }
        assertThat(events.underruns).isEmpty();
    }

    /**
     * The input stalls right after a block was written, for much longer than the device holds. The
     * underrun's two parts are bounded by what the writer knows: the audio queued at the last
     * feed (at least the block just written, at most the device buffer) and the silence after it,
     * which together span the stall, plus however late the scheduler let the writer notice.
     */
    @Test
    void aStalledInputIsReportedAsAnUnderrun() throws Exception {
        long stallMillis = 700;
        byte[] pcm = LinePlaybackTest.random(44100 * 4, 42);
        TestInput in = new TestInput(pcm, 4096).stallAt(44100 * 4 / 2, Duration.ofMillis(stallMillis));
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(new LineSink(null), DEFAULTS, events)) {
            writer.start(LinePlaybackTest.S16, in, 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
            // PulseAudio restarts late after the underrun; the end is reported once all was heard.
            assertThat(writer.audibleFrame()).isEqualTo(44100);
        }
        assertThat(events.underruns).hasSize(1);
        Underrun underrun = events.underruns.get(0);
        // Each part is rounded down to whole milliseconds, hence the one millisecond of slack.
        assertThat(underrun.sinceLastFeedMillis()).isBetween(BLOCK_MILLIS - 1, BUFFER_MILLIS);
        assertThat(underrun.sinceLastFeedMillis() + underrun.gapMillis())
                .isBetween(stallMillis - 1, stallMillis + SCHEDULING_MARGIN_MILLIS);
    }

    @Test
    void aFlushStartsTheNewInputAtItsFrame() throws Exception {
        byte[] first = LinePlaybackTest.random(44100 * 4, 43);
        byte[] second = LinePlaybackTest.random(44100 * 4 / 2, 44);
        TestInput a = new TestInput(first, 4096).holdAt(44100 * 4 / 2);
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(new LineSink(null), BlockWriterConfig.defaults(), events)) {
            writer.start(LinePlaybackTest.S16, a, 0);
            a.awaitHeld();
            writer.flush(new TestInput(second, 4096), 100_000);
            assertThat(events.awaitEnd()).isEqualTo("drained");
            assertThat(writer.audibleFrame()).isEqualTo(100_000 + 22050);
        }
    }
}
