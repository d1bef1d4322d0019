package dev.reel.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.testkit.Faults;
import dev.reel.testkit.RangeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Several readers seek at random while an HttpSource downloads from a server that drops every
 * connection after a random number of bytes: every byte read equals the resource, and closing
 * leaves no temp file.
 */
class HttpSourcePropertyTest {

    private static final byte[] DATA = SourceTesting.randomBytes(512 * 1024, 21);

    @Property(tries = 12)
    void readersSeekingAtRandomReadTheRightBytes(
            @ForAll @Size(min = 1, max = 3) List<@Size(min = 1, max = 8)
                    List<@IntRange(min = 0, max = 512 * 1024 - 1) Integer>> readers,
            @ForAll @IntRange(min = 20_000, max = 400_000) int cutAfter,
            @ForAll boolean ranges) throws Exception {
        Path spoolDirectory = Files.createTempDirectory("reel-property");
        ExecutorService pool = Executors.newFixedThreadPool(readers.size());
        try (RangeServer server = SourceTesting.serve(DATA, "\"p\"");
                HttpSource source = HttpSource.open(server.url(SourceTesting.PATH),
                        SourceTesting.spool(spoolDirectory), SourceTesting.FAST)) {
            server.setFaults(SourceTesting.PATH,
                    ranges ? Faults.NONE.withCutEvery(cutAfter) : Faults.NONE.withIgnoreRanges());
            source.setPlaying(true);
            source.start();
            List<Future<?>> done = new ArrayList<>();
            for (List<Integer> positions : readers) {
                done.add(pool.submit(() -> {
                    for (int position : positions) {
                        int count = Math.min(3000, DATA.length - position);
                        source.seek(position);
                        assertThat(SourceTesting.readExactly(source.spool(), position, count))
                                .isEqualTo(Arrays.copyOfRange(DATA, position, position + count));
                    }
                    return null;
                }));
            }
            for (Future<?> reader : done) {
                reader.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.walk(spoolDirectory)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        Files.delete(spoolDirectory);
    }
}
