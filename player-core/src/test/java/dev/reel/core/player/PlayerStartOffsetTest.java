package dev.reel.core.player;

import static dev.reel.core.player.PlayerHarness.CHANNELS;
import static dev.reel.core.player.PlayerHarness.FRAME;
import static dev.reel.core.player.PlayerHarness.RATE;
import static dev.reel.core.player.PlayerHarness.from;
import static dev.reel.core.player.PlayerHarness.samples;
import static dev.reel.core.player.PlayerHarness.wav;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.audio.LineSink;
import dev.reel.core.spool.SpoolConfig;
import dev.reel.testkit.AlsaCapture;
import dev.reel.testkit.Exchange;
import dev.reel.testkit.Faults;
import dev.reel.testkit.WavBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Playing from a later start: the first request is a probe for the header, the next one starts
 * at the target, so that little before the target is fetched; what reaches the device is the data
 * from the start frame, byte for byte, also when the server has no ranges or the header is longer
 * than the probe.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlayerStartOffsetTest {

    private static final AudioFormat DEVICE_FORMAT = new AudioFormat(RATE, 16, CHANNELS, true, false);
    private static final String PROBE = "bytes=0-" + (MediaOpener.PROBE_BYTES - 1);

    @TempDir
    Path spoolDir;

    private PlayerHarness harness;

    @BeforeEach
    void setUp() throws IOException {
        AlsaCapture.clear();
        harness = new PlayerHarness(new SpoolConfig(64 * 1024, spoolDir, 0), () -> new LineSink(null));
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private byte[] playFrom(WavBuilder wav, double start, Faults faults) throws InterruptedException {
        String url = harness.serve("/a.wav", wav.build(), "audio/wav", faults);
        harness.player.open(new MediaRequest(url, Optional.empty(), start));
        assertThat(harness.events.awaitFinish()).isInstanceOf(PlayerEvent.Ended.class);
        harness.player.close();
        return AlsaCapture.read(DEVICE_FORMAT);
    }

    /** The requests for the resource in the order they arrived, once {@code count} of them are logged. */
    private List<Exchange> requests(int count) throws InterruptedException {
        return harness.server.awaitExchanges(count, Duration.ofSeconds(10)).stream()
                .sorted(Comparator.comparingLong(Exchange::startNanos)).toList();
    }

    /** Body bytes {@code exchanges} sent from offsets below {@code target}. */
    private static long bytesBefore(List<Exchange> exchanges, long target) {
        return exchanges.stream().filter(e -> e.bodyStart() >= 0)
                .mapToLong(e -> Math.max(0, Math.min(target, e.bodyStart() + e.bodyBytes()) - e.bodyStart()))
                .sum();
    }

    @Test
    void fromHalfOfTenMebibytesAProbeThenOneRequestAtTheTarget() throws Exception {
        byte[] samples = samples(330);
        WavBuilder wav = wav(samples);
        long startFrame = 165L * RATE;

        byte[] played = playFrom(wav, 165, Faults.NONE);
        long target = wav.dataOffset() + startFrame * FRAME;

        assertThat(played).isEqualTo(from(samples, startFrame));
        List<Exchange> log = requests(2);
        assertThat(log.get(0).range()).hasValue(PROBE);
        assertThat(log.get(1).range()).hasValue("bytes=" + target + "-");
        assertThat(log.get(1).ifRange()).isPresent();
        assertThat(bytesBefore(log.subList(0, 2), target)).isLessThanOrEqualTo(256 * 1024);
        assertThat(log.subList(2, log.size())).as("later requests fill the hole the probe left")
                .allSatisfy(e -> assertThat(e.rangeStart()).isBetween(1L, MediaOpener.PROBE_BYTES));
    }

    /** A slow probe: once the header is parsed, the seek to the target ends it rather than waiting for its rest. */
    @Test
    void aSlowProbeGivesWayToTheTargetOnceTheHeaderIsParsed() throws Exception {
        byte[] samples = samples(20);
        WavBuilder wav = wav(samples);

        byte[] played = playFrom(wav, 10, Faults.NONE.withLatency(Duration.ofMillis(100))
                .withBandwidth(16 * 1024).withOnlyFirst(1));
        long target = wav.dataOffset() + 10L * RATE * FRAME;

        assertThat(played).isEqualTo(from(samples, 10L * RATE));
        List<Exchange> log = requests(2);
        assertThat(log.get(0).range()).hasValue(PROBE);
        assertThat(log.get(1).range()).hasValue("bytes=" + target + "-");
    }

    @Test
    void aServerWithoutRangesPlaysExactlyFromTheStartFrame() throws Exception {
        byte[] samples = samples(3);

        byte[] played = playFrom(wav(samples), 1.5, Faults.NONE.withIgnoreRanges());

        assertThat(played).isEqualTo(from(samples, Math.round(1.5 * RATE)));
        assertThat(harness.server.log("/a.wav")).allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
    }

    @Test
    void aHeaderLongerThanTheProbeIsReadOnAndPlays() throws Exception {
        byte[] samples = samples(8);
        WavBuilder wav = wav(samples).chunkAfterFmt("LIST", new byte[100_000]);

        byte[] played = playFrom(wav, 6, Faults.NONE);

        assertThat(played).isEqualTo(from(samples, 6L * RATE));
        List<Exchange> log = requests(2);
        assertThat(log.get(0).range()).hasValue(PROBE);
        assertThat(log.get(1).range()).hasValue("bytes=" + MediaOpener.PROBE_BYTES + "-");
    }

    @Test
    void aStartThatResolvesToTheFirstFrameGoesOnFromTheProbe() throws Exception {
        byte[] samples = samples(4);

        byte[] played = playFrom(wav(samples), 1e-6, Faults.NONE);

        assertThat(played).isEqualTo(samples);
        assertThat(requests(2)).extracting(e -> e.range().orElse(null))
                .containsExactly(PROBE, "bytes=" + MediaOpener.PROBE_BYTES + "-");
    }

    @Test
    void playingFromTheStartIsOnePlainGet() throws Exception {
        byte[] samples = samples(4);

        byte[] played = playFrom(wav(samples), 0, Faults.NONE);

        assertThat(played).isEqualTo(samples);
        assertThat(requests(1)).singleElement().satisfies(e -> assertThat(e.range()).isEmpty());
    }
}
