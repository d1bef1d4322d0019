package dev.reel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AlsaCaptureTest {

    private static final AudioFormat CD = new AudioFormat(44_100, 16, 2, true, false);
    private static final AudioFormat MONO_8 = new AudioFormat(8000, 8, 1, true, false);

    @BeforeEach
    void clear() throws Exception {
        AlsaCapture.clear();
    }

    @Test
    void everyReopeningIsReadInOrderAndClearedWithTheFirst() throws Exception {
        ByteArrayOutputStream played = new ByteArrayOutputStream();
        for (int opening = 0; opening < 3; opening++) {
            byte[] pcm = Signals.pcm(4, 10_000 + 1000 * opening, 5000);
            play(CD, pcm);
            played.writeBytes(pcm);
        }
        play(MONO_8, Signals.pcm(1, 0, 800));

        String cd = AlsaCapture.file(CD).getFileName().toString();
        assertThat(AlsaCapture.files()).extracting(file -> file.getFileName().toString())
                .containsExactly(cd, cd + ".0001", cd + ".0002", "cap.S8.8000.1.raw");
        assertThat(AlsaCapture.files(CD)).hasSize(3);
        assertThat(AlsaCapture.read(CD)).isEqualTo(played.toByteArray());
        assertThat(AlsaCapture.size(CD)).isEqualTo(played.size());
        assertThat(AlsaCapture.await(CD, played.size(), Duration.ofSeconds(1))).isEqualTo(played.toByteArray());
        assertThat(AlsaCapture.read(MONO_8)).isEqualTo(Signals.pcm(1, 0, 800));

        AlsaCapture.clear();
        assertThat(AlsaCapture.files()).isEmpty();
        try (var left = Files.list(AlsaCapture.dir())) {
            assertThat(left).isEmpty();
        }
        assertThat(AlsaCapture.read(CD)).isEmpty();
    }

    @Test
    void aFormatNeverPlayedReadsEmpty() throws Exception {
        assertThat(AlsaCapture.read(CD)).isEmpty();
        assertThat(AlsaCapture.size(CD)).isZero();
        assertThat(AlsaCapture.files(CD)).isEmpty();
    }

    private static void play(AudioFormat format, byte[] pcm) throws Exception {
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            line.write(pcm, 0, pcm.length);
            line.drain();
        }
    }
}
