package dev.reel.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.core.format.PcmEncoding;
import dev.reel.core.format.PcmFormat;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TextsTest {

    @Test
    void timesReadLikeAPlayersClock() {
        assertThat(Texts.time(0)).isEqualTo("0:00");
        assertThat(Texts.time(65.9)).isEqualTo("1:05");
        assertThat(Texts.time(3723)).isEqualTo("1:02:03");
        assertThat(Texts.time(Double.NaN)).isEqualTo("--:--");
    }

    @Test
    void sizesAndRatesUseDecimalUnits() {
        assertThat(Texts.bytes(999)).isEqualTo("999 B");
        assertThat(Texts.bytes(1_500)).isEqualTo("1.5 kB");
        assertThat(Texts.bytes(37_800_000)).isEqualTo("38 MB");
        assertThat(Texts.rate(1_350_000)).isEqualTo("1.4 MB/s");
    }

    @Test
    void formatsAreDescribedForPeople() {
        assertThat(Texts.format(new PcmFormat(PcmEncoding.S16LE, 44100, 2))).isEqualTo("44.1 kHz · 16-bit · stereo");
    }

    @Test
    void theLogGoesWhereEachPlatformKeepsUserData() {
        Path home = Path.of("/home/ada");
        assertThat(AppDirs.dataDir("Linux", Map.of(), home)).isEqualTo(Path.of("/home/ada/.local/share/reel"));
        assertThat(AppDirs.dataDir("Linux", Map.of("XDG_DATA_HOME", "/data"), home)).isEqualTo(Path.of("/data/reel"));
        assertThat(AppDirs.dataDir("Windows 11", Map.of("APPDATA", "/appdata"), home)).isEqualTo(Path.of("/appdata/Reel"));
        assertThat(AppDirs.dataDir("Mac OS X", Map.of(), home))
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Reel"));
    }
}
