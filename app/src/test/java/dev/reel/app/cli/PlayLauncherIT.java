package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.testkit.AlsaCapture;
import dev.reel.testkit.RangeServer;
import dev.reel.testkit.Signals;
import dev.reel.testkit.WavBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher end to end, where a separate process matters: real stdio (JSON on stdout and
 * nothing else, stdin at end of file), exit codes, and {@code listen} fed by {@code nc}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlayLauncherIT {

    static final AudioFormat S16_STEREO = new AudioFormat(44100, 16, 2, true, false);

    @TempDir
    Path dir;

    @BeforeEach
    void clearCapture() throws Exception {
        AlsaCapture.clear();
    }

    @Test
    void playsAUrlToTheDeviceWithJsonOnStdout() throws Exception {
        byte[] data = Signals.pcm(4, 44100);
        try (RangeServer server = RangeServer.start()) {
            server.add("/a.wav", WavBuilder.pcm(16, 44100, 2).data(data).build(), "audio/wav");

            Launcher.Result run = Launcher.run(Map.of(), 30, "play", "--json", "--start", "0.5", server.url("/a.wav"));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            ObjectMapper json = new ObjectMapper();
            for (String line : run.outLines()) {
                assertThat(json.readTree(line).get("event").isTextual()).as(line).isTrue();
            }
            assertThat(run.outLines().get(0)).startsWith("{\"event\":\"ready\"");
            assertThat(run.outLines().get(run.outLines().size() - 1)).isEqualTo("{\"event\":\"ended\"}");
            assertThat(AlsaCapture.read(S16_STEREO)).isEqualTo(Arrays.copyOfRange(data, 22050 * 4, data.length));
        }
    }

    @Test
    void aBadSourceExits3WithOneLine() throws Exception {
        try (RangeServer server = RangeServer.start()) {
            Launcher.Result run = Launcher.run("play", server.url("/missing.wav"));

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.errLines()).singleElement().asString().startsWith("reel: ").contains("404");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void badAudioExits4WithOneLine() throws Exception {
        Path file = Files.write(dir.resolve("bad.wav"), "RIFF....WAVEjunk".getBytes(StandardCharsets.US_ASCII));

        Launcher.Result run = Launcher.run("play", file.toString());

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errLines()).singleElement().asString().startsWith("reel: ");
        assertThat(AlsaCapture.files()).isEmpty();
    }

    @Test
    void stopOnStdinExits0() throws Exception {
        byte[] data = Signals.pcm(4, 44100 * 600);
        Path file = Files.write(dir.resolve("long.raw"), data);
        Launcher.Running running = Launcher.start(Map.of(), "play", "--json", "--format", "s16le:44100:2",
                "--out", dir.resolve("out.wav").toString(), file.toString());
        try (OutputStream stdin = running.process().getOutputStream()) {
            stdin.write("pause\nstatus\nstop\n".getBytes(StandardCharsets.US_ASCII));
        }
        Launcher.Result run = running.await(30);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("{\"event\":\"status\"");
    }

    @Test
    void listenPlaysWhatNcSends() throws Exception {
        byte[] data = Signals.pcm(4, 44100);
        Path raw = Files.write(dir.resolve("a.raw"), data);
        Process listening = new ProcessBuilder(Launcher.command("listen", "--port", "0", "--json"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(listening.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream stdin = listening.getOutputStream()) {
            JsonNode first = new ObjectMapper().readTree(out.readLine());
            assertThat(first.get("event").asText()).isEqualTo("listening");

            Process nc = new ProcessBuilder("nc", "-N", "127.0.0.1", first.get("port").asText())
                    .redirectInput(raw.toFile()).redirectErrorStream(true).start();
            assertThat(nc.waitFor(20, TimeUnit.SECONDS)).isTrue();
            for (String line = out.readLine(); !"{\"event\":\"ended\"}".equals(line); line = out.readLine()) {
                assertThat(line).as("reel listen ended early").isNotNull();
            }
            stdin.write("stop\n".getBytes(StandardCharsets.US_ASCII));
            stdin.flush();

            assertThat(listening.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(listening.exitValue()).isZero();
        } finally {
            listening.destroyForcibly();
        }
        assertThat(AlsaCapture.read(S16_STEREO)).isEqualTo(data);
    }
}
