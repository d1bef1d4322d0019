package dev.reel.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Records what some other thread reports (a player's events, a sink's writes) and lets a test
 * wait for the first record that matches, without polling. Thread-safe.
 *
 * @param <T> the record type
 */
public final class EventLog<T> implements Consumer<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private final List<T> records = new ArrayList<>();

    @Override
    public void accept(T record) {
        lock.lock();
        try {
            records.add(record);
            added.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Everything recorded so far, oldest first. */
    public List<T> all() {
        lock.lock();
        try {
            return List.copyOf(records);
        } finally {
            lock.unlock();
        }
    }

    public void clear() {
        lock.lock();
        try {
            records.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The first record (of all so far and to come) that {@code test} accepts, or empty when none comes within {@code timeout}. */
    public Optional<T> await(Predicate<? super T> test, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        int checked = 0;
        lock.lock();
        try {
            while (true) {
                for (; checked < records.size(); checked++) {
                    if (test.test(records.get(checked))) {
                        return Optional.of(records.get(checked));
                    }
                }
                if (remaining <= 0) {
                    return Optional.empty();
                }
                remaining = added.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #await} but fails with an {@link AssertionError} that lists the last records
     * {@code telling} accepts (to leave out chatter such as position reports).
     */
    public T require(Predicate<? super T> test, Duration timeout, Predicate<? super T> telling)
            throws InterruptedException {
        return await(test, timeout).orElseThrow(() -> {
            List<T> shown = all().stream().filter(telling).toList();
            return new AssertionError("nothing expected within " + timeout + "; last records: "
                    + shown.subList(Math.max(0, shown.size() - 30), shown.size()));
        });
    }
}
