package dev.reel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class EventLogTest {

    @Test
    void awaitsARecordFromAnotherThread() throws Exception {
        EventLog<Integer> log = new EventLog<>();
        log.accept(1);
        Thread producer = new Thread(() -> log.accept(42));
        producer.start();
        assertThat(log.await(n -> n > 40, Duration.ofSeconds(5))).hasValue(42);
        assertThat(log.await(n -> n == 1, Duration.ZERO)).hasValue(1);
        assertThat(log.await(n -> n == 7, Duration.ofMillis(20))).isEmpty();
        producer.join();
        assertThat(log.all()).containsExactly(1, 42);
    }

    @Test
    void requireNamesTheTellingRecordsWhenNothingComes() {
        EventLog<String> log = new EventLog<>();
        log.accept("position");
        log.accept("buffering");
        assertThatThrownBy(() -> log.require("ended"::equals, Duration.ofMillis(10), s -> !s.equals("position")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[buffering]");
        log.clear();
        assertThat(log.all()).isEmpty();
    }
}
