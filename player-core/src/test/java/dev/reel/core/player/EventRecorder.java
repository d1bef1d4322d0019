package dev.reel.core.player;

import dev.reel.testkit.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Records a player's events and lets a test wait for one, by type. Thread-safe: testkit's {@link EventLog} underneath. */
final class EventRecorder implements Consumer<PlayerEvent> {

    private final EventLog<PlayerEvent> log = new EventLog<>();

    @Override
    public void accept(PlayerEvent event) {
        log.accept(event);
    }

    List<PlayerEvent> events() {
        return log.all();
    }

    <T extends PlayerEvent> List<T> all(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<PlayerState> states() {
        return all(PlayerEvent.StateChanged.class).stream().map(PlayerEvent.StateChanged::state).toList();
    }

    /** Waits for the first event (since the start) of {@code type} that {@code test} accepts. */
    <T extends PlayerEvent> T await(Class<T> type, Predicate<T> test, Duration timeout) throws InterruptedException {
        PlayerEvent found = log.require(e -> type.isInstance(e) && test.test(type.cast(e)), timeout,
                e -> !(e instanceof PlayerEvent.Position));
        return type.cast(found);
    }

    <T extends PlayerEvent> T await(Class<T> type) throws InterruptedException {
        return await(type, e -> true, Duration.ofSeconds(10));
    }

    void awaitState(PlayerState state) throws InterruptedException {
        await(PlayerEvent.StateChanged.class, e -> e.state() == state, Duration.ofSeconds(10));
    }

    /** Waits for the end of playback: Ended or Error, whichever comes; returns it. */
    PlayerEvent awaitFinish() throws InterruptedException {
        return await(PlayerEvent.class, e -> e instanceof PlayerEvent.Ended || e instanceof PlayerEvent.Error,
                Duration.ofSeconds(20));
    }
}
