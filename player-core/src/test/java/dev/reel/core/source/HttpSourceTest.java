package dev.reel.core.source;

import static dev.reel.core.source.SourceTesting.FAST;
import static dev.reel.core.source.SourceTesting.PATH;
import static dev.reel.core.source.SourceTesting.rangeHeaders;
import static dev.reel.core.source.SourceTesting.requests;
import static dev.reel.core.source.SourceTesting.awaitState;
import static dev.reel.core.source.SourceTesting.readExactly;
import static dev.reel.core.source.SourceTesting.readFrom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.core.spool.ByteRange;
import dev.reel.core.spool.SpoolBuffer;
import dev.reel.testkit.Content;
import dev.reel.testkit.Exchange;
import dev.reel.testkit.Faults;
import dev.reel.testkit.RangeServer;
import dev.reel.testkit.Resource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HttpSource against real servers on 127.0.0.1: ranges, resumption, validators, errors. */
@Timeout(30)
class HttpSourceTest {

    private static final byte[] DATA = SourceTesting.randomBytes(1 << 20, 99);
    /** 16 KiB per 50 ms: slow enough that a test seeks while the transfer runs. */
    private static final long SLOW = 16 * 1024 * 20;

    @TempDir
    Path spoolDirectory;

    private final MockWebServer mock = new MockWebServer();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void startMock() throws Exception {
        mock.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        mock.shutdown();
    }

    private HttpSource source(String url) throws SourceException {
        HttpSource source = HttpSource.open(url, SourceTesting.spool(spoolDirectory), FAST);
        toClose.add(0, source);
        return source;
    }

    /** A testkit range server with {@link #DATA} at {@link SourceTesting#PATH}, closed after the test. */
    private RangeServer server(String etag) throws IOException {
        RangeServer server = SourceTesting.serve(DATA, etag);
        toClose.add(server);
        return server;
    }

    private List<RecordedRequest> takeAll() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest request;
        while ((request = mock.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            requests.add(request);
        }
        return requests;
    }

    private static void assertFailure(HttpSource source, String... parts) throws Exception {
        assertThatThrownBy(() -> source.info().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SourceException.class)
                .message().contains(parts).doesNotContain("\n");
        assertThatThrownBy(() -> source.spool().read(0, ByteBuffer.allocate(1),
                TimeUnit.SECONDS.toNanos(10)))
                .isInstanceOf(SourceException.class);
        assertThat(source.state()).isEqualTo(SourceState.FAILED);
    }

    /**
     * Starts a download whose first response is slow, seeks to {@code target} while it runs,
     * checks every byte; later responses misbehave only as {@code faults} say.
     */
    private void seekWhileDownloading(RangeServer server, Faults faults, int target) throws Exception {
        server.setFaults(PATH, faults.withBandwidth(SLOW));
        HttpSource source = source(server.url(PATH));
        source.start();
        readExactly(source.spool(), 0, 1000);
        server.setFaults(PATH, faults);
        source.seek(target);
        assertThat(readExactly(source.spool(), target, 5000))
                .isEqualTo(Arrays.copyOfRange(DATA, target, target + 5000));
        awaitState(source, SourceState.COMPLETE);
        assertThat(readFrom(source.spool(), 0)).isEqualTo(DATA);
    }

    @Test
    void aSeekJustAheadOfTheTransferWaitsForIt() throws Exception {
        RangeServer server = server("\"v1\"");
        server.setFaults(PATH, Faults.NONE.withBandwidth(SLOW));
        HttpSource source = source(server.url(PATH));
        source.start();
        readExactly(source.spool(), 0, 1000);
        long target = source.spool().contiguousFrom(0) + 100;
        source.seek(target);
        assertThat(readExactly(source.spool(), target, 1000))
                .isEqualTo(Arrays.copyOfRange(DATA, (int) target, (int) target + 1000));
        awaitState(source, SourceState.COMPLETE);
        assertThat(requests(server, 1)).hasSize(1);
        assertThat(server.active()).isEmpty();
    }

