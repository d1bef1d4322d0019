package dev.reel.core.source;

import dev.reel.core.spool.ByteRange;
import dev.reel.core.spool.SpoolBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.tinylog.Logger;

/**
 * The download loop of {@link HttpSource}: fetches from where the consumer seeks,
 * resumes broken transfers from the first missing byte, then fills the holes seeks left until
 * the spool holds the whole resource; it pauses while {@link #rest resting}. Runs on its own
 * thread; {@link #seek} and {@link #close} come from any thread and never block.
 */
final class SpoolFiller {

    private static final int CHUNK = 64 * 1024;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Fetcher fetcher;
    private final SpoolBuffer spool;
    private final RetryPolicy retry;
    private final Duration lookAhead;
    private final long minLookAhead;
    /** The first request's end (exclusive) while the source expects a seek, 0 for none. */
    private final long probeEnd;
    private final CompletableFuture<SourceInfo> info = new CompletableFuture<>();
    private final StateHolder state = new StateHolder();
    private final AtomicLong bytesFetched = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private long pendingSeek = -1;
    private Fetcher.Transfer current;
    private boolean started;
    private boolean closed;
    /** Nobody wants the bytes for now: no transfer runs until this is false again. */
    private boolean resting;
    private volatile boolean playing;
    /** The offset the running transfer writes next, -1 when none runs. */
    private volatile long streamPosition = -1;
    private volatile boolean sequential;
    /**
     * True until the first {@link #seek} of a source whose first request is a probe: until then
     * it fetches nothing past {@link #probeEnd}.
     */
    private boolean awaitingSeek;

    /** Download thread only: where the last transfer stopped. */
    private long cursor;
    private boolean lengthSet;
    /** Download thread only: new bytes the running transfer stored. */
    private long stored;

    /**
     * @param probeEnd 0, or the length of a first request for a header only: the filler then
     *     fetches nothing past it until the first {@link #seek}
     */
    SpoolFiller(Fetcher fetcher, SpoolBuffer spool, RetryPolicy retry, Duration lookAhead,
            long minLookAhead, long probeEnd) {
        this.fetcher = fetcher;
        this.spool = spool;
        this.retry = retry;
        this.lookAhead = lookAhead;
        this.minLookAhead = minLookAhead;
        this.probeEnd = probeEnd;
        this.awaitingSeek = probeEnd > 0;
    }

