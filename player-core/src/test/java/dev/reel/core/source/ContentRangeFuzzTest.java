package dev.reel.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds arbitrary text to {@link ContentRange#parse}: it either answers a consistent range or
 * fails with a one-line {@link IllegalArgumentException}. Fuzzes in its own Surefire execution.
 */
@Timeout(120)
class ContentRangeFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void parse(byte[] bytes) {
        String header = new String(bytes, StandardCharsets.UTF_8);
        ContentRange range;
        try {
            range = ContentRange.parse(header);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).doesNotContain("\n", "\r");
            return;
        }
        if (range.isUnsatisfied()) {
            assertThat(range.completeLength()).isPresent();
            assertThat(range.last()).isEqualTo(-1);
        } else {
            assertThat(range.first()).isNotNegative().isLessThanOrEqualTo(range.last());
            range.completeLength().ifPresent(c -> assertThat(range.last()).isLessThan(c));
            assertThat(range.length()).isPositive();
        }
    }
}
