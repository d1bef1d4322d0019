package dev.reel.core.source;

import static dev.reel.core.source.SourceTesting.readFrom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.core.spool.ByteRange;
import dev.reel.core.spool.SpoolBuffer;
import dev.reel.core.spool.SpoolCache;
import dev.reel.core.spool.SpoolConfig;
import dev.reel.testkit.EventLog;
import dev.reel.testkit.Exchange;
import dev.reel.testkit.Faults;
import dev.reel.testkit.RangeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sources.open picks the right source, shares downloads and reports bad locations in one line. */
@Timeout(30)
class SourcesTest {

    private static final byte[] DATA = SourceTesting.randomBytes(300_000, 3);

    @TempDir
    Path directory;

    private SpoolCache cache;

    private SpoolCache cache() {
        cache = new SpoolCache(new SpoolConfig(64 * 1024, directory.resolve("spool"), 0), 1L << 30,
                Duration.ofMinutes(1));
        return cache;
    }

    /** A server that sends {@code data} at 400 kB/s: slow enough to stop its download midway. */
    private static RangeServer slowServer(byte[] data) throws IOException {
        RangeServer server = SourceTesting.serve(data, null);
        server.setFaults(SourceTesting.PATH, Faults.NONE.withBandwidth(400_000));
        return server;
    }

    @AfterEach
    void closeCache() {
        if (cache != null) {
            cache.close();
        }
    }

    @Test
    void aDownloadNobodyHoldsRestsAndGoesOnWhereItStopped() throws Exception {
        byte[] data = SourceTesting.randomBytes(2_000_000, 5);
        try (RangeServer server = slowServer(data)) {
            SpoolCache spools = cache();
            try (Source first = Sources.open(server.url(SourceTesting.PATH), spools)) {
                first.start();
                assertThat(server.awaitBodyBytes(100_000, Duration.ofSeconds(10))).isTrue();
            }
            List<Exchange> stopped = server.awaitExchanges(1, Duration.ofSeconds(10));
            assertThat(stopped.get(0).complete()).isFalse();
            assertThat(server.awaitLog(log -> log.size() > 1, Duration.ofMillis(500)))
                    .as("a request while nobody holds the download").isFalse();
            assertThat(server.active()).isEmpty();
            assertThat(spools.contains(server.url(SourceTesting.PATH))).isTrue();

            server.setFaults(SourceTesting.PATH, Faults.NONE);
            try (Source again = Sources.open(server.url(SourceTesting.PATH), spools)) {
                again.start();
                assertThat(readFrom(again.spool(), 0)).isEqualTo(data);
            }
            List<Exchange> log = server.awaitExchanges(2, Duration.ofSeconds(10));
            assertThat(log).hasSize(2);
            long resumedAt = Long.parseLong(log.get(1).range().orElseThrow().replaceAll("bytes=(\\d+)-.*", "$1"));
            assertThat(resumedAt).isPositive().isLessThanOrEqualTo(stopped.get(0).bodyBytes());
            assertThat(log.get(1).bodyStart()).isEqualTo(resumedAt);
        }
    }

    @Test
    void aDownloadNobodyHoldsReportsThatItRestsAndConnectsAgainWhenHeld() throws Exception {
        byte[] data = SourceTesting.randomBytes(2_000_000, 7);
        try (RangeServer server = slowServer(data)) {
            SpoolCache spools = cache();
            String url = server.url(SourceTesting.PATH);
            SpoolCache.Lease<HttpSource> lease = spools.acquire(url,
                    spool -> new HttpSource(HttpUrl.get(url), spool, SourceTesting.FAST));
            HttpSource download = lease.owner();
            EventLog<SourceState> states = new EventLog<>();
            download.addStateListener(states);
            download.start();
            SourceTesting.awaitState(download, SourceState.TRANSFERRING);

            lease.close();
            SourceTesting.awaitState(download, SourceState.RESTING);
            assertThat(server.awaitExchanges(1, Duration.ofSeconds(10)).get(0).complete()).isFalse();
            assertThat(server.active()).as("nothing transfers").isEmpty();
            assertThat(download.state()).isEqualTo(SourceState.RESTING);

            server.setFaults(SourceTesting.PATH, Faults.NONE);
            try (SpoolCache.Lease<HttpSource> again = spools.acquire(url, spool -> {
                throw new AssertionError("the cached download is shared");
            })) {
                SourceTesting.awaitState(again.owner(), SourceState.COMPLETE);
            }
            assertThat(states.all()).containsExactly(SourceState.TRANSFERRING, SourceState.RESTING,
                    SourceState.CONNECTING, SourceState.TRANSFERRING, SourceState.COMPLETE);
            assertThat(readFrom(download.spool(), 0)).isEqualTo(data);
        }
    }

