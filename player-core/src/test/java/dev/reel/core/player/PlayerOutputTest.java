package dev.reel.core.player;

import static dev.reel.core.player.PlayerHarness.samples;
import static dev.reel.core.player.PlayerHarness.wav;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.audio.AudioException;
import dev.reel.audio.AudioSink;
import dev.reel.audio.WavFileSink;
import dev.reel.core.spool.SpoolConfig;
import dev.reel.testkit.Faults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The player prepares each medium's output while it opens the medium (so that the device lookup
 * overlaps the HTTP exchange), and still makes one output per medium played.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PlayerOutputTest {

    @TempDir
    Path dir;

    private final List<RecordingSink> sinks = new CopyOnWriteArrayList<>();
    private PlayerHarness harness;
    private volatile long readyNanos;

    @BeforeEach
    void setUp() throws IOException {
        harness = new PlayerHarness(SpoolConfig.defaults().withDirectory(dir.resolve("spool")), () -> {
            RecordingSink sink = new RecordingSink(new WavFileSink(dir.resolve("out" + (sinks.size() + 1) + ".wav")));
            sinks.add(sink);
            return sink;
        });
        harness.player.addListener(event -> {
            if (event instanceof PlayerEvent.Ready && readyNanos == 0) {
                readyNanos = System.nanoTime();
            }
        });
    }

    @AfterEach
    void tearDown() {
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

    /** A file sink that notes when and where it was prepared and opened. */
    private static final class RecordingSink implements AudioSink {

        private final AudioSink file;
        volatile String preparedOn;
        volatile long preparedNanos;
        volatile long openedNanos;

        RecordingSink(AudioSink file) {
            this.file = file;
        }

        @Override
        public void prepare() {
            preparedOn = Thread.currentThread().getName();
            preparedNanos = System.nanoTime();
        }

        @Override
        public boolean open(AudioFormat format, int bufferBytes) throws AudioException {
            openedNanos = System.nanoTime();
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
        }
    }
}
