package dev.reel.core.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A spool that reads a user's file in place ({@link SpoolBuffer#ofFile}). */
@Timeout(30)
class SpoolBufferFileTest {

    private static final long NO_WAIT = 0;

    @TempDir
    Path dir;

    private SpoolBuffer spool;

    @AfterEach
    void closeSpool() {
        if (spool != null) {
            spool.close();
        }
    }

    private byte[] data(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    private SpoolBuffer spoolOf(byte[] data) throws IOException {
        spool = SpoolBuffer.ofFile(Files.write(dir.resolve("a.wav"), data));
        return spool;
    }

    /** Reads {@code count} bytes at {@code position}; the file spool never waits. */
    private static byte[] read(SpoolBuffer s, long position, int count) throws IOException {
        ByteBuffer dst = ByteBuffer.allocate(count);
        while (dst.hasRemaining()) {
            assertThat(s.read(position + dst.position(), dst, NO_WAIT)).isPositive();
        }
        return dst.array();
    }

    @Test
    void holdsTheWholeFileAtOnceAndReadsItBack() throws IOException {
        byte[] data = data(300_000);
        SpoolBuffer s = spoolOf(data);
        assertThat(s.length()).hasValue(data.length);
        assertThat(s.presentRanges()).containsExactly(new ByteRange(0, data.length));
        assertThat(s.missingRanges()).isEmpty();
        assertThat(s.isReadOnly()).isTrue();
        assertThat(s.newReader().inputStream().readAllBytes()).isEqualTo(data);
        assertThat(read(s, 123_457, 70_000)).isEqualTo(Arrays.copyOfRange(data, 123_457, 193_457));
        assertThat(s.read(data.length, ByteBuffer.allocate(10), NO_WAIT)).isEqualTo(-1);
        assertThat(s.read(data.length + 5L, ByteBuffer.allocate(10), NO_WAIT)).isEqualTo(-1);
    }

    @Test
    void copiesNothingIntoMemoryOrATempFile() throws IOException {
        byte[] data = data(200_000);
        SpoolBuffer s = spoolOf(data);
        read(s, 0, data.length);
        assertThat(s.memoryBytes()).isZero();
        assertThat(s.spilled()).isFalse();
        assertThat(s.spillPath()).isEmpty();
        assertThat(s.storedBytes()).isEqualTo(data.length);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(dir.resolve("a.wav"));
        }
    }

    @Test
    void manyReadersReadTheFileIndependently() throws Exception {
        byte[] data = data(1 << 20);
        SpoolBuffer s = spoolOf(data);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                Random random = new Random(r);
                done.add(readers.submit(() -> {
                    try (SpoolReader reader = s.newReader()) {
                        for (int i = 0; i < 200; i++) {
                            int position = random.nextInt(data.length - 4096);
                            ByteBuffer dst = ByteBuffer.allocate(4096);
                            reader.position(position);
                            while (dst.hasRemaining()) {
                                reader.read(dst);
                            }
                            assertThat(dst.array())
                                    .isEqualTo(Arrays.copyOfRange(data, position, position + 4096));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> reader : done) {
                reader.get(20, TimeUnit.SECONDS);
            }
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void refusesWrites() throws IOException {
        SpoolBuffer s = spoolOf(data(1000));
        assertThatThrownBy(() -> s.write(0, ByteBuffer.allocate(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> s.setLength(2000)).isInstanceOf(IllegalStateException.class);
        s.setLength(1000);
        assertThat(Files.readAllBytes(dir.resolve("a.wav"))).isEqualTo(data(1000));
    }

    @Test
    void closingLeavesTheUsersFileInPlace() throws IOException {
        byte[] data = data(5000);
        SpoolBuffer s = spoolOf(data);
        read(s, 0, 100);
        s.close();
        assertThat(Files.readAllBytes(dir.resolve("a.wav"))).isEqualTo(data);
        assertThatThrownBy(() -> s.read(0, ByteBuffer.allocate(10), NO_WAIT))
                .isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void anEmptyFileIsAnEmptyResource() throws IOException {
        SpoolBuffer s = spoolOf(new byte[0]);
        assertThat(s.length()).hasValue(0);
        assertThat(s.read(0, ByteBuffer.allocate(10), NO_WAIT)).isEqualTo(-1);
    }

    @Test
    void aMissingFileFailsToOpen() {
        assertThatThrownBy(() -> SpoolBuffer.ofFile(dir.resolve("missing.wav")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aFileThatShrinksWhileOpenFailsClearlyWhereItsBytesAreGone() throws IOException {
        byte[] data = data(100_000);
        SpoolBuffer s = spoolOf(data);
        try (FileChannel ch = FileChannel.open(dir.resolve("a.wav"), StandardOpenOption.WRITE)) {
            ch.truncate(40_000);
        }
        assertThat(read(s, 0, 40_000)).isEqualTo(Arrays.copyOf(data, 40_000));
        ByteBuffer dst = ByteBuffer.allocate(1000);
        assertThatThrownBy(() -> s.read(39_500, dst, NO_WAIT))
                .isInstanceOf(FileShrankException.class)
                .hasMessage("file " + dir.resolve("a.wav") + " shrank while being read: byte 40000 is"
                        + " gone (it had 100000 bytes when opened, now 40000)");
        assertThat(dst.position()).isZero();
        assertThatThrownBy(() -> s.newReader(60_000).read(ByteBuffer.allocate(10)))
                .isInstanceOf(FileShrankException.class);
    }

    @Test
    void bytesAppendedAfterOpeningAreNotPartOfTheResource() throws IOException {
        byte[] data = data(1000);
        SpoolBuffer s = spoolOf(data);
        Files.write(dir.resolve("a.wav"), new byte[500], StandardOpenOption.APPEND);
        assertThat(s.length()).hasValue(1000);
        assertThat(s.newReader().inputStream().readAllBytes()).isEqualTo(data);
    }

    @Test
    void anInterruptedReaderDoesNotBreakTheOthers() throws IOException {
        byte[] data = data(100_000);
        SpoolBuffer s = spoolOf(data);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> s.read(0, ByteBuffer.allocate(1000), NO_WAIT))
                    .isInstanceOf(InterruptedIOException.class);
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(read(s, 5000, 1000)).isEqualTo(Arrays.copyOfRange(data, 5000, 6000));
    }

    @Test
    void aFileReplacedWhileOpenIsNotReopenedAfterAnInterrupt() throws IOException {
        SpoolBuffer s = spoolOf(data(100_000));
        Path other = Files.write(dir.resolve("b.wav"), data(100_001));
        Files.move(other, dir.resolve("a.wav"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> s.read(0, ByteBuffer.allocate(1000), NO_WAIT))
                    .isInstanceOf(IOException.class)
                    .hasMessage("file " + dir.resolve("a.wav") + " was replaced while being read");
        } finally {
            Thread.interrupted();
        }
    }
}
