package dev.reel.core.player;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.audio.LineSink;
import dev.reel.core.player.PlayerEvent.Error.Kind;
import dev.reel.core.spool.SpoolConfig;
import dev.reel.testkit.AlsaCapture;
import dev.reel.testkit.Faults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures reach the listener as one {@link PlayerEvent.Error} of the right kind, within seconds,
 * with nothing played and no temp file left; the player then plays the next medium.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PlayerErrorTest {

    @TempDir
    Path dir;

    private PlayerHarness harness;
    private Player player;
    private EventRecorder events;
    private String device;

    @BeforeEach
    void setUp() throws IOException {
        AlsaCapture.clear();
        Files.createDirectories(dir.resolve("spool"));
        harness = new PlayerHarness(new SpoolConfig(1024, dir.resolve("spool"), 0), () -> new LineSink(device));
        player = harness.player;
        events = harness.events;
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private static byte[] wav() {
        return PlayerHarness.wav(PlayerHarness.samples(1)).build();
    }

    private PlayerEvent.Error failureOf(String location) throws Exception {
        player.open(MediaRequest.of(location));
        PlayerEvent finish = events.awaitFinish();
        assertThat(finish).isInstanceOf(PlayerEvent.Error.class);
        PlayerEvent.Error error = (PlayerEvent.Error) finish;
        assertThat(error.message()).doesNotContain("\n").isNotBlank();
        assertThat(player.state()).isEqualTo(PlayerState.ERROR);
        assertThat(events.all(PlayerEvent.Position.class)).isEmpty();
        harness.close();
        assertThat(AlsaCapture.files()).isEmpty();
        try (var files = Files.walk(dir.resolve("spool"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        return error;
    }

    private String serve(byte[] body, String type, Faults faults) {
        return harness.serve("/x", body, type, faults);
    }

    @Test
    void httpErrorIsASourceError() throws Exception {
        PlayerEvent.Error error = failureOf(serve(wav(), "audio/wav", Faults.NONE.withStatus(404)));

        assertThat(error.kind()).isEqualTo(Kind.SOURCE);
        assertThat(error.message()).contains("404");
    }

    @Test
    void htmlServedAsAudioIsAFormatError() throws Exception {
        byte[] html = "<!DOCTYPE html><html><body>Not audio</body></html>".getBytes(StandardCharsets.UTF_8);

        assertThat(failureOf(serve(html, "text/html", Faults.NONE)).kind()).isEqualTo(Kind.FORMAT);
    }

    @Test
    void emptyBodyIsAFormatError() throws Exception {
        assertThat(failureOf(serve(new byte[0], "audio/wav", Faults.NONE)).kind()).isEqualTo(Kind.FORMAT);
    }

    @Test
    void headerCutShortIsAFormatError() throws Exception {
        assertThat(failureOf(serve(Arrays.copyOf(wav(), 30), "audio/wav", Faults.NONE)).kind())
                .isEqualTo(Kind.FORMAT);
    }

    @Test
    void badAudioL16ParametersAreAFormatError() throws Exception {
        assertThat(failureOf(serve(new byte[400], "audio/L16;rate=0", Faults.NONE)).kind()).isEqualTo(Kind.FORMAT);
    }

    @Test
    void unsupportedSchemeIsASourceError() throws Exception {
        assertThat(failureOf("ftp://127.0.0.1/a.wav").kind()).isEqualTo(Kind.SOURCE);
    }

    @Test
    void missingFileIsASourceError() throws Exception {
        assertThat(failureOf(dir.resolve("missing.wav").toString()).kind()).isEqualTo(Kind.SOURCE);
    }

    @Test
    void missingDeviceIsAnAudioError() throws Exception {
        device = "no such device";

        assertThat(failureOf(serve(wav(), "audio/wav", Faults.NONE)).kind()).isEqualTo(Kind.AUDIO);
    }

    @Test
    void thePlayerPlaysTheNextMediumAfterAnError() throws Exception {
        String bad = harness.serve("/bad", new byte[0], "audio/wav", Faults.NONE);
        String good = harness.serve("/good", wav(), "audio/wav", Faults.NONE);
        player.open(MediaRequest.of(bad));
        events.await(PlayerEvent.Error.class);
        player.open(MediaRequest.of(good));

        events.await(PlayerEvent.Ended.class);
        assertThat(events.states()).containsSubsequence(PlayerState.ERROR, PlayerState.OPENING,
                PlayerState.PLAYING, PlayerState.ENDED);
    }
}
