package dev.reel.bench.e2e;

import dev.reel.testkit.EventLog;
import java.time.Duration;
import java.util.function.LongPredicate;

/**
 * When which frame was handed to the device: every {@link TimingSink} write is recorded with its
 * time and the {@link dev.reel.testkit.Signals} frame number of its first frame, and the benchmark
 * waits for the write that starts where it expects (the first block, or the first block of a
 * seek's target). Thread-safe: written on the audio thread, awaited on the benchmark's.
 */
final class WriteClock {

    /** The frame of the mark a sink records when its line has opened. */
    static final long OPENED = -2;

    /** One write: when it was handed over and the frame it began with ({@link #OPENED}: the line opened). */
    record Mark(long nanos, long frame) {
    }

    private final EventLog<Mark> marks = new EventLog<>();

    void record(long nanos, long frame) {
        marks.accept(new Mark(nanos, frame));
    }

    void clear() {
        marks.clear();
    }

    /**
     * The first write at or after {@code sinceNanos} whose first frame satisfies {@code frame}, or
     * null when none comes within {@code timeout}.
     */
    Mark await(long sinceNanos, LongPredicate frame, Duration timeout) throws InterruptedException {
        return marks.await(m -> m.nanos() >= sinceNanos && frame.test(m.frame()), timeout).orElse(null);
    }
}
