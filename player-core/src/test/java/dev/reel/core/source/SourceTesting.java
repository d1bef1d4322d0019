package dev.reel.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.core.spool.SpoolBuffer;
import dev.reel.core.spool.SpoolConfig;
import dev.reel.core.spool.SpoolReader;
import dev.reel.testkit.Exchange;
import dev.reel.testkit.RangeServer;
import dev.reel.testkit.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Helpers shared by the source tests: test data, fast options, a server, waiting for a state. */
final class SourceTesting {

    /** Where {@link #serve} puts the resource. */
    static final String PATH = "/a.wav";

    /** Short timeouts and quick retries, so that faults heal (or fail) within a test's time. */
    static final HttpSourceOptions FAST = new HttpSourceOptions(Duration.ofSeconds(2),
            Duration.ofMillis(500), Duration.ofSeconds(1), 64 * 1024,
            new RetryPolicy(Duration.ofMillis(10), 2, Duration.ofMillis(100), 3), 0);

    private SourceTesting() {
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /**
     * A testkit range server on 127.0.0.1 serving {@code data} at {@link #PATH} as
     * {@code audio/wav}, with {@code etag} (null: none) and no Last-Modified.
     */
    static RangeServer serve(byte[] data, String etag) throws IOException {
        RangeServer server = RangeServer.start();
        server.add(Resource.of(PATH, data, "audio/wav").withoutValidators().withEtag(etag));
        return server;
    }

    /**
     * The first {@code count} requests {@code server} answered, in the order they arrived (its log
     * is in the order responses ended); waits until they are logged.
     */
    static List<Exchange> requests(RangeServer server, int count) throws InterruptedException {
        return server.awaitExchanges(count, Duration.ofSeconds(10)).stream()
                .sorted(Comparator.comparingLong(Exchange::startNanos)).toList();
    }

    /** The {@code Range} headers of {@link #requests} (null: none). */
    static List<String> rangeHeaders(RangeServer server, int count) throws InterruptedException {
        return requests(server, count).stream().map(e -> e.range().orElse(null)).toList();
    }

    /** A small memory tier, so that tests exercise the spill file too. */
    static SpoolBuffer spool(Path directory) {
        return new SpoolBuffer(new SpoolConfig(64 * 1024, directory, 0));
    }

    /** Reads from {@code position} to the end through a new reader. */
    static byte[] readFrom(SpoolBuffer spool, long position) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpoolReader reader = spool.newReader()) {
            reader.position(position);
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            while (reader.read(buffer.clear()) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
            }
        }
        return out.toByteArray();
    }

    /** Reads exactly {@code count} bytes at {@code position}. */
    static byte[] readExactly(SpoolBuffer spool, long position, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = spool.read(at, buffer, TimeUnit.SECONDS.toNanos(20));
            assertThat(n).as("bytes at %d", at).isPositive();
            at += n;
        }
        return buffer.array();
    }

    /** Waits (bounded) until {@code source} is in {@code state}. */
    static void awaitState(Source source, SourceState state) throws Exception {
        CompletableFuture<SourceState> reached = new CompletableFuture<>();
        source.addStateListener(s -> {
            if (s == state) {
                reached.complete(s);
            }
        });
        if (source.state() != state) {
            reached.get(20, TimeUnit.SECONDS);
        }
    }
}