    void start() {
        lock.lock();
        try {
            if (started || closed) {
                return;
            }
            started = true;
        } finally {
            lock.unlock();
        }
        Thread thread = new Thread(this::run, "reel-download-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Decides at once; the download thread does the fetching. The target is left to the running
     * transfer when it is present or the transfer reaches it soon, judged on one snapshot of the
     * spool's ranges taken after reading the transfer's position: the transfer advances that
     * position only after its bytes are in the spool, so the snapshot holds all it wrote before.
     * The first seek after a probe always lets the download go on, from the first byte missing at
     * or after {@code position}.
     */
    void seek(long position) {
        lock.lock();
        try {
            if (closed || position < 0) {
                return;
            }
            if (awaitingSeek) {
                awaitingSeek = false;
                wake.signalAll();
            }
            if (sequential) {
                return;
            }
            OptionalLong length = spool.length();
            if (length.isPresent() && position >= length.getAsLong()) {
                return;
            }
            long stream = streamPosition;
            List<ByteRange> present = spool.presentRanges();
            if (Holes.firstMissing(present, position) > position) {
                return;
            }
            if (pendingSeek < 0 && arrivingSoon(present, stream, position)) {
                return;
            }
            pendingSeek = position;
            cancelTransfer();
        } finally {
            lock.unlock();
        }
    }

    /** Aborts the running transfer and wakes the download thread to replan; under the lock. */
    private void cancelTransfer() {
        if (current != null) {
            current.cancel();
        }
        wake.signalAll();
    }

    /**
     * Whether the transfer writing at {@code stream} (-1: none) reaches the absent byte
     * {@code position} within the look-ahead, with no spooled range stopping it first.
     */
    private boolean arrivingSoon(List<ByteRange> present, long stream, long position) {
        if (stream < 0) {
            return false;
        }
        long edge = Holes.firstMissing(present, stream);
        return position >= edge && position - edge <= lookAheadBytes()
                && Holes.nextPresent(present, edge) > position;
    }

    private long lookAheadBytes() {
        double perSecond = spool.bytesPerSecond();
        long expected = (long) (perSecond * lookAhead.toNanos() / 1e9);
        return Math.max(minLookAhead, expected);
    }

    void setPlaying(boolean playing) {
        this.playing = playing;
    }

    /**
     * Stops the running transfer and starts none while {@code resting}, reporting
     * {@link SourceState#RESTING} once the download thread has stopped (a complete download stays
     * {@link SourceState#COMPLETE}); afterwards the download goes on from the first missing byte,
     * {@link SourceState#CONNECTING} until bytes arrive. A sequential download (no ranges) goes
     * on resting or not: resuming it would mean fetching again from byte 0. Never blocks.
     */
    void rest(boolean resting) {
        lock.lock();
        try {
            this.resting = resting && !sequential;
            if (this.resting) {
                cancelTransfer();
            } else {
                wake.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    CompletableFuture<SourceInfo> info() {
        return info;
    }

    StateHolder state() {
        return state;
    }

    SourceStats stats() {
        return new SourceStats(bytesFetched.get(), requests.get());
    }

    /** Stops the transfer; the thread ends soon after. */
    void close() {
        lock.lock();
        try {
            closed = true;
            cancelTransfer();
        } finally {
            lock.unlock();
        }
        state.set(SourceState.CLOSED);
        info.completeExceptionally(new SourceException("closed: " + fetcher.location()));
    }

    private void run() {
        int failures = 0;
        while (true) {
            Fetcher.Transfer transfer = next();
            if (transfer == null) {
                return;
            }
            requests.incrementAndGet();
            stored = 0;
            try {
                copy(transfer);
                if (stored > 0) {
                    failures = 0;
                }
            } catch (Fetcher.RangesUnusableException e) {
                if (sequential) {
                    fail(new SourceException(e.getMessage(), e));
                    return;
                }
                Logger.warn("{}; downloading sequentially", e.getMessage());
                sequential = true;
            } catch (IOException e) {
                if (transfer.cancelled()) {
                    continue;
                }
                if (e instanceof SourceException || !info.isDone()) {
                    fail(Failures.describe(fetcher.location(), e));
                    return;
                }
                failures = retry.failuresAfter(failures, stored);
                if (!retry.retries(failures, playing)) {
                    fail(new SourceException("gave up after " + failures + " attempts: "
                            + Failures.describe(fetcher.location(), e).getMessage(), e));
                    return;
                }
                Logger.info("transfer of {} broke at byte {} ({}); retry {}",
                        fetcher.location(), cursor, e.getMessage(), failures);
                state.set(SourceState.RECONNECTING);
                if (!backOff(retry.delay(failures))) {
                    return;
                }
            } catch (RuntimeException e) {
                fail(new SourceException("download of " + fetcher.location() + " failed: " + e, e));
                return;
            } finally {
                streamPosition = -1;
                transfer.close();
                lock.lock();
                try {
                    current = null;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * The next transfer to run, registered as current; null when complete or closed. It waits,
     * {@link SourceState#RESTING}, while resting and, after a probe, for the first seek.
     */
    private Fetcher.Transfer next() {
        boolean idle = false;
        lock.lock();
        try {
            while (!closed) {
                if ((resting && !complete()) || awaitingSeekPastProbe()) {
                    if (!idle) {
                        idle = true;
                        setStateUnlocked(SourceState.RESTING);
                    } else {
                        wake.await();
                    }
                    continue;
                }
                if (idle) {
                    idle = false;
                    setStateUnlocked(SourceState.CONNECTING);
                    continue;
                }
                long target = nextTarget();
                if (target < 0) {
                    break;
                }
                boolean probing = awaitingSeek && !sequential;
                current = fetcher.transfer(target, probing ? probeEnd : -1, sequential);
                // Seeks to the target while the request is on its way must wait for it, not restart it.
                streamPosition = target;
                return current;
            }
            if (closed) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
        state.set(SourceState.COMPLETE);
        return null;
    }

    /** Whether every byte of a resource of known length is in the spool; under the lock. */
    private boolean complete() {
        OptionalLong length = spool.length();
        return length.isPresent() && Holes.firstMissing(spool.presentRanges(), 0) >= length.getAsLong();
    }

    /**
     * Whether the probe is fetched and the filler waits for the first seek; under the lock. No
     * seek is pending then (the first seek ends the wait), so asking for the target changes nothing.
     */
    private boolean awaitingSeekPastProbe() {
        return awaitingSeek && !sequential && nextTarget() >= probeEnd;
    }

    /**
     * Moves to {@code next} with the lock released, so that listeners run outside it; the caller
     * holds the lock before and after, and checks again what may have changed meanwhile.
     */
    private void setStateUnlocked(SourceState next) {
        lock.unlock();
        try {
            state.set(next);
        } finally {
            lock.lock();
        }
    }

    private long nextTarget() {
        List<ByteRange> present = spool.presentRanges();
        OptionalLong length = spool.length();
        long limit = length.orElse(Long.MAX_VALUE);
        if (sequential) {
            long target = Holes.firstMissing(present, 0);
            return target < limit ? target : -1;
        }
        if (pendingSeek >= 0) {
            long target = Holes.firstMissing(present, pendingSeek);
            pendingSeek = -1;
            if (target < limit) {
                return target;
            }
        }
        long target = Holes.firstMissing(present, cursor);
        if (target >= limit) {
            target = Holes.firstMissing(present, 0);
        }
        return target < limit ? target : -1;
    }

    /** Runs one transfer to its end, counting the new bytes it stores in {@link #stored}. */
    private void copy(Fetcher.Transfer transfer) throws IOException {
        Fetcher.Opening opening = transfer.open();
        if (opening.length().isPresent() && !lengthSet) {
            spool.setLength(opening.length().getAsLong());
            lengthSet = true;
        }
        // Sequential before the info is published: a caller that learns "no ranges" and seeks at
        // once must find the filler already reading on, not restart it with another request.
        if (opening.sequential()) {
            sequential = true;
        }
        info.complete(fetcher.info());
        state.set(SourceState.TRANSFERRING);
        long position = opening.start();
        streamPosition = position;
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        while (true) {
            buffer.clear();
            int n = transfer.read(buffer);
            if (n < 0) {
                break;
            }
            buffer.flip();
            bytesFetched.addAndGet(n);
            if (sequential) {
                stored += writeMissing(position, buffer);
            } else {
                long stop = Holes.nextPresent(spool.presentRanges(), position);
                if (stop < position + n) {
                    buffer.limit((int) (stop - position));
                    stored += stop - position;
                    store(position, buffer);
                    cursor = stop;
                    return;
                }
                stored += n;
                store(position, buffer);
            }
            position += n;
            cursor = position;
            streamPosition = position;
        }
        if (opening.end() >= 0 && position < opening.end()) {
            throw new IOException("connection closed at byte " + position + " of "
                    + opening.end());
        }
        if (opening.end() < 0 && !lengthSet) {
            spool.setLength(position);
            lengthSet = true;
        }
    }

    /**
     * Stores {@code data} at {@code position}. A spool that cannot take it (a full disk, a cache
     * directory that cannot be written) does not heal by downloading again: the source fails.
     */
    private void store(long position, ByteBuffer data) throws SourceException {
        try {
            spool.write(position, data);
        } catch (IOException e) {
            throw new SourceException("cannot keep " + fetcher.location() + " in the spool: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the parts of {@code buffer} (bytes from {@code position}) not yet present; returns
     * how many there were.
     */
    private long writeMissing(long position, ByteBuffer buffer) throws IOException {
        long end = position + buffer.remaining();
        long at = position;
        long wrote = 0;
        List<ByteRange> present = spool.presentRanges();
        while (at < end) {
            long gap = Holes.firstMissing(present, at);
            if (gap >= end) {
                return wrote;
            }
            long gapEnd = Math.min(end, Holes.nextPresent(present, gap));
            ByteBuffer slice = buffer.duplicate();
            slice.position(buffer.position() + (int) (gap - position));
            slice.limit(buffer.position() + (int) (gapEnd - position));
            store(gap, slice);
            wrote += gapEnd - gap;
            at = gapEnd;
        }
        return wrote;
    }

    /** Waits {@code delay} unless a seek or close comes first; false when closed. */
    private boolean backOff(Duration delay) {
        lock.lock();
        try {
            long nanos = delay.toNanos();
            while (!closed && !resting && pendingSeek < 0 && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void fail(SourceException failure) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
        } finally {
            lock.unlock();
        }
        Logger.info(failure.getMessage());
        state.set(SourceState.FAILED);
        spool.fail(failure);
        info.completeExceptionally(failure);
    }
}
