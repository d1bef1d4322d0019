package dev.reel.core.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SpoolBufferTest {

    @TempDir
    Path dir;

    private SpoolBuffer spool;
    /** The thread of the last {@link #blockedRead}. */
    private final AtomicReference<Thread> readerThreads = new AtomicReference<>();

    private SpoolBuffer spool(long memoryLimit, long retention) {
        spool = new SpoolBuffer(new SpoolConfig(memoryLimit, dir.resolve("spool"), retention));
        return spool;
    }

    @AfterEach
    void closeSpool() {
        if (spool != null) {
            spool.close();
        }
    }

    /** Starts a read of up to {@code n} bytes on another thread and waits until it is blocked in the spool. */
    private CompletableFuture<Integer> blockedRead(SpoolReader reader, ByteBuffer dst) throws InterruptedException {
        return blocked(() -> reader.read(dst));
    }

    /** Blocking spool work, for {@link #blocked}. */
    private interface SpoolCall<T> {
        T call() throws IOException;
    }

    /** Starts {@code call} on another thread and waits until it is blocked in the spool. */
    private <T> CompletableFuture<T> blocked(SpoolCall<T> call) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "test-reader");
        readerThreads.set(t);
        t.start();
        started.await();
        awaitWaiting(t);
        return result;
    }

    /**
     * Waits until {@code t} parks (inside the spool's condition), bounded by the test's timeout.
     * The JDK offers no event for "a thread is now blocked", so this checks its state.
     */
    private static void awaitWaiting(Thread t) throws InterruptedException {
        while (t.isAlive() && t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(1);
        }
    }

    private static Throwable failureOf(CompletableFuture<?> f) throws InterruptedException {
        try {
            f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("read did not wake", e);
        }
    }

    @Test
    void writtenBytesReadBackInMemory() throws IOException {
        SpoolBuffer s = spool(1 << 20, 0);
        s.write(0, Bytes.chunk(0, 1000));
        SpoolReader r = s.newReader();
        ByteBuffer dst = ByteBuffer.allocate(4000);
        assertThat(r.read(dst)).isEqualTo(1000);
        assertThat(Bytes.firstWrong(0, dst, 1000)).isEqualTo(-1);
        assertThat(r.position()).isEqualTo(1000);
        assertThat(s.spilled()).isFalse();
    }

    @Test
    void aReadReturnsOnlyWhatIsContiguous() throws IOException {
        SpoolBuffer s = spool(1 << 20, 0);
        s.write(0, Bytes.chunk(0, 100));
        s.write(200, Bytes.chunk(200, 100));
        assertThat(s.presentRanges()).containsExactly(new ByteRange(0, 100), new ByteRange(200, 300));
        assertThat(s.firstMissing(50)).isEqualTo(100);
        s.setLength(400);
        assertThat(s.missingRanges()).containsExactly(new ByteRange(100, 200), new ByteRange(300, 400));
        ByteBuffer dst = ByteBuffer.allocate(1000);
        assertThat(s.newReader(50).read(dst)).isEqualTo(50);
        assertThat(s.contiguousFrom(250)).isEqualTo(50);
    }

    @Test
    void aBlockedReadWakesWhenItsBytesArrive() throws Exception {
        SpoolBuffer s = spool(1 << 20, 0);
        s.write(0, Bytes.chunk(0, 10));
        SpoolReader r = s.newReader(10);
        ByteBuffer dst = ByteBuffer.allocate(100);
        CompletableFuture<Integer> read = blockedRead(r, dst);
        assertThat(read).isNotDone();
        s.write(20, Bytes.chunk(20, 10));
        assertThat(read).isNotDone();
        s.write(10, Bytes.chunk(10, 10));
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(20);
        assertThat(Bytes.firstWrong(10, dst, 20)).isEqualTo(-1);
    }

    @Test
    void aFailureReachesBlockedAndLaterReadsButPresentBytesStayReadable() throws Exception {
        SpoolBuffer s = spool(1 << 20, 0);
        s.write(0, Bytes.chunk(0, 10));
        CompletableFuture<Integer> read = blockedRead(s.newReader(10), ByteBuffer.allocate(10));
        IOException cause = new IOException("HTTP 500 from http://127.0.0.1:1/a.wav");
        s.fail(cause);
        assertThat(failureOf(read)).isSameAs(cause);
        assertThat(s.newReader(0).read(ByteBuffer.allocate(100))).isEqualTo(10);
        assertThatThrownBy(() -> s.newReader(10).read(ByteBuffer.allocate(1)))
                .hasMessage("HTTP 500 from http://127.0.0.1:1/a.wav");
        assertThatThrownBy(() -> s.awaitContiguous(0, 100, Long.MAX_VALUE)).isSameAs(cause);
    }

    @Test
    void closingTheBufferWakesABlockedRead() throws Exception {
        SpoolBuffer s = spool(1 << 20, 0);
        CompletableFuture<Integer> read = blockedRead(s.newReader(), ByteBuffer.allocate(10));
        s.close();
        assertThat(failureOf(read)).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> s.newReader().read(ByteBuffer.allocate(1))).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> s.write(0, Bytes.chunk(0, 1))).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void closingTheReaderFromAnotherThreadWakesItsRead() throws Exception {
        SpoolBuffer s = spool(1 << 20, 0);
        SpoolReader r = s.newReader();
        CompletableFuture<Integer> read = blockedRead(r, ByteBuffer.allocate(10));
        r.close();
        assertThat(failureOf(read)).isInstanceOf(AsynchronousCloseException.class);
        assertThatThrownBy(() -> r.read(ByteBuffer.allocate(1))).isInstanceOf(ClosedChannelException.class);
        s.write(0, Bytes.chunk(0, 5));
        assertThat(s.newReader().read(ByteBuffer.allocate(10))).isEqualTo(5);
    }

    @Test
    void anInterruptWakesABlockedReadAndKeepsTheFlag() throws Exception {
        SpoolBuffer s = spool(1 << 20, 0);
        CompletableFuture<Integer> read = blockedRead(s.newReader(), ByteBuffer.allocate(10));
        readerThreads.get().interrupt();
        assertThat(failureOf(read)).isInstanceOf(InterruptedIOException.class);
        readerThreads.get().join(10_000);

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> s.newReader().read(ByteBuffer.allocate(1))).isInstanceOf(InterruptedIOException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aReadTimesOut() throws IOException {
        SpoolBuffer s = spool(1 << 20, 0);
        SpoolReader r = s.newReader().readTimeout(Duration.ofMillis(50));
        assertThatThrownBy(() -> r.read(ByteBuffer.allocate(1)))
                .isInstanceOf(SpoolTimeoutException.class)
                .hasMessage("no bytes at position 0 within 50 ms");
        assertThat(s.awaitContiguous(0, 10, TimeUnit.MILLISECONDS.toNanos(20))).isZero();
    }

    @Test
    void endOfResourceFollowsFileChannel() throws IOException {
        SpoolBuffer s = spool(1 << 20, 0);
        SpoolReader r = s.newReader();
        assertThat(r.size()).isEqualTo(-1);
        s.setLength(10);
        s.write(0, Bytes.chunk(0, 10));
        assertThat(r.size()).isEqualTo(10);
        ByteBuffer dst = ByteBuffer.allocate(20);
        assertThat(r.read(dst)).isEqualTo(10);
        assertThat(r.read(dst)).isEqualTo(-1);
        assertThat(r.position(25).read(ByteBuffer.allocate(1))).isEqualTo(-1);
        assertThat(r.position(5).read(ByteBuffer.allocate(0))).isZero();
        assertThat(s.awaitContiguous(4, 100, Long.MAX_VALUE)).isEqualTo(6);
        assertThatThrownBy(() -> s.write(5, Bytes.chunk(5, 6))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("write of 6 bytes at 5 passes the end of the resource (10)");
        assertThatThrownBy(() -> s.setLength(11)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> r.position(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEndKnownLaterWakesAReaderAtTheEnd() throws Exception {
        SpoolBuffer s = spool(1 << 20, 0);
        s.write(0, Bytes.chunk(0, 10));
        CompletableFuture<Integer> read = blockedRead(s.newReader(10), ByteBuffer.allocate(10));
        s.setLength(10);
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
    }

    @Test
    void awaitContiguousWaitsForTheCushionWithoutConsuming() throws Exception {
        SpoolBuffer s = spool(1 << 20, 0);
        SpoolReader r = s.newReader();
        CompletableFuture<Long> cushion = CompletableFuture.supplyAsync(() -> {
            try {
                return r.awaitContiguous(1000, Duration.ofSeconds(20));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        for (int p = 0; p < 1200; p += 100) {
            s.write(p, Bytes.chunk(p, 100));
        }
        assertThat(cushion.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1000);
        assertThat(r.position()).isZero();
    }

    @Test
    void closingTheReaderFromAnotherThreadWakesItsAwaitContiguous() throws Exception {
        SpoolBuffer s = spool(1 << 20, 0);
        SpoolReader r = s.newReader();
        CompletableFuture<Long> cushion = blocked(() -> r.awaitContiguous(1000, Duration.ofSeconds(60)));
        r.close();
        assertThat(failureOf(cushion)).isInstanceOf(AsynchronousCloseException.class);
        assertThatThrownBy(() -> r.awaitContiguous(1, Duration.ofSeconds(1))).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void theInputStreamViewReadsTheCursor() throws IOException {
        SpoolBuffer s = spool(1 << 20, 0);
        s.write(0, Bytes.chunk(0, 300));
        s.setLength(300);
        SpoolReader r = s.newReader();
        try (InputStream in = r.inputStream()) {
            assertThat(in.read()).isEqualTo(Bytes.at(0) & 0xff);
            assertThat(in.skip(9)).isEqualTo(9);
            assertThat(in.available()).isEqualTo(290);
            byte[] rest = in.readAllBytes();
            assertThat(rest).hasSize(290);
            assertThat(Bytes.firstWrong(10, ByteBuffer.wrap(rest), 290)).isEqualTo(-1);
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(r.isOpen()).isFalse();
    }

    @Test
    void aLargeResourceSpillsToDiskAndTheMemoryTierStaysWithinItsLimit() throws IOException {
        long limit = 256 * 1024;
        SpoolBuffer s = spool(limit, 0);
        int size = 8 << 20;
        for (int p = 0; p < size; p += 10_000) {
            s.write(p, Bytes.chunk(p, Math.min(10_000, size - p)));
            assertThat(s.memoryBytes()).isLessThanOrEqualTo(limit);
        }
        assertThat(s.spilled()).isTrue();
        assertThat(s.memoryBytes()).isZero();
        Path file = s.spillPath().orElseThrow();
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        ByteBuffer dst = ByteBuffer.allocate(size);
        SpoolReader r = s.newReader();
        while (dst.hasRemaining()) {
            r.read(dst);
        }
        assertThat(Bytes.firstWrong(0, dst, size)).isEqualTo(-1);
    }

    @Test
    void theSpillFileIsSparseAtFullLength() throws Exception {
        SpoolBuffer s = spool(0, 0);
        long length = 1L << 30;
        s.setLength(length);
        for (long p : new long[] {0, 300L << 20, 700L << 20, length - 65536}) {
            s.write(p, Bytes.chunk(p, 65536));
        }
        Path file = s.spillPath().orElseThrow();
        assertThat(Files.size(file)).isEqualTo(length);
        assertThat(allocatedBytes(file)).isLessThan(16L << 20);
        ByteBuffer dst = ByteBuffer.allocate(65536);
        assertThat(s.newReader(700L << 20).read(dst)).isEqualTo(65536);
        assertThat(Bytes.firstWrong(700L << 20, dst, 65536)).isEqualTo(-1);
    }

    /** Blocks allocated on disk, from {@code stat}: the JDK has no portable attribute for it. */
    private static long allocatedBytes(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("stat", "--format=%b %B", file.toString()).start();
        String[] out = new String(p.getInputStream().readAllBytes()).trim().split(" ");
        assertThat(p.waitFor()).isZero();
        return Long.parseLong(out[0]) * Long.parseLong(out[1]);
    }

    @Test
    void anInterruptDuringFileIoDoesNotBreakOtherReaders() throws Exception {
        SpoolBuffer s = spool(0, 0);
        int size = 4 << 20;
        for (int p = 0; p < size; p += 65536) {
            s.write(p, Bytes.chunk(p, 65536));
        }
        for (int i = 0; i < 20; i++) {
            Thread.currentThread().interrupt();
            try {
                s.newReader((long) i * 65536).read(ByteBuffer.allocateDirect(65536));
            } catch (InterruptedIOException expected) {
                assertThat(expected).hasMessageContaining("interrupted");
            } finally {
                Thread.interrupted();
            }
            ByteBuffer dst = ByteBuffer.allocate(65536);
            assertThat(s.newReader((long) i * 65536).read(dst)).isEqualTo(65536);
            assertThat(Bytes.firstWrong((long) i * 65536, dst, 65536)).isEqualTo(-1);
        }
        s.write(size, Bytes.chunk(size, 10));
        assertThat(s.contiguousFrom(0)).isEqualTo(size + 10);
    }

    @Test
    void anInterruptedFileWriteStoresNothingAndTheSpoolCarriesOn() throws IOException {
        SpoolBuffer s = spool(0, 0);
        s.write(0, Bytes.chunk(0, 1000));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> s.write(1000, Bytes.chunk(1000, 1000))).isInstanceOf(InterruptedIOException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(s.presentRanges()).containsExactly(new ByteRange(0, 1000));
        s.write(1000, Bytes.chunk(1000, 1000));
        ByteBuffer dst = ByteBuffer.allocate(2000);
        assertThat(s.newReader().read(dst)).isEqualTo(2000);
        assertThat(Bytes.firstWrong(0, dst, 2000)).isEqualTo(-1);
    }

    @Test
    void theTempFileIsGoneAfterClose() throws IOException {
        SpoolBuffer s = spool(0, 0);
        s.write(0, Bytes.chunk(0, 1000));
        Path file = s.spillPath().orElseThrow();
        assertThat(file).exists();
        s.close();
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("spool")).isEmptyDirectory();
    }

    @Test
    void theTempFileIsGoneAfterFailAndClose() throws IOException {
        SpoolBuffer s = spool(0, 0);
        s.write(0, Bytes.chunk(0, 1000));
        s.fail(new IOException("connection reset by 127.0.0.1:1"));
        s.close();
        assertThat(dir.resolve("spool")).isEmptyDirectory();
    }

    @Test
    void aSpoolDroppedWithoutCloseLosesItsFileToTheCleaner() throws Exception {
        Path spoolDir = dir.resolve("spool");
        Path file = spillAndDrop(spoolDir);
        try (WatchService watch = spoolDir.getFileSystem().newWatchService()) {
            spoolDir.register(watch, StandardWatchEventKinds.ENTRY_DELETE);
            while (Files.exists(file)) {
                System.gc();
                watch.poll(100, TimeUnit.MILLISECONDS);
            }
        }
        assertThat(spoolDir).isEmptyDirectory();
    }

    private static Path spillAndDrop(Path spoolDir) throws IOException {
        SpoolBuffer leaked = new SpoolBuffer(new SpoolConfig(0, spoolDir, 0));
        leaked.write(0, Bytes.chunk(0, 1000));
        return leaked.spillPath().orElseThrow();
    }

    @Test
    void staleFilesOfDeadProcessesAreRemovedAtStart() throws Exception {
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache);
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path stale = cache.resolve("spool-" + dead.pid() + "-1.tmp");
        Path mine = cache.resolve("spool-" + ProcessHandle.current().pid() + "-999999.tmp");
        Path other = cache.resolve("notes.txt");
        Files.write(stale, new byte[10]);
        Files.write(mine, new byte[10]);
        Files.write(other, new byte[10]);
        try (SpoolBuffer s = new SpoolBuffer(new SpoolConfig(0, cache, 0))) {
            s.write(0, Bytes.chunk(0, 10));
            assertThat(stale).doesNotExist();
            assertThat(mine).exists();
            assertThat(other).exists();
        }
    }

    @Test
    void aLiveResourceKeepsOnlyItsRetentionWindowInMemory() throws IOException {
        long retention = 256 * 1024;
        SpoolBuffer s = spool(1 << 20, retention);
        SpoolReader old = s.newReader();
        long written = 0;
        for (; written < (4 << 20); written += 10_000) {
            s.write(written, Bytes.chunk(written, 10_000));
            assertThat(s.memoryBytes()).isLessThanOrEqualTo(retention + 2 * MemoryTier.PAGE);
        }
        assertThat(s.spilled()).isFalse();
        long window = s.windowStart();
        assertThat(window).isEqualTo(written - retention);
        assertThat(s.presentRanges()).containsExactly(new ByteRange(window, written));
        assertThatThrownBy(() -> old.read(ByteBuffer.allocate(10)))
                .isInstanceOf(RetentionException.class)
                .hasMessage("position 0 is no longer retained (window starts at " + window + ")");
        ByteBuffer dst = ByteBuffer.allocate((int) retention);
        assertThat(s.newReader(window).read(dst)).isEqualTo((int) retention);
        assertThat(Bytes.firstWrong(window, dst, (int) retention)).isEqualTo(-1);
    }

    @Test
    void aLiveResourceBeyondTheMemoryLimitUsesARingFile() throws IOException {
        long retention = 300_000;
        SpoolBuffer s = spool(64 * 1024, retention);
        long written = 0;
        SpoolReader follower = s.newReader();
        ByteBuffer dst = ByteBuffer.allocate(7_000);
        for (; written < (3 << 20); written += 9_999) {
            s.write(written, Bytes.chunk(written, 9_999));
            while (follower.position() < written + 9_999 - 5_000) {
                dst.clear();
                long p = follower.position();
                int n = follower.read(dst);
                assertThat(Bytes.firstWrong(p, dst, n)).isEqualTo(-1);
            }
        }
        assertThat(s.spilled()).isTrue();
        assertThat(Files.size(s.spillPath().orElseThrow())).isLessThanOrEqualTo(retention);
        long window = s.windowStart();
        ByteBuffer all = ByteBuffer.allocate((int) retention);
        SpoolReader r = s.newReader(window);
        while (all.hasRemaining() && r.read(all) > 0) {
            assertThat(r.position()).isLessThanOrEqualTo(written);
        }
        assertThat(Bytes.firstWrong(window, all, (int) retention)).isEqualTo(-1);
        assertThatThrownBy(() -> s.newReader(window - 1).read(ByteBuffer.allocate(1))).isInstanceOf(RetentionException.class);
    }

    @Test
    void changeListenersAndRateSeeWrites() throws IOException {
        SpoolBuffer s = spool(1 << 20, 0);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        s.addChangeListener(() -> seen.add("changed"));
        s.write(0, Bytes.chunk(0, 100_000));
        s.setLength(200_000);
        s.fail(new IOException("gone"));
        assertThat(seen).hasSize(3);
        assertThat(s.bytesPerSecond()).isPositive();
        assertThat(s.length()).hasValue(200_000);
        assertThat(s.storedBytes()).isEqualTo(100_000);
    }
}
