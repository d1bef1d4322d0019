package dev.reel.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.testkit.AlsaCapture;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Formats a 16-bit-only device refuses are converted, through a real line into the ALSA
 * capture, and match references written here from the formats' definitions.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConversionTest {

    private static final int FRAMES = 20000;

    @BeforeEach
    void clearCapture() throws Exception {
        AlsaCapture.clear();
    }

    private static short[] playOn16BitDevice(AudioFormat source, byte[] pcm, int maxChannels) throws Exception {
        Events events = new Events();
        byte[] out = LinePlaybackTest.play(new RestrictedSink(new LineSink(null), maxChannels), source,
                new TestInput(pcm, 1000, 3), events);
        assertThat(events.started.getSampleSizeInBits()).isEqualTo(16);
        assertThat(events.started.isBigEndian()).isFalse();
        short[] samples = new short[out.length / 2];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    @Test
    void unsigned8Bit() throws Exception {
        byte[] pcm = LinePlaybackTest.random(FRAMES * 2, 11);
        short[] out = playOn16BitDevice(new AudioFormat(44100, 8, 2, false, false), pcm, 2);
        assertThat(out).hasSize(pcm.length);
        for (int i = 0; i < pcm.length; i++) {
            assertThat(out[i]).isEqualTo((short) (((pcm[i] & 0xFF) - 128) * 256));
        }
    }

    @Test
    void signed24BitKeepsTheTopSixteenBits() throws Exception {
        byte[] pcm = LinePlaybackTest.random(FRAMES * 6, 12);
        short[] out = playOn16BitDevice(new AudioFormat(44100, 24, 2, true, false), pcm, 2);
        assertThat(out).hasSize(pcm.length / 3);
        for (int i = 0; i < out.length; i++) {
            short top = (short) ((pcm[3 * i + 2] << 8) | (pcm[3 * i + 1] & 0xFF));
            assertThat(out[i]).isEqualTo(top);
        }
    }

    @Test
    void float32IsScaledAndClipped() throws Exception {
        Random random = new Random(13);
        float[] samples = new float[FRAMES * 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (random.nextGaussian() * 0.6);
        }
        samples[0] = 1f;
        samples[1] = -1f;
        AudioFormat f32 = new AudioFormat(Encoding.PCM_FLOAT, 44100, 32, 2, 8, 44100, false);
        short[] out = playOn16BitDevice(f32, LinePlaybackTest.floats(samples), 2);
        assertThat(out).hasSize(samples.length);
        for (int i = 0; i < samples.length; i++) {
            double scaled = Math.floor(samples[i] * 32768.0);
            assertThat(out[i]).isEqualTo((short) Math.max(-32768, Math.min(32767, scaled)));
        }
    }

    @Test
    void muLawFollowsG711() throws Exception {
        byte[] codes = new byte[256 * 40];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) i;
        }
        AudioFormat ulaw = new AudioFormat(Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
        short[] out = playOn16BitDevice(ulaw, codes, 1);
        assertThat(out).hasSize(codes.length);
        for (int i = 0; i < codes.length; i++) {
            int u = ~codes[i] & 0xFF;
            int exponent = (u >> 4) & 7;
            int mantissa = u & 0x0F;
            int magnitude = ((2 * mantissa + 33) << exponent) - 33;
            int expected = 4 * ((u & 0x80) != 0 ? -magnitude : magnitude);
            assertThat(out[i]).as("code %d", codes[i] & 0xFF).isEqualTo((short) expected);
        }
    }

    @Test
    void sixChannelsOnAStereoDeviceAverageEvenAndOddChannels() throws Exception {
        byte[] pcm = LinePlaybackTest.random(FRAMES * 12, 14);
        short[] in = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(in);
        short[] out = playOn16BitDevice(new AudioFormat(44100, 16, 6, true, false), pcm, 2);
        assertThat(out).hasSize(FRAMES * 2);
        for (int f = 0; f < FRAMES; f++) {
            for (int c = 0; c < 2; c++) {
                double mean = (in[6 * f + c] + in[6 * f + c + 2] + in[6 * f + c + 4]) / 3.0;
                assertThat((double) out[2 * f + c]).isCloseTo(mean, org.assertj.core.data.Offset.offset(1.0));
            }
        }
    }

    @Test
    void volumeHalfHalvesTheSamplesAndMuteIsSilence() throws Exception {
        byte[] pcm = LinePlaybackTest.random(FRAMES * 4, 15);
        short[] in = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(in);
        AudioFormat s16 = LinePlaybackTest.S16;

        short[] half = playWith(s16, pcm, writer -> writer.setVolume(50));
        assertThat(half).hasSize(in.length);
        for (int i = 0; i < in.length; i++) {
            assertThat((double) half[i]).isCloseTo(in[i] / 2.0, org.assertj.core.data.Offset.offset(1.0));
        }
        AlsaCapture.clear();
        short[] muted = playWith(s16, pcm, writer -> writer.setMuted(true));
        assertThat(muted).hasSize(in.length).containsOnly((short) 0);
    }

    private static short[] playWith(AudioFormat format, byte[] pcm, java.util.function.Consumer<BlockWriter> setup)
            throws Exception {
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(new LineSink(null), BlockWriterConfig.defaults(), events)) {
            setup.accept(writer);
            writer.start(format, new TestInput(pcm), 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
        }
        byte[] out = AlsaCapture.read(format);
        short[] samples = new short[out.length / 2];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }
}
