package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.testkit.AlsaCapture;
import dev.reel.testkit.Faults;
import dev.reel.testkit.Signals;
import dev.reel.testkit.WavBuilder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code reel info} in-process against a real loopback server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InfoTest extends ServerTest {

    static final ObjectMapper JSON = new ObjectMapper();




    @Test
    void infoPrintsTheReadyFields() throws Exception {
        byte[] wav = WavBuilder.pcm(16, 8000, 1).data(Signals.pcm(2, 12000)).build();
        server.add("/a.wav", wav, "audio/wav");

        CliRun run = CliRun.run("info", server.url("/a.wav"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).singleElement().isEqualTo("{\"format\":{\"encoding\":\"s16le\",\"rate\":8000,"
                + "\"channels\":1},\"duration\":1.5,\"size\":" + wav.length + ",\"seekable\":true}");
        assertThat(AlsaCapture.files()).isEmpty();
    }

    @Test
    void infoOfAServerWithoutRangesIsNotSeekable() throws Exception {
        server.add("/a.raw", Signals.pcm(4, 44100), "audio/L16;rate=44100;channels=2");
        server.setFaults("/a.raw", Faults.NONE.withIgnoreRanges());

        CliRun run = CliRun.run("info", server.url("/a.raw"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode info = JSON.readTree(run.out());
        assertThat(info.get("format").get("encoding").asText()).isEqualTo("s16be");
        assertThat(info.get("seekable").asBoolean()).isFalse();
    }

    @Test
    void infoFailuresHaveTheirExitCodes() throws Exception {
        server.add("/bad.wav", "not a wave file at all, sorry".getBytes(), "audio/wav");

        CliRun notFound = CliRun.run("info", server.url("/missing.wav"));
        CliRun bad = CliRun.run("info", server.url("/bad.wav"));

        assertThat(notFound.exitCode()).isEqualTo(3);
        assertThat(notFound.errLines()).singleElement().asString().contains("404");
        assertThat(bad.exitCode()).isEqualTo(4);
        assertThat(bad.errLines()).hasSize(1);
        assertThat(notFound.out() + bad.out()).isEmpty();
    }

}
