package dev.reel.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds arbitrary text to {@link RawPcm#fromContentType} and {@link RawPcm#parseSpec}: they may
 * only answer or fail with their one-line exception. Fuzzes in its own Surefire execution.
 */
@Timeout(120)
class RawPcmFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            Optional<PcmFormat> format = RawPcm.fromContentType(text);
            format.ifPresent(f -> assertThat(f.encoding().isBigEndian() || f.encoding() == PcmEncoding.U8)
                    .isTrue());
        } catch (FormatException e) {
            assertThat(e.getMessage()).doesNotContain("\n", "\r");
        }
        try {
            assertThat(RawPcm.parseSpec(text).frameSize()).isPositive();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
