package dev.reel.core.spool;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * One resource's bytes, sparse: written at any offset by one producer, read at any offset by
 * any number of {@link SpoolReader}s. Memory first (up to {@link SpoolConfig#memoryLimit()}), then
 * a private temp file, created sparse at full length when the length is known.
 *
 * <p>Thread-safe. One lock guards only the bookkeeping (which ranges are present, the length, the
 * failure); bytes are copied outside it. A byte becomes readable only after it is stored, so a
 * reader never sees bytes that are not yet written. The producer's methods ({@link #write},
 * {@link #setLength}) may come from any thread but are serialised; readers wait on a
 * {@link Condition}, never polling.
 *
 * <p>Spilling copies the memory pages into the file and then switches tiers; pages stay intact
 * until no reader holds them, so reads during the switch need no lock.
 *
 * <p>Live resources ({@link SpoolConfig#retention()} &gt; 0) keep only the newest
 * {@code retention} bytes; older memory pages are freed, and a spill file is a ring of
 * {@code retention} bytes. A read before the window throws {@link RetentionException}.
 *
 * <p>A spool made with {@link #ofFile} borrows a user's file instead: the whole resource is
 * present from the start, reads go straight to the file, and nothing is copied or written.
 */
public final class SpoolBuffer implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final SpoolConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ReentrantLock producer = new ReentrantLock();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final SpillFile spillFile = new SpillFile();
    private final Cleaner.Cleanable cleanable;

    // Guarded by lock.
    private final RangeSet present = new RangeSet();
    private final RateMeter rate = new RateMeter();
    private long length = -1;
    private IOException failure;
    private boolean closed;
    private long windowStart;
    private long newestEnd;

    // Written by the producer (under producer); read by anyone.
    private volatile Tier tier;
    private volatile MemoryTier memory;

    public SpoolBuffer(SpoolConfig config) {
        this.config = config;
        this.memory = new MemoryTier();
        this.tier = memory;
        this.cleanable = CLEANER.register(this, spillFile);
    }

    /** A spool with {@link SpoolConfig#defaults()}. */
    public SpoolBuffer() {
        this(SpoolConfig.defaults());
    }

    private SpoolBuffer(FileTier borrowed, long length) {
        this.config = SpoolConfig.defaults();
        this.memory = null;
        this.tier = borrowed;
        this.spillFile.file = borrowed;
        this.cleanable = CLEANER.register(this, spillFile);
        this.length = length;
        this.newestEnd = length;
        present.add(0, length);
    }

    /**
     * A read-only spool over the file at {@code path}, read in place: complete at once, its length
     * the file's size when opened, no memory copy and no temp file. Readers use positional reads
     * of the file; {@link #write} is refused. {@link #close} closes the file and leaves it where
     * it is. Bytes the file loses afterwards (it is truncated while open) make reads there throw
     * {@link FileShrankException}; bytes it gains are not seen; bytes rewritten in place are read
     * as they are now.
     *
     * @throws IOException when the file cannot be opened for reading
     */
    public static SpoolBuffer ofFile(Path path) throws IOException {
        FileTier file = FileTier.borrow(path);
        return new SpoolBuffer(file, file.length());
    }

    /** Whether this spool reads a user's file in place ({@link #ofFile}) and refuses writes. */
    public boolean isReadOnly() {
        FileTier file = spillFile.file;
        return file != null && file.borrowed();
    }

    public SpoolConfig config() {
        return config;
    }

    /** A new cursor at position 0. */
    public SpoolReader newReader() {
        return new SpoolReader(this, 0);
    }

    /** A new cursor at {@code position}. */
    public SpoolReader newReader(long position) {
        return new SpoolReader(this, position);
    }

    /** {@code read} under the bookkeeping lock: the getters' one shape. */
    private <T> T guarded(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    private long guardedLong(LongSupplier read) {
        lock.lock();
        try {
            return read.getAsLong();
        } finally {
            lock.unlock();
        }
    }

    /** The resource's total length, once known. */
    public OptionalLong length() {
        // Locked by hand, like contiguousFrom: the audio thread asks for each block, and a
        // capturing lambda there is an allocation through a method handle each time.
        long known;
        lock.lock();
        try {
            known = length;
        } finally {
            lock.unlock();
        }
        return known < 0 ? OptionalLong.empty() : OptionalLong.of(known);
    }

    /** The ranges present now, sorted and coalesced. */
    public List<ByteRange> presentRanges() {
        return guarded(present::ranges);
    }

    /**
     * The absent ranges the producer still has to fetch: within {@code [windowStart, length)} when
     * the length is known, else up to the end of the last present byte. Sorted.
     */
    public List<ByteRange> missingRanges() {
        return guarded(() -> present.gaps(windowStart, length >= 0 ? length : present.highestEnd()));
    }

    /** How many bytes are present contiguously from {@code position} (0 if none). */
    public long contiguousFrom(long position) {
        lock.lock();
        try {
            return present.runEnd(position) - position;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first absent position at or after {@code from}: where a resumed download starts. Equals
     * the length when everything from {@code from} to the end is present.
     */
    public long firstMissing(long from) {
        return guardedLong(() -> present.runEnd(from));
    }

    /** Bytes present now (in memory or on disk). */
    public long storedBytes() {
        return guardedLong(present::total);
    }

    /** Heap bytes held by the memory tier; 0 once spilled to the file. Never above the memory limit. */
    public long memoryBytes() {
        MemoryTier m = memory;
        return m == null ? 0 : m.bytes();
    }

    /** Whether the bytes now live in the temp file (never for a spool {@link #ofFile}). */
    public boolean spilled() {
        FileTier file = spillFile.file;
        return file != null && !file.borrowed();
    }

    /** The oldest position still retained; 0 unless a live resource released old bytes. */
    public long windowStart() {
        return guardedLong(() -> windowStart);
    }

    /** Bytes per second arriving, averaged over the last few seconds. */
    public double bytesPerSecond() {
        return guarded(() -> rate.bytesPerSecond(System.nanoTime()));
    }

    /** The failure passed to {@link #fail}, if any. */
    public Optional<IOException> failure() {
        return guarded(() -> Optional.ofNullable(failure));
    }

    public boolean isClosed() {
        return guarded(() -> closed);
    }

    /**
     * Reads what is contiguous at {@code position}, blocking as {@link SpoolReader#read} does, at
     * most {@code timeoutNanos} ({@link Long#MAX_VALUE}: no limit).
     *
     * @return bytes read (at least 1 when {@code dst} has room), or -1 at or past the known end
     * @throws SpoolTimeoutException when the timeout passes with no byte at {@code position}
     * @throws RetentionException when {@code position} is before a live resource's window
     * @throws ClosedChannelException when this buffer is closed
     * @throws InterruptedIOException when interrupted while waiting (the interrupt flag stays set)
     * @throws FileShrankException when a spool {@link #ofFile} finds its file truncated there
     * @throws IOException the source's failure, when bytes at {@code position} will never come
     */
    public int read(long position, ByteBuffer dst, long timeoutNanos) throws IOException {
        return read(position, dst, timeoutNanos, null);
    }

    int read(long position, ByteBuffer dst, long timeoutNanos, SpoolReader reader) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        int n;
        lock.lock();
        try {
            long nanos = timeoutNanos;
            while (true) {
                checkReadable(position, reader);
                long available = present.runEnd(position) - position;
                if (available > 0) {
                    n = (int) Math.min(available, dst.remaining());
                    break;
                }
                if (length >= 0 && position >= length) {
                    return -1;
                }
                if (failure != null) {
                    throw failure;
                }
                if (nanos <= 0) {
                    throw new SpoolTimeoutException(position, timeoutNanos);
                }
                nanos = await(nanos);
            }
        } finally {
            lock.unlock();
        }
        int limit = dst.limit();
        dst.limit(dst.position() + n);
        int copied;
        try {
            copied = tier.read(position, dst);
        } finally {
            dst.limit(limit);
        }
        if (copied < n || config.retention() > 0) {
            lock.lock();
            try {
                checkReadable(position, reader);
            } finally {
                lock.unlock();
            }
            if (copied < n) {
                throw new IllegalStateException("spool lost bytes at " + position + " that it listed as present");
            }
        }
        return n;
    }

    /**
     * Waits until {@code bytes} are present contiguously from {@code position}, the end of the
     * resource comes first, or {@code timeoutNanos} passes; consumes nothing. For a player's
     * buffering cushion.
     *
     * @return the bytes present contiguously from {@code position} (may exceed {@code bytes}, and
     *     is less after a timeout or when the resource ends sooner)
     * @throws IOException the source's failure when the bytes will never come; closed, retention
     *     and interrupt as {@link #read}
     */
    public long awaitContiguous(long position, long bytes, long timeoutNanos) throws IOException {
        return awaitContiguous(position, bytes, timeoutNanos, null);
    }

    /** {@link #awaitContiguous(long, long, long)} for {@code reader}, whose close ends the wait. */
    long awaitContiguous(long position, long bytes, long timeoutNanos, SpoolReader reader) throws IOException {
        lock.lock();
        try {
            long nanos = timeoutNanos;
            while (true) {
                checkReadable(position, reader);
                long available = present.runEnd(position) - position;
                if (available >= bytes || (length >= 0 && position + available >= length)) {
                    return available;
                }
                if (failure != null) {
                    throw failure;
                }
                if (nanos <= 0) {
                    return available;
                }
                nanos = await(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    private void checkReadable(long position, SpoolReader reader) throws IOException {
        if (reader != null && !reader.isOpen()) {
            throw new AsynchronousCloseException();
        }
        if (closed) {
            throw new ClosedChannelException();
        }
        if (position < windowStart) {
            throw new RetentionException(position, windowStart);
        }
    }

    private long await(long nanos) throws InterruptedIOException {
        try {
            return changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for spool bytes");
        }
    }

    /** Calls {@code listener} (on the producer's thread; it must not block) when ranges, length or failure change. */
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeChangeListener(Runnable listener) {
        listeners.remove(listener);
    }

    // The producer's side.

    /**
     * The resource's total length is known; a spill file is then sparse at full length. Setting
     * the same length again does nothing.
     *
     * @throws IllegalStateException when a different length was set or bytes lie beyond it
     *     (always so for a {@linkplain #isReadOnly read-only} spool, whose length is known)
     */
    public void setLength(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        producer.lock();
        try {
            lock.lock();
            try {
                if (this.length == length || closed) {
                    return;
                }
                if (this.length >= 0) {
                    throw new IllegalStateException("length already known as " + this.length + ", not " + length);
                }
                if (newestEnd > length) {
                    throw new IllegalStateException("bytes up to " + newestEnd + " lie beyond length " + length);
                }
                this.length = length;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            FileTier file = spillFile.file;
            if (file != null) {
                try {
                    file.extendTo(length);
                } catch (IOException e) {
                    Logger.debug("could not pre-size spool file {}: {}", file.path(), e.getMessage());
                }
            }
        } finally {
            producer.unlock();
        }
        notifyListeners();
    }

    /**
     * Writes all of {@code src} at {@code position}; readers waiting there wake up. Bytes of a live
     * resource that fall before the retained window are dropped.
     *
     * @throws IllegalArgumentException when the bytes pass the known length
     * @throws IllegalStateException when this spool is {@linkplain #isReadOnly read-only}
     * @throws ClosedChannelException when this buffer is closed
     * @throws IOException when the spill file cannot be written
     */
    public void write(long position, ByteBuffer src) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        FileTier file = spillFile.file;
        if (file != null && file.borrowed()) {
            throw new IllegalStateException("spool of " + file.path() + " is read-only");
        }
        int n = src.remaining();
        if (n == 0) {
            return;
        }
        long end = position + n;
        producer.lock();
        try {
            long from;
            long window;
            lock.lock();
            try {
                if (closed) {
                    throw new ClosedChannelException();
                }
                if (length >= 0 && end > length) {
                    throw new IllegalArgumentException("write of " + n + " bytes at " + position
                            + " passes the end of the resource (" + length + ")");
                }
                newestEnd = Math.max(newestEnd, end);
                if (config.retention() > 0 && newestEnd - config.retention() > windowStart) {
                    windowStart = newestEnd - config.retention();
                    present.removeBefore(windowStart);
                }
                window = windowStart;
                from = Math.max(position, windowStart);
            } finally {
                lock.unlock();
            }
            if (from >= end) {
                src.position(src.limit());
                return;
            }
            src.position(src.position() + (int) (from - position));
            store(from, end, window, src);
            lock.lock();
            try {
                present.add(Math.max(from, windowStart), end);
                rate.record(end - from, System.nanoTime());
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        } finally {
            producer.unlock();
        }
        notifyListeners();
    }

    private void store(long from, long end, long window, ByteBuffer src) throws IOException {
        MemoryTier m = memory;
        if (m != null) {
            if (window > 0) {
                m.release(window);
            }
            if (m.bytesAfterWrite(from, end) > config.memoryLimit()) {
                spill(m);
            }
        }
        try {
            tier.write(from, src);
        } catch (ClosedChannelException e) {
            if (isClosed()) {
                throw e;
            }
            throw new IOException("spool file write failed at " + from, e);
        }
    }

    /** Copies the memory pages to a new file, then switches; on the producer's thread. */
    private void spill(MemoryTier m) throws IOException {
        List<ByteRange> ranges;
        long knownLength;
        lock.lock();
        try {
            ranges = present.ranges();
            knownLength = length;
        } finally {
            lock.unlock();
        }
        FileTier file = FileTier.create(config.directory(), config.retention());
        spillFile.file = file;
        try {
            if (knownLength >= 0) {
                file.extendTo(knownLength);
            }
            m.copyTo(file, ranges);
        } catch (IOException e) {
            spillFile.run();
            spillFile.file = null;
            throw e;
        }
        tier = file;
        memory = null;
        // No log line: every stream longer than the memory limit spills, within milliseconds of its
        // first audio, and a process's first log call initialises tinylog (30-50 ms of CPU).
    }

    /**
     * The source gave up: blocked and later reads of absent bytes throw {@code cause} (the same
     * instance, so its type and one-line message reach the user). Present bytes stay readable.
     * Only the first failure counts.
     */
    public void fail(IOException cause) {
        lock.lock();
        try {
            if (failure != null || closed) {
                return;
            }
            failure = cause;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        notifyListeners();
    }

    /** Wakes blocked reads and waits so they see a reader's close. */
    void wakeReaders() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Spill file path, for tests. */
    Optional<Path> spillPath() {
        return spilled() ? Optional.of(spillFile.file.path()) : Optional.empty();
    }

    /**
     * Frees the memory and deletes the temp file (a borrowed file is only closed); blocked and
     * later reads throw {@link ClosedChannelException}. Idempotent; safe from any thread.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        producer.lock();
        try {
            cleanable.clean();
            MemoryTier m = memory;
            memory = null;
            if (m != null) {
                m.close();
            }
        } finally {
            producer.unlock();
        }
        notifyListeners();
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                Logger.warn(e, "spool change listener failed");
            }
        }
    }

    /**
     * The spill file (or the borrowed file), held apart from the buffer so the Cleaner can delete
     * (or close) it after a leak.
     */
    private static final class SpillFile implements Runnable {
        volatile FileTier file;

        @Override
        public void run() {
            FileTier f = file;
            if (f != null) {
                f.close();
            }
        }
    }
}