    /**
     * Seeks to the first byte the transfer has not written yet, from the download thread right
     * after each write (before the transfer advances its own position) and from the test thread as
     * fast as it can, until the download completes: each target is the transfer's next byte, so
     * none may cost a cancel and a new request.
     */
    @Test
    void seeksToTheDownloadEdgeNeverRestartTheTransfer() throws Exception {
        RangeServer server = server("\"v1\"");
        server.setFaults(PATH, Faults.NONE.withBandwidth(SLOW));
        HttpSource source = source(server.url(PATH));
        SpoolBuffer spool = source.spool();
        spool.addChangeListener(() -> source.seek(spool.contiguousFrom(0)));
        source.start();
        readExactly(spool, 0, 1);
        int seeks = 0;
        while (source.state() != SourceState.COMPLETE && source.state() != SourceState.FAILED) {
            source.seek(spool.contiguousFrom(0));
            seeks++;
        }
        assertThat(seeks).isPositive();
        assertThat(readFrom(spool, 0)).isEqualTo(DATA);
        assertThat(source.stats().requests()).isEqualTo(1);
        assertThat(server.awaitExchanges(1, Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    void firstRequestIsAPlainGetAskingForIdentity() throws Exception {
        RangeServer server = server("\"v1\"");
        HttpSource source = source(server.url(PATH));
        source.start();
        SourceInfo info = source.info().get(10, TimeUnit.SECONDS);
        assertThat(info.length()).hasValue(DATA.length);
        assertThat(info.contentType()).hasValue("audio/wav");
        assertThat(info.rangeRequests()).isTrue();
        Exchange first = requests(server, 1).get(0);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.header("Accept-Encoding")).hasValue("identity");
        assertThat(first.range()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
        "\"v1\", none, \"v1\"",
        "\"v1\", 2026-11-24T00:00:00Z, \"v1\"",
        "W/\"v1\", 2026-11-24T00:00:00Z, 'Tue, 24 Nov 2026 00:00:00 GMT'",
        "none, 2026-11-24T00:00:00Z, 'Tue, 24 Nov 2026 00:00:00 GMT'",
        "W/\"v1\", none, none"})
    void aSeekPastTheDownloadIssuesOneRangeRequestAtThatByte(String etag, String modified,
            String expectedIfRange) throws Exception {
        RangeServer server = server(etag);
        server.add(Resource.of(PATH, DATA, "audio/wav").withoutValidators().withEtag(etag)
                .withLastModified(modified == null ? null : Instant.parse(modified)));
        int target = DATA.length * 3 / 4 + 17;
        seekWhileDownloading(server, Faults.NONE, target);

        List<Exchange> requests = requests(server, 3);
        assertThat(requests.get(0).range()).isEmpty();
        List<Exchange> atTarget = requests.stream()
                .filter(r -> r.range().equals(Optional.of("bytes=" + target + "-"))).toList();
        assertThat(atTarget).hasSize(1);
        assertThat(atTarget.get(0).ifRange().orElse(null)).isEqualTo(expectedIfRange);
        assertThat(requests.get(1)).isSameAs(atTarget.get(0));
    }

    @Test
    void aSeekBeforeStartFetchesThereFirstThenFillsTheHole() throws Exception {
        RangeServer server = server("\"v1\"");
        HttpSource source = source(server.url(PATH));
        int target = 700_001;
        source.seek(target);
        source.start();
        awaitState(source, SourceState.COMPLETE);
        assertThat(readFrom(source.spool(), 0)).isEqualTo(DATA);
        assertThat(rangeHeaders(server, 2)).containsExactly("bytes=700001-", null);
        assertThat(source.stats().requests()).isEqualTo(2);
        assertThat(source.stats().bytesFetched()).isLessThan(DATA.length + 2L * 64 * 1024);
    }

    @Test
    void dropsResumeFromTheFirstMissingByte() throws Exception {
        RangeServer server = server("\"v1\"");
        server.setFaults(PATH, Faults.NONE.withCutEvery(100_000));
        HttpSource source = source(server.url(PATH));
        List<SourceState> states = new CopyOnWriteArrayList<>();
        source.addStateListener(states::add);
        source.setPlaying(true);
        source.start();
        assertThat(readFrom(source.spool(), 0)).isEqualTo(DATA);
        List<String> ranges = rangeHeaders(server, 4);
        assertThat(ranges.get(0)).isNull();
        assertThat(ranges.subList(1, ranges.size()))
                .startsWith("bytes=100000-", "bytes=200000-", "bytes=300000-");
        assertThat(states).contains(SourceState.RECONNECTING);
    }

    /**
     * 20 cuts with the default policy: each resumes after the initial 250 ms, about 5 s in all;
     * a backoff that kept growing (250 ms doubling to the 5 s cap) would need over 80 s, and
     * nobody playing, it would give up after 6 attempts.
     */
    @Test
    void aTransferThatProgressedBeforeItBrokeIsRetriedWithoutGrowingDelay() throws Exception {
        int cut = 64 * 1024;
        byte[] data = SourceTesting.randomBytes(20 * cut + 1000, 7);
        RangeServer server = SourceTesting.serve(data, "\"v1\"");
        toClose.add(server);
        server.setFaults(PATH, Faults.NONE.withCutEvery(cut));
        HttpSource source = HttpSource.open(server.url(PATH), SourceTesting.spool(spoolDirectory),
                FAST.withRetry(RetryPolicy.DEFAULT));
        toClose.add(0, source);
        source.start();
        awaitState(source, SourceState.COMPLETE);
        assertThat(readFrom(source.spool(), 0)).isEqualTo(data);
        assertThat(source.stats().requests()).isEqualTo(21);
        assertThat(rangeHeaders(server, 21).get(20)).isEqualTo("bytes=" + 20 * cut + "-");
    }

    @Test
    void aProbeFetchesItsBytesThenWaitsForTheSeekAndGoesOnFromThere() throws Exception {
        RangeServer server = server("\"v1\"");
        HttpSource source = HttpSource.open(server.url(PATH), SourceTesting.spool(spoolDirectory),
                FAST.withFirstRequestLimit(65536));
        toClose.add(0, source);
        List<SourceState> states = new CopyOnWriteArrayList<>();
        source.addStateListener(states::add);
        source.start();
        SourceInfo info = source.info().get(10, TimeUnit.SECONDS);
        assertThat(info.length()).hasValue(DATA.length);
        assertThat(info.rangeRequests()).isTrue();
        readExactly(source.spool(), 0, 65536);
        assertThat(requests(server, 1)).singleElement()
                .satisfies(e -> assertThat(e.range()).hasValue("bytes=0-65535"));
        awaitState(source, SourceState.RESTING);
        int target = 700_001;
        source.seek(target);
        awaitState(source, SourceState.COMPLETE);
        assertThat(states).containsExactly(SourceState.TRANSFERRING, SourceState.RESTING,
                SourceState.CONNECTING, SourceState.TRANSFERRING, SourceState.COMPLETE);
        assertThat(readFrom(source.spool(), 0)).isEqualTo(DATA);
        List<Exchange> requests = requests(server, 3);
        assertThat(requests).extracting(e -> e.range().orElse(null))
                .containsExactly("bytes=0-65535", "bytes=700001-", "bytes=65536-");
        assertThat(requests.get(1).ifRange()).hasValue("\"v1\"");
    }

    @Test
    void aSeekIntoTheProbeGoesOnFromWhereTheProbeEnded() throws Exception {
        RangeServer server = server("\"v1\"");
        HttpSource source = HttpSource.open(server.url(PATH), SourceTesting.spool(spoolDirectory),
                FAST.withFirstRequestLimit(65536));
        toClose.add(0, source);
        source.start();
        readExactly(source.spool(), 0, 65536);
        source.seek(44);
        awaitState(source, SourceState.COMPLETE);
        assertThat(readFrom(source.spool(), 0)).isEqualTo(DATA);
        assertThat(rangeHeaders(server, 2)).containsExactly("bytes=0-65535", "bytes=65536-");
    }

    @Test
    void aProbeAnsweredWithTheWholeBodyIsReadSequentially() throws Exception {
        RangeServer server = server("\"v1\"");
        server.setFaults(PATH, Faults.NONE.withAdvertiseRangesButSendAll());
        HttpSource source = HttpSource.open(server.url(PATH), SourceTesting.spool(spoolDirectory),
                FAST.withFirstRequestLimit(65536));
        toClose.add(0, source);
        source.start();
        assertThat(source.info().get(10, TimeUnit.SECONDS).rangeRequests()).isFalse();
        source.seek(700_001);
        awaitState(source, SourceState.COMPLETE);
        assertThat(readFrom(source.spool(), 0)).isEqualTo(DATA);
        assertThat(requests(server, 1)).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(200));
        assertThat(source.stats().requests()).isEqualTo(1);
    }

    @Test
    void aProbeOfAnEmptyResourceEndsAtOnce() throws Exception {
        RangeServer server = SourceTesting.serve(new byte[0], "\"v1\"");
        toClose.add(server);
        HttpSource source = HttpSource.open(server.url(PATH), SourceTesting.spool(spoolDirectory),
                FAST.withFirstRequestLimit(65536));
        toClose.add(0, source);
        source.start();
        assertThat(source.info().get(10, TimeUnit.SECONDS).length()).hasValue(0);
        awaitState(source, SourceState.COMPLETE);
        assertThat(readFrom(source.spool(), 0)).isEmpty();
    }

    @Test
    void dropsFromAServerWithoutRangesRestartFromTheStart() throws Exception {
        mock.enqueue(new MockResponse().setBody(new Buffer().write(DATA))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        mock.enqueue(new MockResponse().setBody(new Buffer().write(DATA)));
        HttpSource source = source(mock.url("/a.wav").toString());
        source.start();
        assertThat(readFrom(source.spool(), 0)).isEqualTo(DATA);
        List<RecordedRequest> requests = takeAll();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader("Range")).matches("bytes=\\d+-");
    }

    @Test
    void aStalledTransferTimesOutAndResumes() throws Exception {
        RangeServer server = server("\"v1\"");
        server.setFaults(PATH, Faults.NONE.withStall(200_000, Duration.ofSeconds(1)));
        HttpSource source = source(server.url(PATH));
        source.start();
        assertThat(readFrom(source.spool(), 0)).isEqualTo(DATA);
        assertThat(rangeHeaders(server, 2)).containsExactly(null, "bytes=200000-");
    }

    @Test
    void aServerSilentPastTheReadTimeoutBeforeItsResponseFailsTheOpen() throws Exception {
        RangeServer server = server("\"v1\"");
        server.setFaults(PATH, Faults.NONE.withLatency(Duration.ofSeconds(3)));
        HttpSource source = source(server.url(PATH));
        source.start();
        assertThatThrownBy(() -> readFrom(source.spool(), 0))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("timed out")
                .hasMessageContaining(server.url(PATH));
        awaitState(source, SourceState.FAILED);
    }

    @Test
    void aChangedFileFailsInsteadOfMixingVersions() throws Exception {
        RangeServer server = server("\"v1\"");
        server.setFaults(PATH, Faults.NONE.withCutEvery(200_000)
                .withChangeAfter(1, Content.of(SourceTesting.randomBytes(DATA.length, 5))));
        HttpSource source = source(server.url(PATH));
        source.start();
        assertThatThrownBy(() -> readFrom(source.spool(), 0))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("changed")
                .hasMessageContaining("\"v1\"")
                .hasMessageContaining(server.url(PATH));
        assertThat(readExactly(source.spool(), 0, 200_000))
                .isEqualTo(Arrays.copyOfRange(DATA, 0, 200_000));
        awaitState(source, SourceState.FAILED);
    }

    @Test
    void aServerThatIgnoresRangesIsReadSequentially() throws Exception {
        RangeServer server = server(null);
        seekWhileDownloading(server, Faults.NONE.withIgnoreRanges(), DATA.length / 2 + 3);
        assertThat(requests(server, 1).stream().filter(r -> r.range().isPresent()))
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aWrongContentRangeIsNeverWrittenAtTheWrongOffset() throws Exception {
        int asked = 500_000;
        int given = 400_000;
        mock.enqueue(new MockResponse().setResponseCode(206)
                .setHeader("Content-Range", "bytes " + given + "-" + (DATA.length - 1) + "/" + DATA.length)
                .setBody(new Buffer().write(Arrays.copyOfRange(DATA, given, DATA.length))));
        mock.enqueue(new MockResponse().setBody(new Buffer().write(DATA)));
        HttpSource source = source(mock.url("/a.wav").toString());
        source.seek(asked);
        source.start();
        assertThat(readFrom(source.spool(), asked)).isEqualTo(Arrays.copyOfRange(DATA, asked, DATA.length));
        awaitState(source, SourceState.COMPLETE);
        assertThat(readFrom(source.spool(), 0)).isEqualTo(DATA);
        List<RecordedRequest> requests = takeAll();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader("Range")).isNull();
    }

    @Test
    void aWrongContentRangeDuringADownloadFallsBackToOneSequentialDownload() throws Exception {
        RangeServer server = server("\"v1\"");
        seekWhileDownloading(server, Faults.NONE.withRangeShift(-4000), DATA.length / 2 + 3);
        assertThat(server.log()).as("no storm of restarted downloads").hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void aRangeWithAnotherTotalLengthIsAChangedFile() throws Exception {
        mock.enqueue(new MockResponse().setBody(new Buffer().write(DATA)).throttleBody(16 * 1024, 50,
                TimeUnit.MILLISECONDS).setHeader("ETag", "\"v1\""));
        mock.enqueue(new MockResponse().setResponseCode(206).setHeader("ETag", "\"v1\"")
                .setHeader("Content-Range", "bytes 900000-999999/1000000")
                .setBody(new Buffer().write(new byte[100_000])));
        HttpSource source = source(mock.url("/a.wav").toString());
        source.start();
        readExactly(source.spool(), 0, 1000);
        source.seek(900_000);
        assertThatThrownBy(() -> readExactly(source.spool(), 900_000, 10))
                .isInstanceOf(SourceException.class).hasMessageContaining("length " + DATA.length);
    }

    @Test
    void aRangeWithAnotherETagIsAChangedFile() throws Exception {
        mock.enqueue(new MockResponse().setBody(new Buffer().write(DATA)).throttleBody(16 * 1024, 50,
                TimeUnit.MILLISECONDS).setHeader("ETag", "\"v1\""));
        mock.enqueue(new MockResponse().setResponseCode(206).setHeader("ETag", "\"v2\"")
                .setHeader("Content-Range", "bytes 900000-" + (DATA.length - 1) + "/" + DATA.length)
                .setBody(new Buffer().write(Arrays.copyOfRange(DATA, 900_000, DATA.length))));
        HttpSource source = source(mock.url("/a.wav").toString());
        source.start();
        readExactly(source.spool(), 0, 1000);
        source.seek(900_000);
        assertThatThrownBy(() -> readExactly(source.spool(), 900_000, 10))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("ETag \"v1\" became \"v2\"");
        assertThat(source.spool().contiguousFrom(900_000)).isZero();
    }

    @ParameterizedTest
    @CsvSource({"404, HTTP 404", "410, HTTP 410", "500, HTTP 500", "503, HTTP 503"})
    void httpErrorsFailWithOneLine(int code, String expected) throws Exception {
        mock.enqueue(new MockResponse().setResponseCode(code).setBody("nope"));
        HttpSource source = source(mock.url("/a.wav").toString());
        source.start();
        assertFailure(source, expected, mock.url("/a.wav").toString());
    }

    @Test
    void a416BeforeTheEndIsAnError() throws Exception {
        mock.enqueue(new MockResponse().setResponseCode(416).setHeader("Content-Range", "bytes */1000"));
        HttpSource source = source(mock.url("/a.wav").toString());
        source.seek(100);
        source.start();
        assertFailure(source, "416");
    }

    @Test
    void a416AtTheLengthIsTheEnd() throws Exception {
        RangeServer server = server(null);
        HttpSource source = source(server.url(PATH));
        source.seek(DATA.length);
        source.start();
        assertThat(source.spool().read(DATA.length, ByteBuffer.allocate(1), TimeUnit.SECONDS.toNanos(10)))
                .isEqualTo(-1);
        assertThat(source.info().get(10, TimeUnit.SECONDS).length()).hasValue(DATA.length);
        awaitState(source, SourceState.COMPLETE);
        assertThat(readFrom(source.spool(), 0)).isEqualTo(DATA);
    }

    @Test
    void aRedirectToAFileIsAnError() throws Exception {
        mock.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "file:///etc/passwd"));
        HttpSource source = source(mock.url("/a.wav").toString());
        source.start();
        assertFailure(source, "redirect", "file:///etc/passwd");
    }

