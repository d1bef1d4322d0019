package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.testkit.AlsaCapture;
import dev.reel.testkit.Faults;
import dev.reel.testkit.Signals;
import dev.reel.testkit.WavBuilder;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad sources and bad audio: the right exit code, exactly one line on stderr, within seconds
 * (the class timeout), and nothing played.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PlayErrorsTest extends ServerTest {

    static byte[] goodWav() {
        return WavBuilder.pcm(16, 44100, 2).data(Signals.pcm(4, 4410)).build();
    }

    void assertFails(int exitCode, String messagePart, String... args) throws Exception {
        CliRun run = CliRun.run(args);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.errLines()).singleElement().asString().startsWith("reel: ").contains(messagePart);
        assertThat(AlsaCapture.files()).isEmpty();
    }

    String served(String path, byte[] body, String type) {
        server.add(path, body, type);
        return server.url(path);
    }

    @Test
    void http404IsASourceError() throws Exception {
        assertFails(3, "404", "play", server.url("/missing.wav"));
    }

    @Test
    void http500IsASourceError() throws Exception {
        String url = served("/a.wav", goodWav(), "audio/wav");
        server.setFaults("/a.wav", Faults.NONE.withStatus(500));

        assertFails(3, "500", "play", url);
    }

    @Test
    void aRefusedConnectionIsASourceError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertFails(3, "127.0.0.1", "play", "http://127.0.0.1:" + port + "/a.wav");
    }

    @Test
    void aMissingFileIsASourceError() throws Exception {
        assertFails(3, "nope.wav", "play", dir.resolve("nope.wav").toString());
    }

    @Test
    void anEmptyBodyIsBadAudio() throws Exception {
        assertFails(4, "", "play", served("/empty.wav", new byte[0], "audio/wav"));
    }

    @Test
    void htmlServedAsAudioIsBadAudio() throws Exception {
        byte[] html = "<!DOCTYPE html><html><body>Not found, but 200</body></html>".getBytes(StandardCharsets.UTF_8);

        assertFails(4, "", "play", served("/page.wav", html, "audio/wav"));
    }

    @Test
    void aTruncatedHeaderIsBadAudio() throws Exception {
        assertFails(4, "", "play", served("/cut.wav", Arrays.copyOf(goodWav(), 30), "audio/wav"));
    }

    @Test
    void wrongMagicIsBadAudio() throws Exception {
        byte[] wav = goodWav();
        wav[0] = 'X';

        assertFails(4, "", "play", Files.write(dir.resolve("magic.wav"), wav).toString());
    }

    @Test
    void zeroChannelsIsBadAudio() throws Exception {
        byte[] wav = WavBuilder.pcm(16, 44100, 0).data(new byte[400]).build();

        assertFails(4, "channels", "play", served("/zero.wav", wav, "audio/wav"));
    }

    @Test
    void anAbsurdFmtSizeIsBadAudio() throws Exception {
        byte[] wav = goodWav();
        // The fmt chunk's size field (bytes 16..19) claims 2 GiB.
        wav[16] = 0;
        wav[17] = 0;
        wav[18] = 0;
        wav[19] = (byte) 0x80;

        assertFails(4, "", "play", served("/absurd.wav", wav, "audio/wav"));
    }
}
