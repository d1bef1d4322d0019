package dev.reel.bench.spool;

import dev.reel.core.spool.SpoolBuffer;
import dev.reel.core.spool.SpoolConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Random 64 KiB reads (at any byte offset) of a fully spooled 256 MiB resource, as seeks do. One
 * operation is one 64 KiB read, so MB/s = ops/s × 0.0655. {@link Baseline} does the same reads
 * straight from a {@link FileChannel}, to show what the spool adds to the file tier.
 */
@State(Scope.Benchmark)
public class SpoolRandomReadBenchmark {

    static final int CHUNK = 64 * 1024;
    static final long SIZE = 256L << 20;

    @Param({"memory", "file"})
    public String tier;

    private SpoolBuffer spool;
    private final SplittableRandom random = new SplittableRandom(42);
    private final ByteBuffer dst = ByteBuffer.allocateDirect(CHUNK);

    @Setup(Level.Trial)
    public void fill() throws IOException {
        spool = new SpoolBuffer(SpoolConfig.defaults().withMemoryLimit("memory".equals(tier) ? 2 * SIZE : 0));
        spool.setLength(SIZE);
        writeResource(spool::write);
    }

    /** Where {@link #writeResource} puts the resource. */
    interface Sink {
        void write(long position, ByteBuffer chunk) throws IOException;
    }

    /** Writes the whole resource in 64 KiB chunks. */
    static void writeResource(Sink sink) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
        for (long p = 0; p < SIZE; p += CHUNK) {
            sink.write(p, chunk.clear());
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        spool.close();
    }

    @Benchmark
    public int randomRead() throws IOException {
        long position = random.nextLong(SIZE - CHUNK);
        return spool.read(position, dst.clear(), Long.MAX_VALUE);
    }

    /** The same random reads from a plain file with positional FileChannel reads, no spool. */
    @State(Scope.Benchmark)
    public static class Baseline {
        private Path file;
        private FileChannel channel;
        private final SplittableRandom random = new SplittableRandom(42);
        private final ByteBuffer dst = ByteBuffer.allocateDirect(CHUNK);

        @Setup(Level.Trial)
        public void fill() throws IOException {
            file = Files.createTempFile("spool-baseline", ".tmp");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            writeResource((position, chunk) -> channel.write(chunk, position));
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            channel.close();
            Files.delete(file);
        }
    }

    @Benchmark
    public int plainFileChannelRead(Baseline baseline) throws IOException {
        long position = baseline.random.nextLong(SIZE - CHUNK);
        return baseline.channel.read(baseline.dst.clear(), position);
    }
}
