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

    @Test
    void steadyInputPlaysInRealTimeWithoutUnderruns() throws Exception {
        byte[] pcm = LinePlaybackTest.random(44100 * 4, 41);
        Events events = new Events();
        long t0 = System.nanoTime();
        try (BlockWriter writer = new BlockWriter(new LineSink(null), BlockWriterConfig.defaults(), events)) {
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

    @Test
    void aStalledInputIsReportedAsAnUnderrun() throws Exception {
        byte[] pcm = LinePlaybackTest.random(44100 * 4, 42);
        TestInput in = new TestInput(pcm, 4096).stallAt(44100 * 4 / 2, Duration.ofMillis(700));
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(new LineSink(null), BlockWriterConfig.defaults(), events)) {
            writer.start(LinePlaybackTest.S16, in, 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
            // Known: after an underrun, ALSA's PulseAudio plugin leaves Java's frame counter up to
            // one block behind when the drain returns.
            assertThat(writer.audibleFrame()).isBetween(44100L - 4410, 44100L);
        }
        assertThat(events.underruns).hasSize(1);
        assertThat(events.underruns.get(0).gapMillis()).isBetween(100L, 700L);
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
