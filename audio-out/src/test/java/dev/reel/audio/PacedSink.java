package dev.reel.audio;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import javax.sound.sampled.AudioFormat;

/**
 * A test sink that plays in real time by the clock: it queues up to its buffer size, "plays"
 * frameRate frames a second while started, and keeps exactly the bytes that were played (what a
 * listener would have heard). Knobs: {@link #wedgeOpens} makes a device stop playing and block
 * every write ({@link #wedgeFirstAfter}: after playing a while), {@link #failWritesAfter} makes a write fail as
 * an unplugged device's does, {@link #hangWritesAfter} makes one hang until the device is closed, {@link #throwOnWrite} makes
 * every write throw, {@link #refuseOpensAfter} makes reopening fail, {@link #startLatency} makes a
 * started device begin playing late (as PulseAudio's null sink does).
 */
final class PacedSink implements AudioSink {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ByteArrayOutputStream heard = new ByteArrayOutputStream();
    private final ByteArrayOutputStream session = new ByteArrayOutputStream();
    private final List<Integer> queuedAtStart = new ArrayList<>();
    private AudioFormat format;
    private int capacity;
    private boolean open;
    private boolean running;
    private boolean wedged;
    private long markNanos;
    private long playedAtMark;
    private long heardSinceOpen;
    private int opens;
    private int wedgeOpens;
    private long wedgeFirstAfter = Long.MAX_VALUE;
    private int refuseOpensAfter = Integer.MAX_VALUE;
    private long failWritesAfter = Long.MAX_VALUE;
    private long hangWritesAfter = Long.MAX_VALUE;
    private boolean throwOnWrite;
    private long flushes;
    private long startLatencyNanos;
    private long impatientDrainNanos = Long.MAX_VALUE;
    private long written;
    private int writes;
    private int writesThatWaited;
    private int writesThatFoundItEmpty;
    private int counterReads;

    /** The first {@code n} openings play nothing and block every write. */
    PacedSink wedgeOpens(int n) {
        wedgeOpens = n;
        return this;
    }

    /**
     * The first opening plays {@code bytes}, then plays nothing more and blocks every write (with
     * {@link #wedgeOpens}, the openings after the first up to its count play nothing at all).
     */
    PacedSink wedgeFirstAfter(long bytes) {
        wedgeFirstAfter = bytes;
        return this;
    }

    /** A started device plays nothing for {@code latency}, then plays in real time. */
    PacedSink startLatency(Duration latency) {
        startLatencyNanos = latency.toNanos();
        return this;
    }

    /**
     * {@link #drain} gives up once the device has played nothing for {@code patience}, as Java's
     * ALSA line does after half a second.
     */
    PacedSink impatientDrain(Duration patience) {
        impatientDrainNanos = patience.toNanos();
        return this;
    }

    /**
     * Once the first opening has taken {@code bytes}, its next write fails as an unplugged device
     * does, and it plays nothing more.
     */
    PacedSink failWritesAfter(long bytes) {
        failWritesAfter = bytes;
        return this;
    }

    /**
     * Once the first opening has taken {@code bytes}, its next write blocks until the device is
     * closed and then reports all of its bytes taken, as a write that completes just as the
     * device is closed under it.
     */
    PacedSink hangWritesAfter(long bytes) {
        hangWritesAfter = bytes;
        return this;
    }

    /** Every write throws an unchecked exception, as a sink with a bug would. */
    PacedSink throwOnWrite() {
        throwOnWrite = true;
        return this;
    }

    /** Openings after the first {@code n} fail as a busy device. */
    PacedSink refuseOpensAfter(int n) {
        refuseOpensAfter = n;
        return this;
    }

