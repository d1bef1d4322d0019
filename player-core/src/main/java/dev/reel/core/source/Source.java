package dev.reel.core.source;

import dev.reel.core.spool.SpoolBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Fills one {@link SpoolBuffer} from somewhere (HTTP, a file, a socket) on its own thread.
 * Methods are safe from any thread and never block.
 */
public interface Source extends AutoCloseable {

    /** The spool this source fills; readers read the resource from it. */
    SpoolBuffer spool();

    /** Starts the transfer; idempotent. */
    void start();

    /**
     * The consumer wants bytes from {@code position} next: fetch there unless they are present or
     * arriving soon.
     */
    void seek(long position);

    /** Completes once the first response (or the file) says what the resource is. */
    CompletableFuture<SourceInfo> info();

    /**
     * Whether a consumer is playing: while it is, broken transfers are retried indefinitely (with
     * the capped delay) instead of giving up after the retry policy's attempts.
     */
    void setPlaying(boolean playing);

    /** Where the transfer stands now. */
    SourceState state();

    /**
     * Calls {@code listener} on the source's thread with every new state ({@link
     * SourceState#RECONNECTING} while a drop is being retried); it must not block.
     */
    void addStateListener(Consumer<SourceState> listener);

    /** Stops calling {@code listener}; a state change already under way may still reach it. */
    void removeStateListener(Consumer<SourceState> listener);

    /** Bytes fetched and requests made so far. */
    SourceStats stats();

    /** Stops the transfer; releases the spool unless others share it. */
    @Override
    void close();
}
