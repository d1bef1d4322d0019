package dev.reel.core.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SpoolCacheTest {

    @TempDir
    Path dir;

    /** Stands in for a download: counts how often it was made and closed. */
    static final class Owner implements AutoCloseable {
        static final AtomicInteger MADE = new AtomicInteger();
        final SpoolBuffer spool;
        final CountDownLatch closed = new CountDownLatch(1);

        Owner(SpoolBuffer spool) {
            this.spool = spool;
            MADE.incrementAndGet();
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    private SpoolCache cache(long maxBytes, Duration idle) {
        return new SpoolCache(new SpoolConfig(1 << 20, dir, 0), maxBytes, idle);
    }

    @Test
    void aSecondAcquireSharesTheSpoolAndItsOwner() {
        try (SpoolCache cache = cache(1 << 30, Duration.ofMinutes(5))) {
            SpoolCache.Lease<Owner> a = cache.acquire("http://127.0.0.1/a.wav", Owner::new);
            SpoolCache.Lease<Owner> b = cache.acquire("http://127.0.0.1/a.wav", Owner::new);
            SpoolCache.Lease<Owner> c = cache.acquire("http://127.0.0.1/c.wav", Owner::new);
            assertThat(b.spool()).isSameAs(a.spool());
            assertThat(b.owner()).isSameAs(a.owner());
            assertThat(b.owner().spool).isSameAs(a.spool());
            assertThat(c.spool()).isNotSameAs(a.spool());
            a.close();
            a.close();
            assertThat(b.spool().isClosed()).isFalse();
            b.close();
            assertThat(cache.contains("http://127.0.0.1/a.wav")).isTrue();
            assertThat(cache.acquire("http://127.0.0.1/a.wav", Owner::new).spool()).isSameAs(a.spool());
        }
    }

    @Test
    void aFailedSpoolGoesWithItsLastLeaseAndTakesItsFileAlong() throws IOException {
        try (SpoolCache cache = new SpoolCache(new SpoolConfig(0, dir, 0), 1 << 30, Duration.ofMinutes(5))) {
            SpoolCache.Lease<Owner> lease = cache.acquire("http://127.0.0.1/full.wav", Owner::new);
            lease.spool().write(0, Bytes.chunk(0, 10_000));
            lease.spool().fail(new IOException("No space left on device"));
            lease.close();
            assertThat(cache.contains("http://127.0.0.1/full.wav")).isFalse();
            assertThat(lease.owner().closed.getCount()).isZero();
            assertThat(lease.spool().isClosed()).isTrue();
            try (var files = java.nio.file.Files.list(dir)) {
                assertThat(files.filter(java.nio.file.Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    void leastRecentlyUsedUnheldSpoolsGoWhenBytesPassTheLimit() throws IOException {
        try (SpoolCache cache = cache(250_000, Duration.ofMinutes(5))) {
            SpoolCache.Lease<Owner> a = cache.acquire("a", Owner::new);
            SpoolCache.Lease<Owner> b = cache.acquire("b", Owner::new);
            SpoolCache.Lease<Owner> c = cache.acquire("c", Owner::new);
            for (SpoolCache.Lease<Owner> l : java.util.List.of(a, b, c)) {
                l.spool().write(0, Bytes.chunk(0, 100_000));
            }
            assertThat(cache.totalBytes()).isEqualTo(300_000);
            b.close();
            a.close();
            assertThat(cache.contains("b")).isFalse();
            assertThat(b.owner().closed.getCount()).isZero();
            assertThat(b.spool().isClosed()).isTrue();
            assertThat(cache.contains("a")).isTrue();
            c.close();
            assertThat(cache.contains("a")).isTrue();
            assertThat(cache.totalBytes()).isEqualTo(200_000);
        }
    }

    @Test
    void aGrowingDownloadEvictsUnheldSpoolsWithoutAnyAcquire() throws Exception {
        try (SpoolCache cache = cache(250_000, Duration.ofMinutes(5))) {
            SpoolCache.Lease<Owner> old = cache.acquire("old", Owner::new);
            old.spool().write(0, Bytes.chunk(0, 100_000));
            old.close();
            SpoolCache.Lease<Owner> playing = cache.acquire("playing", Owner::new);
            CountDownLatch evicted = new CountDownLatch(1);
            old.spool().addChangeListener(() -> {
                if (old.spool().isClosed()) {
                    evicted.countDown();
                }
            });
            for (int p = 0; p < 200_000; p += 50_000) {
                playing.spool().write(p, Bytes.chunk(p, 50_000));
            }
            assertThat(evicted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(cache.contains("old")).isFalse();
            assertThat(cache.contains("playing")).isTrue();
            playing.close();
        }
    }

    @Test
    void writesThatCannotEvictAnythingWakeNoCacheThread() throws Exception {
        Set<Thread> before = cacheThreads();
        try (SpoolCache cache = cache(250_000, Duration.ofMinutes(5))) {
            SpoolCache.Lease<Owner> other = cache.acquire("other", Owner::new);
            other.spool().write(0, Bytes.chunk(0, 50_000));
            SpoolCache.Lease<Owner> playing = cache.acquire("playing", Owner::new);
            // Under the limit, then over it with every spool held: a thousand writes, nothing to evict.
            for (int p = 0; p < 1_000_000; p += 1_000) {
                playing.spool().write(p, Bytes.chunk(p, 1_000));
            }
            assertThat(cacheThreads()).isEqualTo(before);
            assertThat(cache.contains("other")).isTrue();
            other.close();
            playing.close();
        }
    }

    /** The live threads of every cache, so that a test sees which one started. */
    private static Set<Thread> cacheThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("reel-spool-cache") && t.isAlive()) {
                threads.add(t);
            }
        }
        return threads;
    }

    @Test
    void heldSpoolsAreNeverEvicted() throws IOException {
        try (SpoolCache cache = cache(10, Duration.ZERO)) {
            SpoolCache.Lease<Owner> a = cache.acquire("a", Owner::new);
            a.spool().write(0, Bytes.chunk(0, 1000));
            cache.trim();
            assertThat(cache.contains("a")).isTrue();
            a.close();
            assertThat(cache.contains("a")).isFalse();
        }
    }

    @Test
    void unheldSpoolsGoAfterTheIdleTime() throws InterruptedException {
        try (SpoolCache cache = cache(1 << 30, Duration.ofMillis(100))) {
            SpoolCache.Lease<Owner> a = cache.acquire("a", Owner::new);
            CountDownLatch spoolClosed = new CountDownLatch(1);
            a.spool().addChangeListener(() -> {
                if (a.spool().isClosed()) {
                    spoolClosed.countDown();
                }
            });
            a.close();
            assertThat(spoolClosed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(a.owner().closed.getCount()).isZero();
            assertThat(cache.contains("a")).isFalse();
        }
    }

    @Test
    void aFailedSpoolIsNotShared() {
        try (SpoolCache cache = cache(1 << 30, Duration.ofMinutes(5))) {
            SpoolCache.Lease<Owner> a = cache.acquire("a", Owner::new);
            a.spool().fail(new IOException("HTTP 404 from http://127.0.0.1/a"));
            SpoolCache.Lease<Owner> b = cache.acquire("a", Owner::new);
            assertThat(b.spool()).isNotSameAs(a.spool());
            assertThat(a.spool().isClosed()).isFalse();
            a.close();
            assertThat(a.spool().isClosed()).isTrue();
            assertThat(b.spool().isClosed()).isFalse();
        }
    }

    @Test
    void closingTheCacheClosesEverySpool() {
        SpoolCache cache = cache(1 << 30, Duration.ofMinutes(5));
        SpoolCache.Lease<Owner> a = cache.acquire("a", Owner::new);
        cache.close();
        assertThat(a.spool().isClosed()).isTrue();
        assertThat(a.owner().closed.getCount()).isZero();
        a.close();
        assertThatThrownBy(() -> cache.acquire("b", Owner::new)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDefaultConstructorStillWorks() {
        try (SpoolCache cache = new SpoolCache()) {
            assertThat(cache.config().memoryLimit()).isEqualTo(SpoolConfig.DEFAULT_MEMORY_LIMIT);
            assertThat(cache.config().directory().toString()).endsWith("spool");
        }
    }
}