    @Test
    void aDownloadWithoutRangesGoesOnToTheEndWhenNobodyHoldsIt() throws Exception {
        byte[] data = SourceTesting.randomBytes(600_000, 6);
        try (RangeServer server = SourceTesting.serve(data, null)) {
            server.setFaults(SourceTesting.PATH, Faults.NONE.withIgnoreRanges().withBandwidth(400_000));
            SpoolCache spools = cache();
            SpoolBuffer spool;
            try (Source source = Sources.open(server.url(SourceTesting.PATH), spools)) {
                source.start();
                source.info().get(10, TimeUnit.SECONDS);
                spool = source.spool();
                // The range request this seek makes is answered from byte 0: the download is sequential.
                source.seek(data.length / 2);
                long first = server.awaitExchanges(1, Duration.ofSeconds(10)).get(0).bodyBytes();
                assertThat(server.awaitBodyBytes(first + 100_000, Duration.ofSeconds(10))).isTrue();
            }
            List<Exchange> log = server.awaitExchanges(2, Duration.ofSeconds(10));
            assertThat(log.get(1).range()).isPresent();
            assertThat(log.get(1).complete()).isTrue();
            assertThat(log.get(1).bodyBytes()).isEqualTo(data.length);
            assertThat(server.awaitLog(l -> l.size() > 2, Duration.ofMillis(300))).isFalse();
            assertThat(spool.presentRanges()).containsExactly(new ByteRange(0, data.length));
        }
    }

    @Test
    void aClosedShareHearsNoMoreOfTheSharedDownload() throws Exception {
        try (RangeServer server = SourceTesting.serve(DATA, null)) {
            SpoolCache spools = cache();
            try (Source kept = Sources.open(server.url(SourceTesting.PATH), spools)) {
                List<SourceState> heardByClosed = new CopyOnWriteArrayList<>();
                try (Source closed = Sources.open(server.url(SourceTesting.PATH), spools)) {
                    closed.addStateListener(heardByClosed::add);
                }
                kept.start();
                SourceTesting.awaitState(kept, SourceState.COMPLETE);
                assertThat(heardByClosed).isEmpty();
            }
        }
    }

    @Test
    void opensAUrlAndSharesItsDownload() throws Exception {
        try (RangeServer server = SourceTesting.serve(DATA, null)) {
            SpoolCache spools = cache();
            try (Source first = Sources.open(server.url(SourceTesting.PATH), spools);
                    Source second = Sources.open(server.url(SourceTesting.PATH), spools)) {
                assertThat(first).isInstanceOf(Source.class);
                assertThat(second.spool()).isSameAs(first.spool());
                first.start();
                second.start();
                assertThat(readFrom(second.spool(), 0)).isEqualTo(DATA);
            }
            assertThat(SourceTesting.requests(server, 1)).hasSize(1);
            assertThat(server.log()).hasSize(1);
            assertThat(server.active()).isEmpty();
        }
    }

    @Test
    void opensPathsAndFileUrls() throws Exception {
        Path file = Files.write(directory.resolve("a b.wav"), DATA);
        SpoolCache spools = cache();
        for (String location : new String[] {file.toString(), file.toUri().toString()}) {
            try (Source source = Sources.open(location, spools)) {
                source.start();
                assertThat(readFrom(source.spool(), 0)).as(location).isEqualTo(DATA);
            }
        }
    }

    @Test
    void rejectsOtherSchemes() {
        assertThatThrownBy(() -> Sources.open("ftp://example.org/a.wav", cache()))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("unsupported scheme ftp");
    }

    @Test
    void missingFilesAndDirectoriesFailInOneLine() {
        SpoolCache spools = cache();
        assertThatThrownBy(() -> Sources.open(directory.resolve("none.wav").toString(), spools))
                .isInstanceOf(SourceException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> Sources.open(directory.toString(), spools))
                .isInstanceOf(SourceException.class).hasMessageContaining("directory");
    }
}
