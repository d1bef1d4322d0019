package dev.reel.core.spool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * At most one spool per key (a URL), shared by whoever opens it: {@link #acquire} returns a
 * {@link Lease}, and a second acquire of the same key shares the spool and its owner (the
 * download). Spools nobody holds stay cached for a later acquire until they are evicted, least
 * recently used first, when the cached bytes pass {@code maxBytes} (checked on every acquire,
 * release and change of a spool) or after {@code idleTimeout}. An owner that is {@link Idler}
 * rests while nobody holds its spool: a stopped track does not go on downloading. Evicting closes the owner (when it
 * is {@link AutoCloseable}) and then the spool, on the cache's own thread or the caller's of
 * {@link #acquire}, {@link Lease#close} or {@link #trim}. Thread-safe.
 */
public final class SpoolCache implements AutoCloseable {

    /** 1 GiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    /** Five minutes. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    private static final Comparator<Entry> LEAST_RECENTLY_USED = (a, b) -> Long.compare(a.lastUsed, b.lastUsed);

    private final SpoolConfig config;
    private final long maxBytes;
    private final long idleNanos;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final AtomicBoolean trimPending = new AtomicBoolean();
    private ScheduledThreadPoolExecutor timer;
    private boolean closed;

    /** Default spools, 1 GiB, five minutes idle. */
    public SpoolCache() {
        this(SpoolConfig.defaults(), DEFAULT_MAX_BYTES, DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * @param config how each new spool stores bytes
     * @param maxBytes cached bytes above which unheld spools are evicted
     * @param idleTimeout how long an unheld spool stays cached
     */
    public SpoolCache(SpoolConfig config, long maxBytes, Duration idleTimeout) {
        this.config = Objects.requireNonNull(config);
        this.maxBytes = maxBytes;
        this.idleNanos = idleTimeout.toNanos();
    }

    public SpoolConfig config() {
        return config;
    }

    /**
     * The spool for {@code key}, shared. The first acquire makes a new spool and calls
     * {@code owner} with it (on this thread, under the cache's lock: it must only construct, not
     * block or call back into the cache); later acquires get the same spool and owner until it
     * is evicted. A spool that failed or was closed is not shared: the next acquire starts
     * afresh. Every acquirer of a key must use the same owner type.
     *
     * @throws IllegalStateException after {@link #close}
     */
    public synchronized <T> Lease<T> acquire(String key, Function<SpoolBuffer, T> owner) {
        if (closed) {
            throw new IllegalStateException("spool cache is closed");
        }
        Entry entry = entries.get(key);
        if (entry != null && (entry.spool.isClosed() || entry.spool.failure().isPresent())) {
            entries.remove(key);
            entry.detached = true;
            if (entry.refs == 0) {
                entry.dispose();
            }
            entry = null;
        }
        if (entry == null) {
            SpoolBuffer spool = new SpoolBuffer(config);
            try {
                entry = new Entry(key, spool, owner.apply(spool));
                spool.addChangeListener(this::growing);
            } catch (RuntimeException e) {
                spool.close();
                throw e;
            }
            entries.put(key, entry);
        }
        if (entry.refs++ == 0 && entry.owner instanceof Idler idler) {
            idler.wake();
        }
        entry.lastUsed = System.nanoTime();
        List<Entry> evicted = evict();
        evicted.forEach(Entry::dispose);
        @SuppressWarnings("unchecked")
        T value = (T) entry.owner;
        return new Lease<>(this, entry, value);
    }

    /** Spools cached now, held or not. */
    public synchronized int size() {
        return entries.size();
    }

    /** Bytes stored by all cached spools. */
    public synchronized long totalBytes() {
        long total = 0;
        for (Entry e : entries.values()) {
            total += e.spool.storedBytes();
        }
        return total;
    }

    /** Whether a spool for {@code key} is cached. */
    public synchronized boolean contains(String key) {
        return entries.containsKey(key);
    }

    /** Evicts what the byte limit and idle time say must go; runs by itself on acquire, release and idle expiry. */
    public void trim() {
        List<Entry> evicted;
        synchronized (this) {
            evicted = evict();
        }
        evicted.forEach(Entry::dispose);
    }

    private void release(Entry entry) {
        boolean dispose;
        List<Entry> evicted;
        synchronized (this) {
            if (--entry.refs == 0 && entry.owner instanceof Idler idler) {
                idler.rest();
            }
            entry.lastUsed = System.nanoTime();
            if (!entry.detached && (entry.spool.isClosed() || entry.spool.failure().isPresent())) {
                // A failed spool is never shared again: its temp file (on a disk that may be full) goes now.
                entries.remove(entry.key, entry);
                entry.detached = true;
            }
            dispose = entry.refs == 0 && entry.detached;
            evicted = evict();
            if (entry.refs == 0 && !closed && !entry.detached) {
                scheduleTrim();
            }
        }
        if (dispose) {
            entry.dispose();
        }
        evicted.forEach(Entry::dispose);
    }

    /** Removes the entries to evict from the map; the caller disposes them outside the lock. */
    private List<Entry> evict() {
        List<Entry> out = new ArrayList<>();
        long now = System.nanoTime();
        // Loops, not streams: this runs on the way to a process's first audio, where a first stream
        // pipeline and Comparator.comparingLong (a serializable lambda, which no class-data archive
        // holds) cost milliseconds.
        List<Entry> idle = new ArrayList<>();
        long total = totalBytes();
        for (Entry e : entries.values()) {
            if (e.refs == 0) {
                idle.add(e);
            }
        }
        idle.sort(LEAST_RECENTLY_USED);
        for (Entry e : idle) {
            if (total > maxBytes || now - e.lastUsed >= idleNanos) {
                entries.remove(e.key);
                total -= e.spool.storedBytes();
                out.add(e);
            }
        }
        return out;
    }

    private void scheduleTrim() {
        timer().schedule(this::trim, idleNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * A spool's bytes changed: when the cache is over its byte limit and holds a spool nobody
     * holds, trims on the cache's own thread, so that a download thread never closes another
     * download. Bursts of writes coalesce into one pending trim. A write that cannot evict anything
     * wakes no thread: a download at network speed writes hundreds of times a second, and a trim
     * handed over for each write cost the cache's thread 0.7 % of a core while streaming at 2 MB/s.
     */
    private void growing() {
        if (trimPending.get()) {
            return;
        }
        synchronized (this) {
            if (closed || !overLimitWithIdle() || !trimPending.compareAndSet(false, true)) {
                return;
            }
            timer().execute(() -> {
                trimPending.set(false);
                trim();
            });
        }
    }

    /** Whether the byte limit would evict a spool now; under the lock. */
    private boolean overLimitWithIdle() {
        if (totalBytes() <= maxBytes) {
            return false;
        }
        for (Entry e : entries.values()) {
            if (e.refs == 0) {
                return true;
            }
        }
        return false;
    }

    private ScheduledThreadPoolExecutor timer() {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "reel-spool-cache");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    /** Closes every cached spool and its owner, held or not. */
    @Override
    public void close() {
        List<Entry> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(entries.values());
            entries.clear();
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        all.forEach(Entry::dispose);
    }

    /**
     * An owner whose work (a download) is wanted only while someone holds its spool. The cache
     * calls {@link #rest} when the last lease closes and {@link #wake} when a lease is taken again,
     * in that order, under its lock: both must return at once.
     */
    public interface Idler {
        /** Nobody holds the spool: stop working, keep what is there. */
        void rest();

        /** Someone holds the spool again: go on. */
        void wake();
    }

    private static final class Entry {
        final String key;
        final SpoolBuffer spool;
        final Object owner;
        int refs;
        long lastUsed;
        boolean detached;

        Entry(String key, SpoolBuffer spool, Object owner) {
            this.key = key;
            this.spool = spool;
            this.owner = owner;
        }

        void dispose() {
            if (owner instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    Logger.warn("closing the owner of spool {} failed: {}", key, e.getMessage());
                }
            }
            spool.close();
        }
    }

    /**
     * One holder's share of a cached spool. Closing it (idempotent, any thread) releases the share;
     * the spool stays cached until evicted.
     *
     * @param <T> what {@code owner} made of the spool (typically the download filling it)
     */
    public static final class Lease<T> implements AutoCloseable {
        private final SpoolCache cache;
        private final Entry entry;
        private final T owner;
        private boolean released;

        private Lease(SpoolCache cache, Entry entry, T owner) {
            this.cache = cache;
            this.entry = entry;
            this.owner = owner;
        }

        public String key() {
            return entry.key;
        }

        public SpoolBuffer spool() {
            return entry.spool;
        }

        /** The object the first acquirer's {@code owner} function made; shared by all leases of the key. */
        public T owner() {
            return owner;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            cache.release(entry);
        }
    }
}
