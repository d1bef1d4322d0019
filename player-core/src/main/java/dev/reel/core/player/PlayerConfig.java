package dev.reel.core.player;

import dev.reel.audio.AudioSink;
import java.util.function.Supplier;

/**
 * How a {@link Player} plays: where its audio goes. The player owner adds the rest (cushion,
 * block size, spool cache).
 */
public record PlayerConfig(Supplier<AudioSink> sinkFactory) {
}
