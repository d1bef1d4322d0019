package dev.reel.core.player;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Records a player's events and lets a test wait for one. Thread-safe. */
final class EventRecorder implements Consumer<PlayerEvent> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private final List<PlayerEvent> events = new ArrayList<>();

    @Override
    public void accept(PlayerEvent event) {
        lock.lock();
        try {
            events.add(event);
            added.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<PlayerEvent> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    <T extends PlayerEvent> List<T> all(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<PlayerState> states() {
        return all(PlayerEvent.StateChanged.class).stream().map(PlayerEvent.StateChanged::state).toList();
    }

    /** Waits for the first event (since the start) of {@code type} that {@code test} accepts. */
    <T extends PlayerEvent> T await(Class<T> type, Predicate<T> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (PlayerEvent event : events) {
                    if (type.isInstance(event) && test.test(type.cast(event))) {
                        return type.cast(event);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching " + type.getSimpleName() + " in " + timeout
                            + "; events: " + events);
                }
                added.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
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
