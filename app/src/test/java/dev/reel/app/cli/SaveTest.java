package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.testkit.Faults;
import dev.reel.testkit.Signals;
import dev.reel.testkit.WavBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code reel save} in-process against a real loopback server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SaveTest extends ServerTest {

    @Test
    void saveWritesTheWholeResourceThroughDrops() throws Exception {
        byte[] wav = WavBuilder.pcm(16, 44100, 2).data(Signals.pcm(4, 100_000)).build();
        server.add("/a.wav", wav, "audio/wav");
        server.setFaults("/a.wav", Faults.NONE.withCutEvery(100_000));
        Path file = dir.resolve("saved.wav");

        CliRun run = CliRun.run("save", server.url("/a.wav"), file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(wav);
        assertThat(run.out() + run.err()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void saveDrawsAProgressBarOnATerminal() throws Exception {
        byte[] wav = WavBuilder.pcm(16, 44100, 2).data(Signals.pcm(4, 100_000)).build();
        server.add("/a.wav", wav, "audio/wav");

        CliRun run = CliRun.runOnTerminal("save", server.url("/a.wav"), dir.resolve("a.wav").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).startsWith("\r[").contains("%").endsWith("\n");
    }

    @Test
    void aFailedSaveLeavesNothingBehind() throws Exception {
        Path file = dir.resolve("saved.wav");

        CliRun run = CliRun.run("save", server.url("/missing.wav"), file.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString().contains("404");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

}
