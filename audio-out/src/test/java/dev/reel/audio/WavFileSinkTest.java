package dev.reel.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WavFileSinkTest {

    @TempDir
    Path dir;

    private byte[] render(Path file, AudioFormat format, byte[] pcm, int volume, Events events) throws Exception {
        try (BlockWriter writer = new BlockWriter(new WavFileSink(file), BlockWriterConfig.defaults(), events)) {
            writer.setVolume(volume);
            writer.start(format, new TestInput(pcm, 333), 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
        }
        try (AudioInputStream wav = AudioSystem.getAudioInputStream(file.toFile())) {
            assertThat(wav.getFormat().matches(events.started)).isTrue();
            byte[] data = wav.readAllBytes();
            assertThat(wav.getFrameLength()).isEqualTo(data.length / events.started.getFrameSize());
            return data;
        }
    }

    @Test
    void rendersAWavFileWithTheInputAsItsData() throws Exception {
        byte[] pcm = LinePlaybackTest.random(44100 * 4, 31);
        Path file = dir.resolve("out.wav");
        assertThat(render(file, LinePlaybackTest.S16, pcm, 100, new Events())).isEqualTo(pcm);
        assertThat(Files.size(file)).isEqualTo(44 + pcm.length);
        assertThat(AudioSystem.getAudioFileFormat(new File(file.toString())).getType())
                .isEqualTo(javax.sound.sampled.AudioFileFormat.Type.WAVE);
    }

    @Test
    void softwareVolumeHalvesTheSamples() throws Exception {
        byte[] pcm = LinePlaybackTest.random(4 * 5000, 32);
        byte[] out = render(dir.resolve("half.wav"), LinePlaybackTest.S16, pcm, 50, new Events());
        for (int i = 0; i < pcm.length; i += 2) {
            short in = (short) ((pcm[i + 1] << 8) | (pcm[i] & 0xFF));
            short half = (short) ((out[i + 1] << 8) | (out[i] & 0xFF));
            assertThat(half).isEqualTo((short) (in >> 1));
        }
    }

    @Test
    void muLawIsRenderedAsSixteenBit() throws Exception {
        byte[] codes = {(byte) 0xFF, (byte) 0x7F, (byte) 0x80, 0x00};
        Events events = new Events();
        AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
        byte[] out = render(dir.resolve("ulaw.wav"), ulaw, codes, 100, events);
        assertThat(events.started.getSampleSizeInBits()).isEqualTo(16);
        assertThat(out).containsExactly(0, 0, 0, 0, 0x7C, (byte) 0x7D, (byte) 0x84, (byte) 0x82);
    }
}
