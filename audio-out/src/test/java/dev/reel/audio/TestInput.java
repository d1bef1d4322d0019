package dev.reel.audio;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link PcmInput} over bytes in memory: reads in a repeating pattern of sizes, and can hold
 * at one offset (until {@link #release}, or for a set time) to play a stalled source.
 */
final class TestInput implements PcmInput {

    private final byte[] data;
    private final int[] sizes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final CountDownLatch held = new CountDownLatch(1);
    private int position;
    private int reads;
    private int holdAt = -1;
    private long holdNanos = -1;
    private boolean closed;
    private double bytesPerSecond;
    private long pacedFromNanos;

    TestInput(byte[] data, int... sizes) {
        this.data = data;
        this.sizes = sizes.length == 0 ? new int[] {Integer.MAX_VALUE} : sizes;
    }

    /** Holds at {@code offset} until {@link #release} or close. */
    TestInput holdAt(int offset) {
        holdAt = offset;
        return this;
    }

    /** Holds at {@code offset} for {@code stall}, like a source that stalls. */
    TestInput stallAt(int offset, Duration stall) {
        holdAt = offset;
        holdNanos = stall.toNanos();
        return this;
    }

    /**
     * Supplies bytes no faster than {@code bytesPerSecond}, like a network stream just ahead of
     * playback: the byte at offset n is ready n / bytesPerSecond after the first read.
     */
    TestInput paced(double bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        return this;
    }

    /** Waits until the reader reached the hold offset. */
    void awaitHeld() throws InterruptedException {
        held.await();
    }

    void release() {
        lock.lock();
        try {
            holdAt = -1;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read(ByteBuffer dst) throws java.io.IOException {
        lock.lock();
        try {
            if (position == holdAt) {
                held.countDown();
                long left = holdNanos;
                while (position == holdAt && !closed) {
                    if (holdNanos < 0) {
                        changed.await();
                    } else if (left <= 0) {
                        holdAt = -1;
                    } else {
                        left = changed.awaitNanos(left);
                    }
                }
            }
            if (closed || position == data.length) {
                return -1;
            }
            int limit = holdAt > position ? holdAt : data.length;
            int n = Math.min(Math.min(dst.remaining(), sizes[reads++ % sizes.length]), limit - position);
            awaitPace(position + n);
            if (closed) {
                return -1;
            }
            dst.put(data, position, n);
            position += n;
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
        } finally {
            lock.unlock();
        }
    }

    private void awaitPace(int end) throws InterruptedException {
        if (bytesPerSecond <= 0) {
            return;
        }
        if (pacedFromNanos == 0) {
            pacedFromNanos = System.nanoTime();
        }
        long left = pacedFromNanos + (long) (end * 1e9 / bytesPerSecond) - System.nanoTime();
        while (left > 0 && !closed) {
            left = changed.awaitNanos(left);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
