package dev.reel.core.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.core.format.FormatException;
import dev.reel.core.format.PcmEncoding;
import dev.reel.core.source.SourceException;
import dev.reel.core.spool.SpoolCache;
import dev.reel.core.spool.SpoolConfig;
import dev.reel.testkit.Faults;
import dev.reel.testkit.RangeServer;
import dev.reel.testkit.Signals;
import dev.reel.testkit.WavBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link MediaProbe} reads what a medium is, the way the player would, without playing it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MediaProbeTest {

    @TempDir
    Path dir;

    private RangeServer server;
    private SpoolCache cache;

    @BeforeEach
    void setUp() throws Exception {
        server = RangeServer.start();
        cache = new SpoolCache(SpoolConfig.defaults().withDirectory(dir.resolve("spool")),
                SpoolCache.DEFAULT_MAX_BYTES, SpoolCache.DEFAULT_IDLE_TIMEOUT);
    }

    @AfterEach
    void tearDown() {
        cache.close();
        server.close();
    }

    @Test
    void describesAWavOnARangeServer() throws Exception {
        byte[] file = WavBuilder.pcm(24, 48000, 2).data(Signals.pcm(6, 24000)).build();
        server.add("/a.wav", file, "audio/wav");

        MediaInfo info = MediaProbe.probe(MediaRequest.of(server.url("/a.wav")), cache);

        assertThat(info.format().encoding()).isEqualTo(PcmEncoding.S24LE);
        assertThat(info.format().sampleRate()).isEqualTo(48000);
        assertThat(info.duration()).hasValue(0.5);
        assertThat(info.size()).hasValue(file.length);
        assertThat(info.seekable()).isTrue();
        assertThat(info.live()).isFalse();
    }

    @Test
    void aServerWithoutRangesIsNotSeekable() throws Exception {
        server.add("/a.wav", WavBuilder.pcm(16, 8000, 1).data(Signals.pcm(2, 800)).build(), "audio/wav");
        server.setFaults("/a.wav", Faults.NONE.withIgnoreRanges());

        assertThat(MediaProbe.probe(MediaRequest.of(server.url("/a.wav")), cache).seekable()).isFalse();
    }

    @Test
    void describesRawPcmOfAnAudioL16Type() throws Exception {
        server.add("/a.raw", new byte[8000], "audio/L16;rate=8000;channels=2");

        MediaInfo info = MediaProbe.probe(MediaRequest.of(server.url("/a.raw")), cache);

        assertThat(info.format().encoding()).isEqualTo(PcmEncoding.S16BE);
        assertThat(info.duration()).hasValue(0.25);
    }

    @Test
    void describesALocalFileWithItsOwnCache() throws Exception {
        Path file = dir.resolve("a.wav");
        Files.write(file, WavBuilder.pcm(16, 8000, 1).data(Signals.pcm(2, 4000)).build());

        assertThat(MediaProbe.probe(MediaRequest.of(file.toString())).duration()).hasValue(0.5);
    }

    @Test
    void failuresKeepTheirTypes() {
        server.add("/html", "<html></html>".getBytes(StandardCharsets.UTF_8), "text/html");
        server.add("/gone", new byte[10], "audio/wav");
        server.setFaults("/gone", Faults.NONE.withStatus(404));

        assertThatThrownBy(() -> MediaProbe.probe(MediaRequest.of(server.url("/html")), cache))
                .isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> MediaProbe.probe(MediaRequest.of(server.url("/gone")), cache))
                .isInstanceOf(SourceException.class).hasMessageContaining("404");
    }
}
