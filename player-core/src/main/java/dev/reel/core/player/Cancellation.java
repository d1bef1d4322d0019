package dev.reel.core.player;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.tinylog.Logger;

/**
 * Lets one thread abandon another's blocking open: cancelling closes what the open has
 * registered (its source, its header reader), which wakes the blocked call. Thread-safe.
 */
final class Cancellation {

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final CompletableFuture<Void> signal = new CompletableFuture<>();
    private boolean cancelled;

    /** Closes {@code resource} on cancellation, at once when already cancelled. */
    void register(AutoCloseable resource) {
        synchronized (this) {
            if (!cancelled) {
                resources.add(resource);
                return;
            }
        }
        closeQuietly(resource);
    }

    void cancel() {
        List<AutoCloseable> toClose;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toClose = List.copyOf(resources);
            resources.clear();
        }
        signal.complete(null);
        toClose.forEach(Cancellation::closeQuietly);
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Completes when {@link #cancel} is called. */
    CompletableFuture<Void> signal() {
        return signal;
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            Logger.debug(e, "closing {} on cancellation", resource);
        }
    }
}
