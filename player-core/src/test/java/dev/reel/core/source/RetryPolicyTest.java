package dev.reel.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RetryPolicy backs off exponentially to its cap and gives up only when nobody plays. */
class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(Duration.ofMillis(100), 2, Duration.ofMillis(500), 3);

    @Test
    void delaysGrowToTheCap() {
        assertThat(policy.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.delay(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delay(1000)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void givesUpAfterMaxAttemptsOnlyWhileNobodyPlays() {
        assertThat(policy.retries(3, false)).isTrue();
        assertThat(policy.retries(4, false)).isFalse();
        assertThat(policy.retries(1_000_000, true)).isTrue();
    }

    @Test
    void progressStartsTheCountAfreshAndLittleProgressDoesNot() {
        assertThat(policy.failuresAfter(5, RetryPolicy.PROGRESS_BYTES)).isEqualTo(1);
        assertThat(policy.failuresAfter(5, RetryPolicy.PROGRESS_BYTES - 1)).isEqualTo(6);
        assertThat(policy.failuresAfter(0, 0)).isEqualTo(1);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
