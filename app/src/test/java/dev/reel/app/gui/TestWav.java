package dev.reel.app.gui;

import dev.reel.testkit.WavBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFormat;

/** WAV files for the window's tests: 16-bit stereo at 44.1 kHz, a tone that swells and fades. */
final class TestWav {

    static final int RATE = 44100;
    static final int FRAME = 4;
    static final int HEADER = 44;
    /** The files' format, in which the window opens its device line. */
    static final AudioFormat FORMAT = new AudioFormat(RATE, 16, 2, true, false);

    private TestWav() {
    }

    /** A whole WAV file of {@code seconds} seconds; its samples start at {@link #HEADER}. */
    static byte[] tone(double seconds) {
        int frames = (int) Math.round(seconds * RATE);
        ByteBuffer samples = ByteBuffer.allocate(frames * FRAME).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            double t = (double) i / RATE;
            double swell = 0.35 + 0.3 * Math.sin(2 * Math.PI * 0.5 * t);
            double left = swell * Math.sin(2 * Math.PI * 220 * t);
            double right = swell * 0.7 * Math.sin(2 * Math.PI * 330 * t + 0.5);
            samples.putShort((short) Math.round(left * 32767)).putShort((short) Math.round(right * 32767));
        }
        return WavBuilder.pcm(16, RATE, 2).data(samples.array()).build();
    }
}
