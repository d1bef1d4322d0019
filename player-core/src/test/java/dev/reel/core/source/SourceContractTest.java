package dev.reel.core.source;

import static dev.reel.core.source.SourceTesting.awaitState;
import static dev.reel.core.source.SourceTesting.readExactly;
import static dev.reel.core.source.SourceTesting.readFrom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.core.spool.ByteRange;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * What every {@link Source} promises, whatever it reads from; subclasses say how to open one
 * over given bytes.
 */
@Timeout(30)
abstract class SourceContractTest {

    static final byte[] DATA = SourceTesting.randomBytes(1 << 20, 42);

    @TempDir
    Path spoolDirectory;

    private Source source;

    /** A new, unstarted source over {@link #DATA} whose spool lives in {@code spoolDirectory}. */
    abstract Source open(Path spoolDirectory) throws Exception;

    private Source started() throws Exception {
        source = open(spoolDirectory);
        source.start();
        return source;
    }

    @AfterEach
    void closeSource() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void deliversEveryByteOfTheResource() throws Exception {
        Source s = started();
        assertThat(readFrom(s.spool(), 0)).isEqualTo(DATA);
        assertThat(s.info().get(5, TimeUnit.SECONDS).length()).hasValue(DATA.length);
    }

    @Test
    void readingAtTheLengthReadsNothing() throws Exception {
        Source s = started();
        s.seek(DATA.length);
        assertThat(s.spool().read(DATA.length, ByteBuffer.allocate(10), TimeUnit.SECONDS.toNanos(10)))
                .isEqualTo(-1);
    }

    @Test
    void readingPastTheEndReadsNothing() throws Exception {
        Source s = started();
        s.seek(DATA.length + 1000L);
        assertThat(s.spool().read(DATA.length + 1000L, ByteBuffer.allocate(10),
                TimeUnit.SECONDS.toNanos(10))).isEqualTo(-1);
    }

    @Test
    void aSeekDeliversTheBytesThereAndThenTheRest() throws Exception {
        Source s = open(spoolDirectory);
        source = s;
        int middle = DATA.length / 2 + 12345;
        s.seek(middle);
        s.start();
        assertThat(readFrom(s.spool(), middle)).isEqualTo(Arrays.copyOfRange(DATA, middle, DATA.length));
        awaitState(s, SourceState.COMPLETE);
        assertThat(s.spool().presentRanges()).containsExactly(new ByteRange(0, DATA.length));
        assertThat(readFrom(s.spool(), 0)).isEqualTo(DATA);
    }

    @Test
    void randomSeeksReadTheRightBytes() throws Exception {
        Source s = started();
        Random random = new Random(7);
        for (int i = 0; i < 25; i++) {
            int position = random.nextInt(DATA.length - 4096);
            s.seek(position);
            assertThat(readExactly(s.spool(), position, 4096))
                    .as("4 KiB at %d", position)
                    .isEqualTo(Arrays.copyOfRange(DATA, position, position + 4096));
        }
        awaitState(s, SourceState.COMPLETE);
        assertThat(readFrom(s.spool(), 0)).isEqualTo(DATA);
    }

    @Test
    void concurrentReadersWithRandomSeeksReadTheRightBytes() throws Exception {
        Source s = started();
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                Random random = new Random(r);
                done.add(readers.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        int position = random.nextInt(DATA.length - 2048);
                        s.seek(position);
                        assertThat(readExactly(s.spool(), position, 2048))
                                .isEqualTo(Arrays.copyOfRange(DATA, position, position + 2048));
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
    void describesTheResource() throws Exception {
        SourceInfo info = started().info().get(5, TimeUnit.SECONDS);
        assertThat(info.length()).hasValue(DATA.length);
        assertThat(info.live()).isFalse();
        assertThat(info.location()).isNotBlank();
    }

    @Test
    void closingLeavesNoTempFiles() throws Exception {
        Source s = started();
        readFrom(s.spool(), 0);
        s.close();
        source = null;
        try (Stream<Path> files = Files.walk(spoolDirectory)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).isEmpty();
        }
    }

    @Test
    void countsWhatItFetched() throws Exception {
        Source s = started();
        awaitState(s, SourceState.COMPLETE);
        assertThat(s.stats().bytesFetched()).isGreaterThanOrEqualTo(DATA.length);
        assertThat(s.stats().requests()).isPositive();
    }
}
