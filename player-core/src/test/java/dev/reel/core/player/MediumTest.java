package dev.reel.core.player;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.core.format.AudioInfo;
import dev.reel.core.format.PcmEncoding;
import dev.reel.core.format.PcmFormat;
import dev.reel.core.source.Source;
import dev.reel.core.source.Sources;
import dev.reel.core.spool.ByteRange;
import dev.reel.core.spool.SpoolCache;
import dev.reel.core.spool.SpoolConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The frame ⇄ byte ⇄ time arithmetic of a medium over a real file source. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MediumTest {

    private static final PcmFormat STEREO_16 = new PcmFormat(PcmEncoding.S16LE, 8000, 2);

    @TempDir
    Path dir;

    private SpoolCache cache;
    private Source source;

    @BeforeEach
    void setUp() {
        cache = new SpoolCache(SpoolConfig.defaults().withDirectory(dir.resolve("spool")),
                SpoolCache.DEFAULT_MAX_BYTES, SpoolCache.DEFAULT_IDLE_TIMEOUT);
    }

    @AfterEach
    void tearDown() {
        if (source != null) {
            source.close();
        }
        cache.close();
    }

    /** A medium over a file of {@code fileBytes} whose data starts at 44 and declares {@code declared}. */
    private Medium medium(int fileBytes, OptionalLong declared) throws Exception {
        Path file = dir.resolve("f.wav");
        Files.write(file, new byte[fileBytes]);
        source = Sources.open(file.toString(), cache);
        source.start();
        return new Medium("f.wav", source, source.info().get(5, TimeUnit.SECONDS),
                new AudioInfo(STEREO_16, 44, declared, 0));
    }

    @Test
    void framesAreTheNearestToSecondsTimesRateWithinTheData() throws Exception {
        Medium medium = medium(44 + 8000 * 4, OptionalLong.of(8000 * 4));

        assertThat(medium.frameAt(0.5)).isEqualTo(4000);
        assertThat(medium.frameAt(0.00006249)).isZero();
        assertThat(medium.frameAt(0.0000625)).isEqualTo(1);
        assertThat(medium.frameAt(-1)).isZero();
        assertThat(medium.frameAt(5)).isEqualTo(8000);
        assertThat(medium.byteOf(4000)).isEqualTo(44 + 16000);
        assertThat(medium.duration()).hasValue(1.0);
    }

    @Test
    void aDataChunkLongerThanTheFileEndsWithTheFileOnAWholeFrame() throws Exception {
        Medium medium = medium(44 + 1003, OptionalLong.of(1_000_000));

        assertThat(medium.dataEnd()).isEqualTo(44 + 1000);
        assertThat(medium.totalFrames()).hasValue(250);
    }

    @Test
    void anUnknownDataLengthRunsToTheEndOfTheResource() throws Exception {
        Medium medium = medium(44 + 400, OptionalLong.empty());

        assertThat(medium.totalFrames()).hasValue(100);
        assertThat(medium.describe().size()).hasValue(444);
    }

    @Test
    void downloadedRangesBecomeWholeFramesOfTheDataRegion() throws Exception {
        Medium medium = medium(44 + 8000 * 4, OptionalLong.of(8000 * 4));

        assertThat(medium.downloadedTimes(List.of(new ByteRange(0, 30), new ByteRange(0, 44 + 4000 * 4 + 3),
                new ByteRange(44 + 6000 * 4 - 1, 100_000))))
                .containsExactly(new TimeRange(0, 0.5), new TimeRange(0.75, 1.0));
    }
}
