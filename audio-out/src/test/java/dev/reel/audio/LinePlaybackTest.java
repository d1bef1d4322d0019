package dev.reel.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.testkit.AlsaCapture;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Plays through a real {@code SourceDataLine} into the ALSA file capture and compares bytes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LinePlaybackTest {

    static final AudioFormat S16 = new AudioFormat(44100, 16, 2, true, false);

    @BeforeEach
    void clearCapture() throws Exception {
        AlsaCapture.clear();
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Plays {@code in} to its end and returns what the device format's capture holds. */
    static byte[] play(AudioSink sink, AudioFormat format, PcmInput in, Events events) throws Exception {
        try (BlockWriter writer = new BlockWriter(sink, BlockWriterConfig.defaults(), events)) {
            writer.start(format, in, 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
        }
        return AlsaCapture.read(events.started);
    }

    @Test
    void sixteenBitStereoComesOutByteForByte() throws Exception {
        byte[] pcm = random(44100 * 4 / 2, 1);
        Events events = new Events();
        byte[] out = play(new LineSink(null), S16, new TestInput(pcm), events);
        assertThat(events.started).matches(f -> f.matches(S16));
        assertThat(AlsaCapture.file(S16).getFileName()).hasToString("cap.S16_LE.44100.2.raw");
        assertThat(out).isEqualTo(pcm);
        assertThat(events.firstBlocks).containsExactly(0L);
    }

    @Test
    void oddSizedReadsStillGiveWholeFramesAndTheSameBytes() throws Exception {
        byte[] pcm = random(44100 * 4 / 3 + 4 * 7, 2);
        byte[] out = play(new LineSink(null), S16, new TestInput(pcm, 1, 3, 7, 1001, 2, 4093), new Events());
        assertThat(out).isEqualTo(pcm);
    }

    @Test
    void flushMidwayContinuesExactlyAtTheNewInput() throws Exception {
        byte[] first = random(44100 * 4, 3);
        byte[] second = random(44100 * 2, 4);
        TestInput a = new TestInput(first, 999).holdAt(44100 * 2 + 6);
        Events events = new Events();
        byte[] out;
        try (BlockWriter writer = new BlockWriter(new LineSink(null), BlockWriterConfig.defaults(), events)) {
            writer.start(S16, a, 0);
            a.awaitHeld();
            writer.flush(new TestInput(second, 777), 1_000_000);
            assertThat(events.awaitEnd()).isEqualTo("drained");
            assertThat(writer.audibleFrame()).isEqualTo(1_000_000 + second.length / 4);
        }
        out = AlsaCapture.read(S16);
        int prefix = out.length - second.length;
        assertThat(prefix % 4).isZero();
        assertThat(Arrays.copyOfRange(out, prefix, out.length)).isEqualTo(second);
        assertThat(Arrays.copyOf(out, prefix)).isEqualTo(Arrays.copyOf(first, prefix));
        assertThat(events.firstBlocks).containsExactly(0L, 1_000_000L);
    }

    @Test
    void flushAfterTheEndPlaysAgain() throws Exception {
        byte[] first = random(4 * 1000, 5);
        byte[] second = random(4 * 3000, 6);
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(new LineSink(null), BlockWriterConfig.defaults(), events)) {
            writer.start(S16, new TestInput(first), 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
            writer.flush(new TestInput(second), 500);
            assertThat(events.awaitEnd()).isEqualTo("drained");
            assertThat(writer.audibleFrame()).isEqualTo(3500);
        }
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertThat(AlsaCapture.read(S16)).isEqualTo(both);
    }

    @Test
    void pauseAndResumeLoseAndRepeatNothing() throws Exception {
        byte[] pcm = random(44100 * 4, 7);
        TestInput in = new TestInput(pcm, 4096).holdAt(44100 * 2);
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(new LineSink(null), BlockWriterConfig.defaults(), events)) {
            writer.start(S16, in, 0);
            in.awaitHeld();
            writer.pause();
            in.release();
            writer.resume();
            writer.pause();
            writer.resume();
            assertThat(events.awaitEnd()).isEqualTo("drained");
        }
        assertThat(AlsaCapture.read(S16)).isEqualTo(pcm);
    }

    /**
     * The ALSA null device is not paced and cannot pause, so its capture grows as fast as the
     * writer writes: while paused the writer writes nothing but the block already in hand.
     */
    @Test
    void aPausedLineTakesNoMoreThanItsBuffer() throws Exception {
        byte[] pcm = random(44100 * 4 * 2, 9);
        TestInput in = new TestInput(pcm, 4096).holdAt(44100 * 4 / 2);
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(new LineSink(null), BlockWriterConfig.defaults(), events)) {
            writer.start(S16, in, 0);
            in.awaitHeld();
            writer.pause();
            long atPause = Files.size(AlsaCapture.file(S16));
            in.release();
            assertThat(events.awaitEnd(500, TimeUnit.MILLISECONDS)).isNull();
            long later = Files.size(AlsaCapture.file(S16));
            assertThat(later - atPause).isLessThanOrEqualTo(4410L * 4);
            writer.resume();
            assertThat(events.awaitEnd()).isEqualTo("drained");
        }
        assertThat(AlsaCapture.read(S16)).isEqualTo(pcm);
    }

    @Test
    void wideAndBigEndianFormatsPlayLosslessly() throws Exception {
        byte[] s24 = random(3 * 2 * 20000, 8);
        Events events = new Events();
        assertThat(play(new LineSink(null), new AudioFormat(44100, 24, 2, true, false), new TestInput(s24), events))
                .isEqualTo(s24);
        assertThat(events.started.getSampleSizeInBits()).isEqualTo(24);

        byte[] s16be = random(4 * 20000, 9);
        Events be = new Events();
        byte[] out = play(new LineSink(null), new AudioFormat(44100, 16, 2, true, true), new TestInput(s16be), be);
        assertThat(out).isEqualTo(swapPairs(s16be));
    }

    @Test
    void floatIsPlayedAsThirtyTwoBitIntegersWhenTheDeviceTakesThem() throws Exception {
        float[] samples = {0f, 0.5f, -0.5f, 1f, -1f, 0.25f, 2f, -3f};
        AudioFormat f32 = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, 44100, 32, 2, 8, 44100, false);
        Events events = new Events();
        byte[] out = play(new LineSink(null), f32, new TestInput(floats(samples)), events);
        assertThat(events.started).matches(f -> f.getSampleSizeInBits() == 32
                && f.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED));
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int[] expected = {0, 1 << 30, -(1 << 30), Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 29,
            Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (int e : expected) {
            assertThat(b.getInt()).isEqualTo(e);
        }
    }

    @Test
    void aMissingDeviceIsOneLine() {
        BlockWriter writer = new BlockWriter(new LineSink("no such card"), BlockWriterConfig.defaults(), new Events());
        assertThatThrownBy(() -> writer.start(S16, new TestInput(new byte[4]), 0))
                .isInstanceOf(AudioException.class)
                .hasMessageStartingWith("audio device 'no such card' not found")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        writer.close();
    }

    @Test
    void devicesListTheDefaultMixer() {
        assertThat(AudioDevices.names()).isNotEmpty();
    }

    static byte[] swapPairs(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i += 2) {
            out[i] = in[i + 1];
            out[i + 1] = in[i];
        }
        return out;
    }

    static byte[] floats(float[] samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            b.putFloat(s);
        }
        return b.array();
    }
}
