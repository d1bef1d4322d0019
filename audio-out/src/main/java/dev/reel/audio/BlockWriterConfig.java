package dev.reel.audio;

import java.time.Duration;

/**
 * How a {@link BlockWriter} buffers: {@code blocks} whole-frame blocks of {@code blockDuration}
 * each in flight at the device.
 */
public record BlockWriterConfig(int blocks, Duration blockDuration) {

    /** Two blocks of 100 ms: 200 ms at the device. */
    public static BlockWriterConfig defaults() {
        return new BlockWriterConfig(2, Duration.ofMillis(100));
    }
}
