package dev.reel.core.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * One writer fills a known resource in random-order chunks while several readers seek and read at
 * random; every byte read must be the resource's byte. jqwik ignores JUnit's {@code @Timeout}, so
 * every wait here is bounded by {@link Future#get(long, TimeUnit)}.
 */
class SpoolConcurrencyTest {

    private static Path dir;
    private static ExecutorService pool;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("spool-props");
        pool = Executors.newCachedThreadPool();
    }

    @AfterContainer
    static void stop() throws IOException {
        pool.shutdownNow();
        Path spoolDir = dir.resolve("spool");
        if (Files.exists(spoolDir)) {
            try (var files = Files.list(spoolDir)) {
                assertThat(files).isEmpty();
            }
            Files.delete(spoolDir);
        }
        Files.delete(dir);
    }

    @Property(tries = 40)
    void readersSeeExactlyTheWrittenBytes(@ForAll @IntRange(min = 1, max = 400_000) int size,
            @ForAll @IntRange(min = 1, max = 70_000) int chunk,
            @ForAll boolean spill,
            @ForAll @IntRange(min = 1, max = 4) int readers,
            @ForAll Random random) throws Exception {
        SpoolConfig config = new SpoolConfig(spill ? 64 * 1024 : 1 << 20, dir.resolve("spool"), 0);
        List<Long> starts = new ArrayList<>();
        for (long p = 0; p < size; p += chunk) {
            starts.add(p);
        }
        Collections.shuffle(starts, random);
        int lengthAfter = random.nextInt(starts.size() + 1);
        long[] seeds = random.longs(readers).toArray();

        try (SpoolBuffer spool = new SpoolBuffer(config)) {
            List<Future<?>> tasks = new ArrayList<>();
            for (long seed : seeds) {
                tasks.add(pool.submit(() -> readRandomly(spool, size, new Random(seed))));
            }
            tasks.add(pool.submit(() -> {
                for (int i = 0; i < starts.size(); i++) {
                    if (i == lengthAfter) {
                        spool.setLength(size);
                    }
                    long p = starts.get(i);
                    spool.write(p, Bytes.chunk(p, (int) Math.min(chunk, size - p)));
                }
                spool.setLength(size);
                return null;
            }));
            for (Future<?> task : tasks) {
                task.get(30, TimeUnit.SECONDS);
            }
            assertThat(spool.presentRanges()).containsExactly(new ByteRange(0, size));
            assertThat(spool.memoryBytes()).isLessThanOrEqualTo(config.memoryLimit());
        }
    }

    @Property(tries = 20)
    void liveReadersGetTheRightBytesOrARetentionError(@ForAll @IntRange(min = 1_000, max = 40_000) int chunk,
            @ForAll @IntRange(min = 1, max = 300_000) int retention,
            @ForAll boolean spill,
            @ForAll @IntRange(min = 1, max = 3) int readers,
            @ForAll Random random) throws Exception {
        SpoolConfig config = new SpoolConfig(spill ? 0 : 1 << 20, dir.resolve("spool"), retention);
        long size = 1_000_000;
        long[] seeds = random.longs(readers).toArray();
        try (SpoolBuffer spool = new SpoolBuffer(config)) {
            List<Future<?>> tasks = new ArrayList<>();
            for (long seed : seeds) {
                tasks.add(pool.submit(() -> followLive(spool, new Random(seed))));
            }
            tasks.add(pool.submit(() -> {
                for (long p = 0; p < size; p += chunk) {
                    spool.write(p, Bytes.chunk(p, (int) Math.min(chunk, size - p)));
                }
                spool.setLength(size);
                return null;
            }));
            for (Future<?> task : tasks) {
                task.get(30, TimeUnit.SECONDS);
            }
            assertThat(spool.windowStart()).isEqualTo(Math.max(0, size - retention));
        }
    }

    /**
     * Reads near the newest byte and, now and then, behind the window until the writer is done; a
     * stale read must fail, never return wrong bytes.
     */
    private static Void followLive(SpoolBuffer spool, Random random) throws IOException {
        try (SpoolReader reader = spool.newReader()) {
            ByteBuffer dst = ByteBuffer.allocate(50_000);
            while (spool.length().isEmpty()) {
                long newest = spool.windowStart() + spool.contiguousFrom(spool.windowStart());
                long position = Math.max(0, newest - random.nextInt(400_000));
                reader.position(position);
                dst.clear().limit(1 + random.nextInt(dst.capacity()));
                try {
                    int n = reader.read(dst);
                    if (n < 0) {
                        return null;
                    }
                    assertThat(Bytes.firstWrong(position, dst, n)).isEqualTo(-1);
                } catch (RetentionException e) {
                    assertThat(e.windowStart()).isGreaterThan(position);
                }
            }
        }
        return null;
    }

    private static Void readRandomly(SpoolBuffer spool, int size, Random random) throws IOException {
        try (SpoolReader reader = spool.newReader()) {
            ByteBuffer dst = ByteBuffer.allocate(100_000);
            for (int i = 0; i < 40; i++) {
                long position = random.nextInt(10) == 0 ? size : random.nextInt(size);
                reader.position(position);
                dst.clear().limit(1 + random.nextInt(dst.capacity()));
                int n = reader.read(dst);
                if (position == size) {
                    assertThat(n).isEqualTo(-1);
                } else {
                    assertThat(n).isPositive();
                    assertThat(Bytes.firstWrong(position, dst, n)).isEqualTo(-1);
                    assertThat(reader.position()).isEqualTo(position + n);
                }
            }
        }
        return null;
    }
}
