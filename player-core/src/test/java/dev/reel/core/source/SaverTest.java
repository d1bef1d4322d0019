package dev.reel.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.testkit.Faults;
import dev.reel.testkit.RangeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Saver writes the whole resource atomically, whatever a player does, and nothing on failure. */
@Timeout(30)
class SaverTest {

    private static final byte[] DATA = SourceTesting.randomBytes(1 << 20, 11);

    @TempDir
    Path directory;

    @Test
    void savesEveryByteWhileAPlayerSeeksAround() throws Exception {
        try (RangeServer server = SourceTesting.serve(DATA, "\"s\"")) {
            server.setFaults(SourceTesting.PATH, Faults.NONE.withCutEvery(300_000));
            try (HttpSource source = HttpSource.open(server.url(SourceTesting.PATH),
                        SourceTesting.spool(directory.resolve("spool")), SourceTesting.FAST)) {
            source.seek(800_000);
            AtomicLong progress = new AtomicLong();
            Path target = directory.resolve("out.wav");
            Path saved = Saver.save(source, target, progress::set).get(20, TimeUnit.SECONDS);
            source.seek(100_000);
            assertThat(saved).isEqualTo(target.toAbsolutePath());
            assertThat(Files.readAllBytes(target)).isEqualTo(DATA);
            assertThat(progress.get()).isEqualTo(DATA.length);
            assertThat(filesIn(directory)).containsExactly("out.wav");
            }
        }
    }

    @Test
    void aFailureLeavesNoFileBehind() throws Exception {
        try (MockWebServer mock = new MockWebServer()) {
            mock.enqueue(new MockResponse().setResponseCode(404));
            try (HttpSource source = HttpSource.open(mock.url("/a.wav").toString(),
                    SourceTesting.spool(directory.resolve("spool")), SourceTesting.FAST)) {
                assertThatThrownBy(() -> Saver.save(source, directory.resolve("out.wav"), n -> { })
                        .get(20, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(SourceException.class).hasMessageContaining("HTTP 404");
            }
        }
        assertThat(filesIn(directory)).isEmpty();
    }

    @Test
    void cancellingDeletesTheTempFile() throws Exception {
        try (RangeServer server = SourceTesting.serve(DATA, null)) {
            server.setFaults(SourceTesting.PATH, Faults.NONE.withStall(100_000, Duration.ofSeconds(30)));
            try (HttpSource source = HttpSource.open(server.url(SourceTesting.PATH),
                        SourceTesting.spool(directory.resolve("spool")),
                        SourceTesting.FAST.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20)))) {
            CompletableFuture<Path> saving = Saver.save(source, directory.resolve("out.wav"), n -> { });
            assertThat(server.awaitBodyBytes(100_000, Duration.ofSeconds(10))).isTrue();
            assertThat(filesIn(directory)).hasSize(1).allMatch(name -> name.endsWith(".part"));
            assertThat(saving.cancel(true)).isTrue();
            assertThat(filesIn(directory)).isEmpty();
            }
        }
    }

    /** The regular files directly in {@code directory} (the spool has its own subdirectory). */
    private static List<String> filesIn(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
