package dev.reel.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.testkit.AlsaCapture;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@link LineSink} keeps its closed line for the next sink: the reused line must play each
 * opening in that opening's format, byte for byte, whatever the line played before.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LineSinkReuseTest {

    static final AudioFormat S16 = LinePlaybackTest.S16;
    static final AudioFormat MONO_8K = new AudioFormat(8000, 16, 1, true, false);
    static final AudioFormat U8 = new AudioFormat(22050, 8, 2, false, false);

    @BeforeEach
    void clearCapture() throws Exception {
        AlsaCapture.clear();
    }

    @Test
    void sinksOneAfterAnotherPlayEachFormatExactly() throws Exception {
        byte[] first = LinePlaybackTest.random(44100 * 4 / 5, 11);
        byte[] second = LinePlaybackTest.random(8000 * 2 / 5, 12);
        byte[] third = LinePlaybackTest.random(44100 * 4 / 5, 13);
        byte[] fourth = LinePlaybackTest.random(22050 * 2 / 5, 14);

        LinePlaybackTest.play(prepared(), S16, new TestInput(first), new Events());
        LinePlaybackTest.play(prepared(), MONO_8K, new TestInput(second), new Events());
        LinePlaybackTest.play(new LineSink(null), S16, new TestInput(third), new Events());
        LinePlaybackTest.play(new LineSink(null), U8, new TestInput(fourth), new Events());

        assertThat(AlsaCapture.read(S16)).isEqualTo(concat(first, third));
        assertThat(AlsaCapture.read(MONO_8K)).isEqualTo(second);
        // Java opens unsigned 8-bit lines as S8: the capture holds the samples with the sign bit flipped.
        byte[] signed = fourth.clone();
        for (int i = 0; i < signed.length; i++) {
            signed[i] ^= (byte) 0x80;
        }
        assertThat(AlsaCapture.read(U8)).isEqualTo(signed);
    }

    @Test
    void preparingOpensNothing() throws Exception {
        new LineSink(null).prepare();
        new LineSink(null).prepare();

        assertThat(AlsaCapture.files()).isEmpty();
    }

    @Test
    void aLineGivenBackTwiceIsKeptOnce() throws Exception {
        LinePool.forget(null);
        SourceDataLine line = LinePool.take(null, S16);
        LinePool.give(null, line);
        LinePool.give(null, line);
        SourceDataLine first = LinePool.take(null, S16);
        SourceDataLine second = LinePool.take(null, S16);
        assertThat(first).isSameAs(line);
        assertThat(second).isNotSameAs(line);
        LinePool.give(null, first);
        LinePool.give(null, second);
    }

    @Test
    void aSinkClosedTwiceLeavesItsLineToOneOtherSink() throws Exception {
        LineSink sink = new LineSink(null);
        assertThat(sink.open(S16, 4 * 4410)).isTrue();
        sink.close();
        sink.close();
        LineSink a = new LineSink(null);
        LineSink b = new LineSink(null);
        try {
            assertThat(a.open(S16, 4 * 4410)).isTrue();
            assertThat(b.open(S16, 4 * 4410)).isTrue();
            a.close();
            assertThat(b.write(new byte[400], 0, 400)).isEqualTo(400);
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void aMissingNamedDeviceFailsInOneLine() {
        LineSink sink = new LineSink("no such device");

        assertThatThrownBy(() -> sink.open(S16, 4 * 4410)).isInstanceOf(AudioException.class)
                .hasMessageStartingWith("audio device 'no such device' not found (devices: ")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(sink::prepare).isInstanceOf(AudioException.class);
    }

    @Test
    void floatAndG711AreRefusedSoTheWriterConverts() throws Exception {
        LineSink sink = new LineSink(null);
        AudioFormat floats = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, 44100, 32, 2, 8, 44100, false);
        AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);

        assertThat(sink.open(floats, 8 * 4410)).isFalse();
        assertThat(sink.open(ulaw, 800)).isFalse();
        assertThat(AlsaCapture.files()).isEmpty();
    }

    private static LineSink prepared() throws AudioException {
        LineSink sink = new LineSink(null);
        sink.prepare();
        return sink;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