    @Test
    void httpRedirectsAreFollowed() throws Exception {
        mock.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/b.wav"));
        mock.enqueue(new MockResponse().setBody(new Buffer().write(DATA)));
        HttpSource source = source(mock.url("/a.wav").toString());
        source.start();
        assertThat(readFrom(source.spool(), 0)).isEqualTo(DATA);
    }

    @Test
    void anHttpsUrlSpeaksTls() throws Exception {
        try (ServerSocket plain = plainTextServer()) {
            String url = "https://127.0.0.1:" + plain.getLocalPort() + "/a.wav";
            HttpSource source = source(url);
            source.start();
            assertFailure(source, "TLS failure", url);
        }
    }

    @Test
    void aRedirectFromHttpToHttpsIsFollowedWithTls() throws Exception {
        try (ServerSocket plain = plainTextServer()) {
            mock.enqueue(new MockResponse().setResponseCode(302)
                    .setHeader("Location", "https://127.0.0.1:" + plain.getLocalPort() + "/b.wav"));
            HttpSource source = source(mock.url("/a.wav").toString());
            source.start();
            assertFailure(source, "TLS failure");
        }
    }

    /** Answers every connection at once with plain HTTP, which a TLS client cannot take. */
    private static ServerSocket plainTextServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.getOutputStream().write(
                            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    return;
                }
            }
        }, "plain-text-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    @Test
    void aRefusedConnectionFailsWithOneLine() throws Exception {
        String url = mock.url("/a.wav").toString();
        mock.shutdown();
        HttpSource source = source(url);
        source.start();
        assertFailure(source, "cannot connect", url);
    }

    @Test
    void aFailureLeavesNoTempFilesAfterClose() throws Exception {
        mock.enqueue(new MockResponse().setBody(new Buffer().write(DATA))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        mock.enqueue(new MockResponse().setResponseCode(404));
        HttpSource source = source(mock.url("/a.wav").toString());
        source.start();
        assertThatThrownBy(() -> readFrom(source.spool(), 0)).isInstanceOf(SourceException.class)
                .hasMessageContaining("HTTP 404");
        source.close();
        try (Stream<Path> files = Files.walk(spoolDirectory)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void fullyPresentSeeksIssueNoRequest() throws Exception {
        RangeServer server = server("\"v1\"");
        HttpSource source = source(server.url(PATH));
        source.start();
        awaitState(source, SourceState.COMPLETE);
        source.seek(12345);
        source.seek(DATA.length - 1);
        assertThat(requests(server, 1)).hasSize(1);
        assertThat(server.active()).isEmpty();
        assertThat(source.spool().presentRanges()).containsExactly(new ByteRange(0, DATA.length));
    }

    @Test
    void aChunkedBodyEndsTheResourceWhereItEnds() throws Exception {
        mock.enqueue(new MockResponse().setChunkedBody(new Buffer().write(DATA), 8192));
        HttpSource source = source(mock.url("/a.wav").toString());
        source.start();
        assertThat(source.info().get(10, TimeUnit.SECONDS).length()).isEmpty();
        assertThat(readFrom(source.spool(), 0)).isEqualTo(DATA);
        assertThat(source.spool().length()).hasValue(DATA.length);
    }

    @Test
    void aCompressedBodyIsRefused() throws Exception {
        mock.enqueue(new MockResponse().setHeader("Content-Encoding", "gzip").setBody("x"));
        HttpSource source = source(mock.url("/a.wav").toString());
        source.start();
        assertFailure(source, "gzip");
    }

    @Test
    void aTlsFailureFailsWithOneLine() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket socket = plain.accept()) {
                    socket.getOutputStream().write(
                            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getInputStream().read();
                } catch (IOException e) {
                    // the client hung up after the failed handshake
                }
            });
            answer.start();
            String url = "https://127.0.0.1:" + plain.getLocalPort() + "/a.wav";
            HttpSource source = source(url);
            source.start();
            assertFailure(source, "TLS failure", url);
            source.close();
            answer.join(10_000);
        }
    }
}
