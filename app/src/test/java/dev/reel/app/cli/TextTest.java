package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.core.player.PlayerState;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The human texts: status line, progress bar, clock. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TextTest {

    @Test
    void clockShowsMinutesAndHours() {
        assertThat(StatusLine.clock(0)).isEqualTo("0:00.0");
        assertThat(StatusLine.clock(62.34)).isEqualTo("1:02.3");
        assertThat(StatusLine.clock(3723.05)).isEqualTo("1:02:03.1");
    }

    @Test
    void statusLineWithoutAKnownDurationOrFormat() {
        assertThat(StatusLine.text(PlayerState.BUFFERING, 5, OptionalDouble.empty(), null))
                .isEqualTo("buffering 0:05.0");
    }

    @Test
    void progressBarFillsWithTheBytes() {
        assertThat(ProgressBar.text(6_000_000, OptionalLong.of(10_000_000), 1_500_000))
                .isEqualTo("[##################............]  60%  6.0 / 10.0 MB  1.5 MB/s");
        assertThat(ProgressBar.text(2_500_000, OptionalLong.empty(), 0)).isEqualTo("2.5 MB  0.0 MB/s");
    }
}
