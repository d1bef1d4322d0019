package dev.reel.core.player;

import dev.reel.core.format.AudioInfo;
import dev.reel.core.spool.SpoolReader;

/**
 * A cursor of one's own into the medium that is playing, from {@link Player#openTap}: a level
 * meter or a waveform reads the samples through {@code reader} (whose owner closes it) and knows
 * their shape and place from {@code audio}. The reader is used by one thread at a time.
 */
public record Tap(SpoolReader reader, AudioInfo audio) implements AutoCloseable {

    @Override
    public void close() {
        reader.close();
    }
}
