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
 * @param blocks the audio writer's blocks in flight; their stall timeout also bounds how long a
 *     playback waits for its device to be looked up and opened before it fails
 * @param cushion how much audio must be downloaded ahead before playback resumes after it caught
 *     up with the download
 * @param cache the spool cache to open media through; empty: the player makes its own and closes
 *     it with itself
 * @param http timeouts, look-ahead and retries of the HTTP sources the player opens
 * @param positionEvents whether the player reports {@link PlayerEvent.Position} 20 times a
 *     second while playing; without them its thread sleeps between commands and reports, and
 *     {@link Player#position()} reads the device's frame counter when asked
 */
public record PlayerConfig(Supplier<AudioSink> sinkFactory, BlockWriterConfig blocks,
        Duration cushion, Optional<SpoolCache> cache, HttpSourceOptions http, boolean positionEvents) {

    /** The cushion a player keeps by default: half a second of audio. */
    public static final Duration DEFAULT_CUSHION = Duration.ofMillis(500);

    public PlayerConfig {
        Objects.requireNonNull(sinkFactory, "sinkFactory");
        Objects.requireNonNull(blocks, "blocks");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(http, "http");
        if (cushion.isNegative()) {
            throw new IllegalArgumentException("negative cushion " + cushion);
        }
    }

    /**
     * Default blocks, a {@link #DEFAULT_CUSHION}, a spool cache of the player's own, default HTTP
     * options and position events.
     */
    public PlayerConfig(Supplier<AudioSink> sinkFactory) {
        this(sinkFactory, BlockWriterConfig.defaults(), DEFAULT_CUSHION, Optional.empty(), HttpSourceOptions.DEFAULT,
                true);
    }

    public PlayerConfig withBlocks(BlockWriterConfig newBlocks) {
        return new PlayerConfig(sinkFactory, newBlocks, cushion, cache, http, positionEvents);
    }

    public PlayerConfig withCushion(Duration newCushion) {
        return new PlayerConfig(sinkFactory, blocks, newCushion, cache, http, positionEvents);
    }

    /** Shares {@code newCache} (which the player then does not close). */
    public PlayerConfig withCache(SpoolCache newCache) {
        return new PlayerConfig(sinkFactory, blocks, cushion, Optional.of(newCache), http, positionEvents);
    }

    /** Opens HTTP sources with {@code newHttp} (shorter timeouts and retries in tests, for one). */
    public PlayerConfig withHttpOptions(HttpSourceOptions newHttp) {
        return new PlayerConfig(sinkFactory, blocks, cushion, cache, newHttp, positionEvents);
    }

    /**
     * With {@code false}, no {@link PlayerEvent.Position} events: for a listener that never shows
     * the position (a headless {@code reel play}), so that a playing player costs no wake-ups.
     */
    public PlayerConfig withPositionEvents(boolean newPositionEvents) {
        return new PlayerConfig(sinkFactory, blocks, cushion, cache, http, newPositionEvents);
    }
}