    @Override
    public boolean open(AudioFormat f, int bufferBytes) throws AudioException {
        lock.lock();
        try {
            if (opens >= refuseOpensAfter) {
                throw new AudioException(describe() + " is busy");
            }
            opens++;
            format = f;
            capacity = bufferBytes;
            open = true;
            running = false;
            wedged = opens <= wedgeOpens && !(opens == 1 && wedgeFirstAfter != Long.MAX_VALUE);
            session.reset();
            playedAtMark = 0;
            heardSinceOpen = 0;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private long playedLocked() {
        long played = playedAtMark;
        if (running && !wedged) {
            long frames = (long) (Math.max(0, System.nanoTime() - markNanos) * (double) format.getFrameRate() / 1e9);
            played += frames * format.getFrameSize();
        }
        return Math.min(Math.min(played, session.size()), opens == 1 ? wedgeFirstAfter : Long.MAX_VALUE);
    }

    private void markLocked() {
        playedAtMark = playedLocked();
        markNanos = System.nanoTime();
    }

    @Override
    public int write(byte[] bytes, int offset, int len) throws AudioException {
        lock.lock();
        try {
            long flushesBefore = flushes;
            writes++;
            if (throwOnWrite) {
                throw new IllegalStateException("broken sink");
            }
            if (opens == 1 && written >= failWritesAfter) {
                markLocked();
                wedged = true;
                throw new AudioException(describe() + " was unplugged");
            }
            if (opens == 1 && written >= hangWritesAfter) {
                while (open) {
                    changed.await();
                }
                return len;
            }
            if (running && open && !wedged && capacity - (session.size() - playedLocked()) < len) {
                writesThatWaited++;
            }
            if (running && open && !wedged && System.nanoTime() > markNanos && playedLocked() >= session.size()) {
                writesThatFoundItEmpty++;
            }
            while (true) {
                if (!open) {
                    return 0;
                }
                if (flushes != flushesBefore) {
                    return 0;
                }
                long room = capacity - (session.size() - playedLocked());
                int n = (int) Math.min(len, room) / format.getFrameSize() * format.getFrameSize();
                if (n > 0 && !wedged) {
                    session.write(bytes, offset, n);
                    written += n;
                    return n;
                }
                if (running && !wedged) {
                    changed.awaitNanos(nanosFor(Math.max(format.getFrameSize(), Math.min(len, capacity) - room)));
                } else {
                    changed.await();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            lock.unlock();
        }
    }

    private long nanosFor(long bytes) {
        return (long) (bytes / format.getFrameSize() * 1e9 / format.getFrameRate()) + 1;
    }

    @Override
    public void start() {
        lock.lock();
        try {
            if (open && !running) {
                queuedAtStart.add((int) (session.size() - playedLocked()));
                markNanos = System.nanoTime() + startLatencyNanos;
                running = true;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stop() {
        lock.lock();
        try {
            if (open && running) {
                markLocked();
                running = false;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            if (open) {
                keepPlayedLocked();
            }
            flushes++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void keepPlayedLocked() {
        int played = (int) playedLocked();
        heard.write(session.toByteArray(), 0, played);
        heardSinceOpen += played;
        session.reset();
        playedAtMark = 0;
        markNanos = System.nanoTime();
    }

    @Override
    public void drain() {
        lock.lock();
        try {
            long flushesBefore = flushes;
            long played = playedLocked();
            long movedNanos = System.nanoTime();
            while (open && running && !wedged && flushes == flushesBefore && played < session.size()) {
                changed.awaitNanos(Math.min(nanosFor(session.size() - played), impatientDrainNanos));
                long now = System.nanoTime();
                if (playedLocked() != played) {
                    played = playedLocked();
                    movedNanos = now;
                } else if (now - movedNanos >= impatientDrainNanos) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long framesPlayed() {
        lock.lock();
        try {
            counterReads++;
            return open ? (heardSinceOpen + playedLocked()) / format.getFrameSize() : 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean setGain(double linear) {
        return false;
    }

    @Override
    public String describe() {
        return "paced test sink";
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (open) {
                keepPlayedLocked();
                open = false;
                running = false;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Every byte played so far, across openings. */
    byte[] heard() {
        lock.lock();
        try {
            return heard.toByteArray();
        } finally {
            lock.unlock();
        }
    }

    /** Bytes queued each time the device was started. */
    List<Integer> queuedAtStart() {
        lock.lock();
        try {
            return new ArrayList<>(queuedAtStart);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the open device has played {@code bytes} since it was opened. */
    void awaitPlayed(long bytes) throws InterruptedException {
        lock.lock();
        try {
            while (heardSinceOpen + playedLocked() < bytes) {
                changed.awaitNanos(nanosFor(Math.max(format.getFrameSize(), bytes - heardSinceOpen - playedLocked())));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Bytes the device has accepted so far, played or not. */
    long written() {
        return guarded(() -> written);
    }

    /** Calls to {@link #write}. */
    long writes() {
        return guarded(() -> writes);
    }

    /** Calls to {@link #write} that found a playing device without room for all of it. */
    long writesThatWaited() {
        return guarded(() -> writesThatWaited);
    }

    /** Calls to {@link #write} that found a playing device that had played everything: it ran dry. */
    long writesThatFoundItEmpty() {
        return guarded(() -> writesThatFoundItEmpty);
    }

    /** Calls to {@link #framesPlayed}. */
    long counterReads() {
        return guarded(() -> counterReads);
    }

    long opens() {
        return guarded(() -> opens);
    }

    private long guarded(LongSupplier value) {
        lock.lock();
        try {
            return value.getAsLong();
        } finally {
            lock.unlock();
        }
    }
}
