package dev.reel.app.gui;

import dev.reel.core.player.Player;
import dev.reel.core.player.PlayerEvent;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Carries a {@link Player}'s events to the JavaFX thread. On the player's threads it folds each
 * event into the latest {@link PlaybackState} and queues the events that must not be coalesced
 * away ({@code Ended}, {@code Error}); on the JavaFX thread, at most 60 times a second, it
 * publishes the latest state and hands over the queued events in order.
 */
final class PlayerBridge implements AutoCloseable {

    private final Player player;
    private final AtomicReference<PlaybackState> latest = new AtomicReference<>(PlaybackState.INITIAL);
    private final Queue<PlayerEvent> discrete = new ConcurrentLinkedQueue<>();
    private final ReadOnlyObjectWrapper<PlaybackState> state = new ReadOnlyObjectWrapper<>(PlaybackState.INITIAL);
    private final Consumer<PlayerEvent> onDiscrete;
    private final FxCoalescer coalescer;
    private final Consumer<PlayerEvent> listener = this::onPlayerEvent;

    /** @param onDiscrete receives {@code Ended} and {@code Error} on the JavaFX thread, after the state shows them */
    PlayerBridge(Player player, Consumer<PlayerEvent> onDiscrete) {
        this.player = player;
        this.onDiscrete = onDiscrete;
        this.coalescer = new FxCoalescer("reel-gui-events", this::publish);
        player.addListener(listener);
    }

    /** The latest state; read and observed on the JavaFX thread. */
    ReadOnlyObjectProperty<PlaybackState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    PlaybackState state() {
        return state.get();
    }

    /** The newest state folded so far, fresher than {@link #state()}; any thread. */
    PlaybackState latest() {
        return latest.get();
    }

    private void onPlayerEvent(PlayerEvent event) {
        latest.updateAndGet(s -> s.apply(event));
        if (event instanceof PlayerEvent.Ended || event instanceof PlayerEvent.Error) {
            discrete.add(event);
        }
        coalescer.request();
    }

    private void publish() {
        state.set(latest.get());
        for (PlayerEvent event; (event = discrete.poll()) != null; ) {
            onDiscrete.accept(event);
        }
    }

    @Override
    public void close() {
        player.removeListener(listener);
        coalescer.close();
    }
}
