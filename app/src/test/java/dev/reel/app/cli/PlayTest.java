package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.core.player.PlayerConfig;
import dev.reel.testkit.AlsaCapture;
import dev.reel.testkit.Faults;
import dev.reel.testkit.Signals;
import dev.reel.testkit.WavBuilder;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code reel play} in-process, end to end: real files and a loopback range server in, the ALSA
 * file device out; the bytes that reach the device must equal the source's data chunk.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlayTest extends ServerTest {

    static final int RATE = 44100;
    static final int FRAME = 4;
    static final AudioFormat S16_STEREO = new AudioFormat(RATE, 16, 2, true, false);
    static final ObjectMapper JSON = new ObjectMapper();




    static byte[] pcm(double seconds) {
        return Signals.pcm(FRAME, (int) Math.round(seconds * RATE));
    }

    static byte[] wav(byte[] data) {
        return WavBuilder.pcm(16, RATE, 2).data(data).build();
    }

    Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    static byte[] from(byte[] data, double seconds) {
        int offset = (int) Math.round(seconds * RATE) * FRAME;
        return Arrays.copyOfRange(data, Math.min(offset, data.length), data.length);
    }

    static List<JsonNode> parse(List<String> lines) throws Exception {
        JsonNode[] nodes = new JsonNode[lines.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = JSON.readTree(lines.get(i));
        }
        return List.of(nodes);
    }

    @Test
    void playsAFileFromTheStartToTheDevice() throws Exception {
        byte[] data = pcm(1.5);

        CliRun run = CliRun.run("play", file("a.wav", wav(data)).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(AlsaCapture.read(S16_STEREO)).isEqualTo(data);
    }

    @Test
    void playsAUrlFromStartSeconds() throws Exception {
        byte[] data = pcm(2);
        server.add("/a.wav", wav(data), "audio/wav");

        CliRun run = CliRun.run("play", "--start", "1.25", server.url("/a.wav"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(AlsaCapture.read(S16_STEREO)).isEqualTo(from(data, 1.25));
    }

    @Test
    void startIsExactOnAServerWithoutRanges() throws Exception {
        byte[] data = pcm(2);
        server.add("/a.wav", wav(data), "audio/wav");
        server.setFaults("/a.wav", Faults.NONE.withIgnoreRanges());

        CliRun run = CliRun.run("play", "--start", "0.7", server.url("/a.wav"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(AlsaCapture.read(S16_STEREO)).isEqualTo(from(data, 0.7));
    }

    @Test
    void playsExactlyThroughDroppedConnectionsAndChunkedAnswers() throws Exception {
        byte[] data = pcm(2);
        server.add("/cut.wav", wav(data), "audio/wav");
        server.setFaults("/cut.wav", Faults.NONE.withCutEvery(100_000));
        server.add("/chunked.wav", wav(data), "audio/wav");
        server.setFaults("/chunked.wav", Faults.NONE.withChunked());

        CliRun cut = CliRun.run("play", server.url("/cut.wav"));
        byte[] cutPlayed = AlsaCapture.read(S16_STEREO);
        AlsaCapture.clear();
        CliRun chunked = CliRun.run("play", "--start", "0.5", server.url("/chunked.wav"));

        assertThat(cut.exitCode()).as(cut.err()).isZero();
        assertThat(cutPlayed).isEqualTo(data);
        assertThat(chunked.exitCode()).as(chunked.err()).isZero();
        assertThat(AlsaCapture.read(S16_STEREO)).isEqualTo(from(data, 0.5));
    }

    @Test
    void startPastTheEndPlaysNothingAndExits0() throws Exception {
        CliRun run = CliRun.run("play", "--start", "99", file("a.wav", wav(pcm(1))).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(AlsaCapture.read(S16_STEREO)).isEmpty();
    }

    @Test
    void aTerminalGetsAStatusLineThatEndsWithTheLine() throws Exception {
        CliRun run = CliRun.runOnTerminal("play", file("a.wav", wav(pcm(1))).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("\r").contains("0:01.0  s16le 44100 Hz 2 ch\033[K").endsWith("\n");
        assertThat(run.errLines()).hasSize(1);
    }

    /** Each position report wakes the player's thread: it asks for them only as often as it shows them. */
    @Test
    void asksForPositionsAsOftenAsItShowsThem() {
        assertThat(new Playback(streams(false), true, 0).positionInterval())
                .isEqualTo(PlayerConfig.DEFAULT_POSITION_INTERVAL);
        assertThat(new Playback(streams(true), false, 0).positionInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(new Playback(streams(false), false, 0).positionInterval()).isZero();
    }

    private static Streams streams(boolean terminal) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return new Streams(InputStream.nullInputStream(), nowhere, nowhere, terminal);
    }

    @Test
    void rendersIntoAWavFile() throws Exception {
        byte[] data = pcm(1);
        Path out = dir.resolve("out.wav");

        CliRun run = CliRun.run("play", "--out", out.toString(), file("a.wav", wav(data)).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] written = Files.readAllBytes(out);
        assertThat(Arrays.copyOfRange(written, written.length - data.length, written.length)).isEqualTo(data);
        assertThat(written.length - data.length).isEqualTo(44);
        assertThat(AlsaCapture.files()).isEmpty();
    }

    @Test
    void rawFormatWinsOverTheContentType() throws Exception {
        byte[] data = pcm(1);
        server.add("/a.raw", data, "audio/L16;rate=8000;channels=1");

        CliRun run = CliRun.run("play", "--format", "s16le:44100:2", server.url("/a.raw"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(AlsaCapture.read(S16_STEREO)).isEqualTo(data);
    }

    @Test
    void jsonEventsFollowTheContract() throws Exception {
        byte[] data = pcm(1);
        byte[] wav = wav(data);
        server.add("/a.wav", wav, "audio/wav");

        CliRun run = CliRun.run("play", "--json", server.url("/a.wav"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> events = parse(run.outLines());
        JsonNode ready = events.get(0);
        assertThat(ready.toString()).isEqualTo("{\"event\":\"ready\",\"format\":{\"encoding\":\"s16le\",\"rate\":44100,"
                + "\"channels\":2},\"duration\":1,\"size\":" + wav.length + ",\"seekable\":true}");
        assertThat(events.get(events.size() - 1).toString()).isEqualTo("{\"event\":\"ended\"}");
        for (JsonNode event : events) {
            String name = event.get("event").asText();
            assertThat(name).isIn("ready", "position", "seeked", "buffering", "underrun", "ended");
            if (name.equals("position")) {
                assertThat(event.get("position").isNumber()).isTrue();
                assertThat(event.size()).isEqualTo(2);
            } else if (name.equals("buffering")) {
                assertThat(event.get("buffering").isBoolean()).isTrue();
            } else if (name.equals("underrun")) {
                assertThat(event.get("count").isIntegralNumber()).isTrue();
                assertThat(event.get("gapMs").isNumber()).isTrue();
            }
        }
    }

    /**
     * 20 s of 8 kHz stereo behind a throttled server, so that playback cannot end before the
     * test's commands arrive; 8 kHz keeps the download after a seek short.
     */
    String slowWav(byte[] data, long bytesPerSecond) {
        server.add("/slow.wav", WavBuilder.pcm(16, SLOW_RATE, 2).data(data).build(), "audio/wav");
        server.setFaults("/slow.wav", Faults.NONE.withBandwidth(bytesPerSecond));
        return server.url("/slow.wav");
    }

    static final int SLOW_RATE = 8000;
    static final AudioFormat SLOW_FORMAT = new AudioFormat(SLOW_RATE, 16, 2, true, false);

    static double seekedTo(CliSession session, int n) throws Exception {
        String seeked = session.awaitLine(line -> line.contains("\"seeked\""), n, Duration.ofSeconds(10));
        return JSON.readTree(seeked).get("position").asDouble();
    }

    @Test
    void seeksAndStatusFromStdin() throws Exception {
        byte[] data = Signals.pcm(FRAME, 20 * SLOW_RATE);

        try (CliSession session = CliSession.start("play", "--json", slowWav(data, 64_000))) {
            session.awaitLine(line -> line.contains("\"ready\""), Duration.ofSeconds(10));
            session.send("status");
            String status = session.awaitLine(line -> line.contains("\"status\""), Duration.ofSeconds(10));
            assertThat(JSON.readTree(status).fieldNames()).toIterable()
                    .containsExactly("event", "state", "position", "duration", "volume");
            session.send("volume 100");
            session.send("seek 17.5");
            assertThat(seekedTo(session, 1)).isEqualTo(17.5);

            assertThat(session.awaitExit(Duration.ofSeconds(30))).as(session.err()).isZero();
        }
        byte[] played = AlsaCapture.read(SLOW_FORMAT);
        byte[] tail = Arrays.copyOfRange(data, (int) (17.5 * SLOW_RATE) * FRAME, data.length);
        // A prefix of the data, then exactly the data from 17.5 s to the end.
        assertThat(played.length).isGreaterThanOrEqualTo(tail.length);
        int cut = played.length - tail.length;
        assertThat(Arrays.copyOfRange(played, cut, played.length)).isEqualTo(tail);
        assertThat(Arrays.copyOfRange(played, 0, cut)).isEqualTo(Arrays.copyOfRange(data, 0, cut));
    }

    @Test
    void relativeSeeksMoveFromTheAudiblePositionAndPlayNoWrongFrame() throws Exception {
        byte[] data = Signals.pcm(FRAME, 20 * SLOW_RATE);

        try (CliSession session = CliSession.start("play", "--json", slowWav(data, 48_000))) {
            session.awaitLine(line -> line.contains("\"ready\""), Duration.ofSeconds(10));
            session.send("seek 10");
            assertThat(seekedTo(session, 1)).isEqualTo(10);
            session.send("pause");
            session.send("seek +5");
            assertThat(seekedTo(session, 2)).isBetween(15.0, 16.0);
            session.send("seek -3");
            assertThat(seekedTo(session, 3)).isBetween(12.0, 13.0);
            session.send("resume");

            assertThat(session.awaitExit(Duration.ofSeconds(30))).as(session.err()).isZero();
        }
        // Every frame played is a frame of the source (its first 4 bytes count frames), in runs
        // broken only where a seek jumped (what played before the pause may be nothing): never a
        // wrong or misaligned byte, and the last run starts where the last seek went.
        byte[] played = AlsaCapture.read(SLOW_FORMAT);
        int jumps = 0;
        long lastRunStart = Signals.frameNumber(played, 0, FRAME);
        for (int offset = 0; offset < played.length; offset += FRAME) {
            long frame = Signals.frameNumber(played, offset, FRAME);
            assertThat(frame).as("frame at byte %d", offset).isBetween(0L, (long) data.length / FRAME - 1);
            if (offset > 0 && frame != Signals.frameNumber(played, offset - FRAME, FRAME) + 1) {
                jumps++;
                lastRunStart = frame;
            }
        }
        assertThat(jumps).isLessThanOrEqualTo(3);
        assertThat(lastRunStart / (double) SLOW_RATE).isBetween(12.0, 13.0);
        assertThat(Arrays.copyOfRange(played, played.length - FRAME, played.length))
                .isEqualTo(Arrays.copyOfRange(data, data.length - FRAME, data.length));
    }

    /**
     * A program that stops reading {@code --json} output: the player plays on to the end, the
     * command exits after waiting {@link Streams#EXIT_FLUSH} for it, and what the reader reads
     * later is every event in order, the positions it missed folded into a few.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aReaderThatStopsReadingHoldsUpNeitherPlayingNorExit() throws Exception {
        byte[] data = pcm(1);
        StalledOutput stdout = new StalledOutput();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Streams streams = new Streams(InputStream.nullInputStream(), stdout.printStream(),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), false);
        try {
            long started = System.nanoTime();
            int code = Cli.run(streams, "play", "--json", file("a.wav", wav(data)).toString());
            long took = System.nanoTime() - started;

            assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(took).isBetween(Streams.EXIT_FLUSH.toNanos(), TimeUnit.SECONDS.toNanos(20));
            assertThat(AlsaCapture.read(S16_STEREO)).isEqualTo(data);
        } finally {
            stdout.release();
        }
        assertThat(streams.flushWithin(Duration.ofSeconds(5))).isTrue();
        List<JsonNode> events = parse(Arrays.asList(stdout.text().split("\n")));
        assertThat(events.get(0).get("event").asText()).isEqualTo("ready");
        assertThat(events.get(events.size() - 1).get("event").asText()).isEqualTo("ended");
        assertThat(events.stream().filter(e -> e.get("event").asText().equals("position")).count())
                .isLessThanOrEqualTo(events.size() / 2);
    }

    /** With stdout not read from the first line on, stdin's commands are still answered, and stop ends it. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aReaderThatStopsReadingHoldsUpNoStdinCommand() throws Exception {
        StalledOutput stdout = new StalledOutput();
        try (CliSession session = CliSession.start(stdout, "play", "--json",
                slowWav(Signals.pcm(FRAME, 20 * SLOW_RATE), 32_000))) {
            assertThat(stdout.awaitWriter(Duration.ofSeconds(10))).isTrue();
            session.send("status");
            session.send("pause");
            session.send("stop");
            assertThat(session.awaitExit(Duration.ofSeconds(10))).as(session.err()).isZero();
        } finally {
            stdout.release();
        }
        assertThat(stdout.awaitText("{\"event\":\"status\"", Duration.ofSeconds(5))).as(stdout.text()).isTrue();
        assertThat(stdout.text()).startsWith("{\"event\":\"ready\"");
    }

    @Test
    void stopExits0AndABadCommandOnlyComplains() throws Exception {
        try (CliSession session = CliSession.start("play", "--json", slowWav(Signals.pcm(FRAME, 20 * SLOW_RATE), 32_000))) {
            session.awaitLine(line -> line.contains("\"ready\""), Duration.ofSeconds(10));
            session.send("bogus");
            session.send("stop");
            assertThat(session.awaitExit(Duration.ofSeconds(10))).isZero();
            assertThat(session.err()).isEqualTo("reel: unknown command 'bogus' (" + StdinCommands.SUMMARY + ")\n");
        }
    }
}
