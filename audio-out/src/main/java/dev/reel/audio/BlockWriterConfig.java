package dev.reel.audio;

import java.time.Duration;

/**
 * How a {@link BlockWriter} buffers: {@code blocks} whole-frame blocks of {@code blockDuration}
 * each in flight at the device; a write that makes no progress for {@code stallTimeout} counts as
 * a dead device (closed and reopened).
 */
public record BlockWriterConfig(int blocks, Duration blockDuration, Duration stallTimeout) {

    public BlockWriterConfig {
        if (blocks < 1 || blockDuration.isNegative() || blockDuration.isZero()
                || stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("need at least one block and positive durations: "
                    + blocks + " x " + blockDuration + ", stall after " + stallTimeout);
        }
    }

    /** {@code blocks} of {@code blockDuration}, a device stalled after 3 s without progress. */
    public BlockWriterConfig(int blocks, Duration blockDuration) {
        this(blocks, blockDuration, Duration.ofSeconds(3));
    }

    /** Two blocks of 100 ms: 200 ms at the device. */
    public static BlockWriterConfig defaults() {
        return new BlockWriterConfig(2, Duration.ofMillis(100));
    }

    /** Whole frames in one block at {@code frameRate}, at least one. */
    int blockFrames(float frameRate) {
        return Math.max(1, (int) Math.round(frameRate * blockDuration.toNanos() / 1e9));
    }
}
