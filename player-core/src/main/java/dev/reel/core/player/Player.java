package dev.reel.core.player;

import java.util.function.Consumer;

/**
 * Plays one medium at a time. Every command is safe from any thread and returns at once; the
 * work happens on the player's threads and results come back as {@link PlayerEvent}s.
 */
public final class Player implements AutoCloseable {

    public Player(PlayerConfig config) {
        throw new UnsupportedOperationException("stub: player owner");
    }

    /** Replaces what is playing with {@code request} and starts playing it. */
    public void open(MediaRequest request) {
        throw new UnsupportedOperationException("stub");
    }

    public void pause() {
        throw new UnsupportedOperationException("stub");
    }

    public void resume() {
        throw new UnsupportedOperationException("stub");
    }

    public void toggle() {
        throw new UnsupportedOperationException("stub");
    }

    /** Seeks to {@code seconds} (clamped to the media). */
    public void seekTo(double seconds) {
        throw new UnsupportedOperationException("stub");
    }

    /** Seeks by {@code deltaSeconds} from the audible position. */
    public void seekBy(double deltaSeconds) {
        throw new UnsupportedOperationException("stub");
    }

    public void stop() {
        throw new UnsupportedOperationException("stub");
    }

    /** Volume 0..100 percent. */
    public void setVolume(int percent) {
        throw new UnsupportedOperationException("stub");
    }

    public void setMuted(boolean muted) {
        throw new UnsupportedOperationException("stub");
    }

    public PlayerState state() {
        throw new UnsupportedOperationException("stub");
    }

    public void addListener(Consumer<PlayerEvent> listener) {
        throw new UnsupportedOperationException("stub");
    }

    public void removeListener(Consumer<PlayerEvent> listener) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("stub");
    }
}
