package dev.reel.core.player;

import dev.reel.audio.AudioSink;
import dev.reel.audio.BlockWriterConfig;
import dev.reel.core.source.HttpSourceOptions;
import dev.reel.core.spool.SpoolCache;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a {@link Player} plays. Immutable; build it with the one-argument constructor and the
 * {@code with…} methods.
 *
 * @param sinkFactory makes the output for each medium (a {@code LineSink}, a {@code WavFileSink})
 * @param blocks the audio writer's blocks in flight; three times their stall timeout bounds how
 *     long a playback waits for its device to be looked up and opened before it fails
 * @param cushion how much audio must be downloaded ahead before playback resumes after it caught
 *     up with the download
 * @param cache the spool cache to open media through; empty: the player makes its own and closes
 *     it with itself
 * @param http timeouts, look-ahead and retries of the HTTP sources the player opens
 * @param positionInterval how often the player reports {@link PlayerEvent.Position} while
 *     playing ({@link #DEFAULT_POSITION_INTERVAL}: 20 times a second; at least
 *     {@link #MIN_POSITION_INTERVAL}); {@link Duration#ZERO} for none, and then its thread sleeps
 *     between commands and reports, and {@link Player#position()} reads the device's frame
 *     counter when asked
 */
public record PlayerConfig(Supplier<AudioSink> sinkFactory, BlockWriterConfig blocks,
        Duration cushion, Optional<SpoolCache> cache, HttpSourceOptions http, Duration positionInterval) {

    /** The cushion a player keeps by default: half a second of audio. */
    public static final Duration DEFAULT_CUSHION = Duration.ofMillis(500);

    /** How often a player reports the position by default: 20 times a second, for a smooth seek bar. */
    public static final Duration DEFAULT_POSITION_INTERVAL = Duration.ofMillis(50);

    /** The shortest position interval: more often would keep the player's thread busy for nothing a listener could show. */
    public static final Duration MIN_POSITION_INTERVAL = Duration.ofMillis(10);

    public PlayerConfig {
        Objects.requireNonNull(sinkFactory, "sinkFactory");
        Objects.requireNonNull(blocks, "blocks");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(http, "http");
        if (cushion.isNegative()) {
            throw new IllegalArgumentException("negative cushion " + cushion);
        }
        Objects.requireNonNull(positionInterval, "positionInterval");
        if (positionInterval.isNegative()
                || !positionInterval.isZero() && positionInterval.compareTo(MIN_POSITION_INTERVAL) < 0) {
            throw new IllegalArgumentException("position interval " + positionInterval.toNanos()
                    + " ns is neither 0 (none) nor at least " + MIN_POSITION_INTERVAL.toMillis() + " ms");
        }
    }

    /**
     * Default blocks, a {@link #DEFAULT_CUSHION}, a spool cache of the player's own, default HTTP
     * options and position events every {@link #DEFAULT_POSITION_INTERVAL}.
     */
    public PlayerConfig(Supplier<AudioSink> sinkFactory) {
        this(sinkFactory, BlockWriterConfig.defaults(), DEFAULT_CUSHION, Optional.empty(), HttpSourceOptions.DEFAULT,
                DEFAULT_POSITION_INTERVAL);
    }

    public PlayerConfig withBlocks(BlockWriterConfig newBlocks) {
        return new PlayerConfig(sinkFactory, newBlocks, cushion, cache, http, positionInterval);
    }

    public PlayerConfig withCushion(Duration newCushion) {
        return new PlayerConfig(sinkFactory, blocks, newCushion, cache, http, positionInterval);
    }

    /** Shares {@code newCache} (which the player then does not close). */
    public PlayerConfig withCache(SpoolCache newCache) {
        return new PlayerConfig(sinkFactory, blocks, cushion, Optional.of(newCache), http, positionInterval);
    }

    /** Opens HTTP sources with {@code newHttp} (shorter timeouts and retries in tests, for one). */
    public PlayerConfig withHttpOptions(HttpSourceOptions newHttp) {
        return new PlayerConfig(sinkFactory, blocks, cushion, cache, newHttp, positionInterval);
    }

    /**
     * Reports the position every {@code newInterval} while playing: no more often than a listener
     * shows it, since each report wakes the player's thread. {@link Duration#ZERO}: never, for a
     * listener that does not show the position (a headless {@code reel play}), so that a playing
     * player costs no wake-ups.
     */
    public PlayerConfig withPositionInterval(Duration newInterval) {
        return new PlayerConfig(sinkFactory, blocks, cushion, cache, http, newInterval);
    }

    /** Whether the player reports {@link PlayerEvent.Position} events at all. */
    boolean positionEvents() {
        return !positionInterval.isZero();
    }
}
