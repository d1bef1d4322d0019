package dev.reel.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every µ-law and A-law code, rendered to a 16-bit WAV, equals what {@code sox} decodes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class G711SoxTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"ULAW, mu-law", "ALAW, a-law"})
    void everyCodeDecodesAsSoxDoes(String encoding, String soxEncoding) throws Exception {
        byte[] codes = new byte[256];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) i;
        }
        Path raw = Files.write(dir.resolve("codes.raw"), codes);
        Path reference = dir.resolve("sox.raw");
        Process sox = new ProcessBuilder("sox", "-t", "raw", "-e", soxEncoding, "-r", "8000", "-c", "1", "-b", "8",
                raw.toString(), "-t", "raw", "-e", "signed", "-b", "16", "-L", reference.toString())
                .redirectErrorStream(true).start();
        assertThat(sox.waitFor()).as(new String(sox.getInputStream().readAllBytes())).isZero();

        AudioFormat g711 = new AudioFormat(new AudioFormat.Encoding(encoding), 8000, 8, 1, 1, 8000, false);
        Path wav = dir.resolve("out.wav");
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(new WavFileSink(wav), BlockWriterConfig.defaults(), events)) {
            writer.start(g711, new TestInput(codes, 7), 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(reference));
        }
    }
}
