package dev.reel.app.gui;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Runs an update on the JavaFX thread after {@link #request}s from any thread, at most once per
 * frame interval however many requests arrive: one update is pending at a time, and the next is
 * delayed until the interval since the last one has passed.
 */
final class FxCoalescer implements AutoCloseable {

    /** 60 updates a second at most. */
    static final long MIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1) / 60;

    private final Runnable update;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService timer;
    private volatile long lastRunNanos = System.nanoTime() - MIN_INTERVAL_NANOS;

    FxCoalescer(String name, Runnable update) {
        this.update = update;
        this.timer = Daemons.scheduler(name);
    }

    /** Asks for an update; cheap and non-blocking, any thread. */
    void request() {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        long wait = lastRunNanos + MIN_INTERVAL_NANOS - System.nanoTime();
        if (wait <= 0) {
            Platform.runLater(this::run);
        } else {
            try {
                timer.schedule(() -> Platform.runLater(this::run), wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                pending.set(false);
            }
        }
    }

    private void run() {
        lastRunNanos = System.nanoTime();
        pending.set(false);
        update.run();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
