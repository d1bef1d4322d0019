package dev.reel.core.source;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.tinylog.Logger;

/** A source's current {@link SourceState} and its listeners. Thread-safe. */
final class StateHolder {

    private final List<Consumer<SourceState>> listeners = new CopyOnWriteArrayList<>();
    private volatile SourceState state = SourceState.CONNECTING;

    SourceState get() {
        return state;
    }

    void add(Consumer<SourceState> listener) {
        listeners.add(listener);
    }

    void remove(Consumer<SourceState> listener) {
        listeners.remove(listener);
    }

    /** Moves to {@code next} unless already there or finished (failed or closed stays). */
    void set(SourceState next) {
        synchronized (this) {
            if (state == next || state == SourceState.CLOSED || state == SourceState.FAILED) {
                return;
            }
            state = next;
        }
        for (Consumer<SourceState> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                Logger.warn(e, "source state listener failed");
            }
        }
    }
}
