package dev.reel.bench.spool;

import dev.reel.core.spool.SpoolBuffer;
import dev.reel.core.spool.SpoolConfig;
import dev.reel.core.spool.SpoolReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One writer streams a 64 MiB resource into a fresh spool in 64 KiB chunks while 1–4 readers each
 * read all of it in 64 KiB reads, blocking on the spool as a player does. One operation is one
 * 64 KiB chunk written (and read by every reader), so MB/s of the resource = ops/s × 0.0655.
 */
@State(Scope.Benchmark)
public class SpoolThroughputBenchmark {

    static final int CHUNK = 64 * 1024;
    static final int SIZE = 64 << 20;
    static final int CHUNKS = SIZE / CHUNK;

    /** {@code memory}: the whole resource stays in heap pages; {@code file}: spilled from the first byte. */
    @Param({"memory", "file"})
    public String tier;

    @Param({"1", "2", "4"})
    public int readers;

    private ExecutorService pool;
    private ByteBuffer chunk;

    @Setup(Level.Trial)
    public void setUp() {
        pool = Executors.newCachedThreadPool();
        chunk = ByteBuffer.allocateDirect(CHUNK);
        for (int i = 0; i < CHUNK; i++) {
            chunk.put(i, (byte) i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
    }

    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public long writeAndReadThrough() throws Exception {
        SpoolConfig config = SpoolConfig.defaults().withMemoryLimit("memory".equals(tier) ? 2L * SIZE : 0);
        try (SpoolBuffer spool = new SpoolBuffer(config)) {
            spool.setLength(SIZE);
            List<Future<Long>> reads = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                SpoolReader reader = spool.newReader();
                reads.add(pool.submit(() -> readAll(reader)));
            }
            for (long p = 0; p < SIZE; p += CHUNK) {
                spool.write(p, chunk.duplicate());
            }
            long sum = 0;
            for (Future<Long> read : reads) {
                sum += read.get(60, TimeUnit.SECONDS);
            }
            return sum;
        }
    }

    private static long readAll(SpoolReader reader) throws IOException {
        ByteBuffer dst = ByteBuffer.allocateDirect(CHUNK);
        long total = 0;
        for (int n; (n = reader.read(dst.clear())) >= 0; ) {
            total += n;
        }
        return total;
    }
}
