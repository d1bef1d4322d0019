package dev.reel.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reel.core.format.PcmEncoding;
import dev.reel.core.format.PcmFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LevelsTest {

    @Test
    void aFullScaleSquareWaveOnTheLeftAndSilenceOnTheRight() {
        ByteBuffer frames = ByteBuffer.allocate(400).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 100; i++) {
            frames.putShort((short) (i % 2 == 0 ? 32767 : -32768)).putShort((short) 0);
        }
        frames.flip();

        Levels levels = Levels.measure(new PcmFormat(PcmEncoding.S16LE, 8000, 2), frames);

        assertThat(levels.channels()).isEqualTo(2);
        assertThat(levels.peak()[0]).isCloseTo(1.0, within(1e-3));
        assertThat(levels.rms()[0]).isCloseTo(1.0, within(1e-3));
        assertThat(levels.peak()[1]).isZero();
    }

    @Test
    void aHalfScaleSineIsAboutMinus9DbRms() {
        ByteBuffer frames = ByteBuffer.allocate(3 * 4800).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < 4800; i++) {
            int v = (int) Math.round(0.5 * 8388607 * Math.sin(2 * Math.PI * 440 * i / 48000.0));
            frames.put((byte) (v >> 16)).put((byte) (v >> 8)).put((byte) v);
        }
        frames.flip();

        Levels levels = Levels.measure(new PcmFormat(PcmEncoding.S24BE, 48000, 1), frames);

        assertThat(levels.peak()[0]).isCloseTo(0.5, within(1e-3));
        assertThat(20 * Math.log10(levels.rms()[0])).isCloseTo(-9.03, within(0.05));
    }

    @Test
    void unsignedFloatAndCompandedSilenceAreSilent() {
        for (PcmEncoding encoding : new PcmEncoding[] {PcmEncoding.U8, PcmEncoding.F32LE}) {
            ByteBuffer frames = ByteBuffer.allocate(encoding.bytesPerSample() * 10);
            if (encoding == PcmEncoding.U8) {
                while (frames.hasRemaining()) {
                    frames.put((byte) 0x80);
                }
            }
            frames.flip();
            assertThat(Levels.measure(new PcmFormat(encoding, 8000, 1), frames).peak()[0]).isZero();
        }
        ByteBuffer ulaw = ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0x7F, (byte) 0x00, (byte) 0x80});
        Levels loud = Levels.measure(new PcmFormat(PcmEncoding.ULAW, 8000, 1), ulaw);
        assertThat(loud.peak()[0]).isCloseTo(32124 / 32768.0, within(1e-6));
        ByteBuffer alaw = ByteBuffer.wrap(new byte[] {(byte) 0xD5, (byte) 0x55, (byte) 0xAA});
        assertThat(Levels.measure(new PcmFormat(PcmEncoding.ALAW, 8000, 1), alaw).peak()[0])
                .isCloseTo(32256 / 32768.0, within(1e-6));
    }

    @Test
    void theMeterMapsMinus60To0DbOntoTheBar() {
        assertThat(LevelMeter.fraction(1.0)).isEqualTo(1.0);
        assertThat(LevelMeter.fraction(0.001)).isCloseTo(0.0, within(1e-9));
        assertThat(LevelMeter.fraction(0.0316)).isCloseTo(0.5, within(0.01));
        assertThat(LevelMeter.fraction(0)).isZero();
    }
}
