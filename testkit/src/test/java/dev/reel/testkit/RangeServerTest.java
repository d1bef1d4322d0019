package dev.reel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RangeServerTest {

    private static final String PATH = "/a.wav";
    private static final byte[] DATA = Signals.pcm(4, 10_000);
    private static final int LENGTH = DATA.length;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private RangeServer server;
    private Resource resource;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startServer() throws IOException {
        server = RangeServer.start();
        resource = server.add(PATH, DATA, "audio/wav");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HttpResponse<byte[]> get(String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(PATH)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] slice(long from, long toInclusive) {
        return Arrays.copyOfRange(DATA, (int) from, (int) toInclusive + 1);
    }

    private RawClient raw() throws IOException {
        return new RawClient(server.port());
    }

    @Test
    void servesTheWholeResourceWithValidators() throws Exception {
        HttpResponse<byte[]> response = get();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(DATA);
        assertThat(response.headers().firstValue("content-length")).hasValue(String.valueOf(LENGTH));
        assertThat(response.headers().firstValue("accept-ranges")).hasValue("bytes");
        assertThat(response.headers().firstValue("content-type")).hasValue("audio/wav");
        assertThat(response.headers().firstValue("etag")).hasValue(resource.etag());
        assertThat(response.headers().firstValue("last-modified")).isPresent();
        assertThat(server.bodyBytesSent()).isEqualTo(LENGTH);
        assertThat(server.awaitExchanges(1, WAIT)).singleElement().satisfies(e -> {
            assertThat(e.method()).isEqualTo("GET");
            assertThat(e.path()).isEqualTo(PATH);
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.bodyStart()).isZero();
            assertThat(e.bodyBytes()).isEqualTo(LENGTH);
            assertThat(e.complete()).isTrue();
            assertThat(e.range()).isEmpty();
        });
    }

    @Test
    void answersAClosedRangeWith206() throws Exception {
        HttpResponse<byte[]> response = get("Range", "bytes=100-199");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("content-range")).hasValue("bytes 100-199/" + LENGTH);
        assertThat(response.body()).isEqualTo(slice(100, 199));
        assertThat(server.awaitExchanges(1, WAIT)).singleElement().satisfies(e -> {
            assertThat(e.range()).hasValue("bytes=100-199");
            assertThat(e.rangeStart()).isEqualTo(100);
            assertThat(e.bodyStart()).isEqualTo(100);
        });
    }

    @Test
    void answersOpenSuffixAndOverlongRanges() throws Exception {
        assertThat(get("Range", "bytes=39000-").body()).isEqualTo(slice(39_000, LENGTH - 1));
        HttpResponse<byte[]> suffix = get("Range", "bytes=-500");
        assertThat(suffix.headers().firstValue("content-range")).hasValue("bytes " + (LENGTH - 500) + "-" + (LENGTH - 1) + "/" + LENGTH);
        assertThat(suffix.body()).isEqualTo(slice(LENGTH - 500, LENGTH - 1));
        assertThat(get("Range", "bytes=-999999").body()).isEqualTo(DATA);
        HttpResponse<byte[]> clamped = get("Range", "bytes=39990-99999999999999999999");
        assertThat(clamped.statusCode()).isEqualTo(206);
        assertThat(clamped.body()).isEqualTo(slice(39_990, LENGTH - 1));
    }

    @Test
    void answersAnUnsatisfiableRangeWith416() throws Exception {
        HttpResponse<byte[]> atEnd = get("Range", "bytes=" + LENGTH + "-");
        assertThat(atEnd.statusCode()).isEqualTo(416);
        assertThat(atEnd.headers().firstValue("content-range")).hasValue("bytes */" + LENGTH);
        assertThat(atEnd.body()).isEmpty();
        assertThat(get("Range", "bytes=-0").statusCode()).isEqualTo(416);
    }

    @Test
    void ignoresRangesItCannotParse() throws Exception {
        for (String range : new String[] {"bytes=200-100", "bytes=0-1,5-6", "items=0-1", "bytes=x-"}) {
            HttpResponse<byte[]> response = get("Range", range);
            assertThat(response.statusCode()).as(range).isEqualTo(200);
            assertThat(response.body()).as(range).isEqualTo(DATA);
        }
    }

    @Test
    void honoursIfRangeOnlyForTheCurrentStrongValidator() throws Exception {
        String date = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .withZone(ZoneOffset.UTC).format(resource.lastModified());
        String otherDate = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .withZone(ZoneOffset.UTC).format(resource.lastModified().plusSeconds(1));

        assertThat(get("Range", "bytes=10-19", "If-Range", resource.etag()).statusCode()).isEqualTo(206);
        assertThat(get("Range", "bytes=10-19", "If-Range", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(get("Range", "bytes=10-19", "If-Range", "W/" + resource.etag()).statusCode()).isEqualTo(200);
        assertThat(get("Range", "bytes=10-19", "If-Range", date).statusCode()).isEqualTo(206);
        assertThat(get("Range", "bytes=10-19", "If-Range", otherDate).statusCode()).isEqualTo(200);
        assertThat(server.awaitExchanges(5, WAIT)).extracting(e -> e.ifRange().orElseThrow())
                .containsExactly(resource.etag(), "\"other\"", "W/" + resource.etag(), date, otherDate);
    }

    @Test
    void weakEtagNeverSatisfiesIfRange() throws Exception {
        server.add(resource.withEtag("W/\"weak\""));
        assertThat(get("Range", "bytes=10-19", "If-Range", "W/\"weak\"").statusCode()).isEqualTo(200);
    }

    @Test
    void headSendsHeadersOnlyAndKeepAliveReusesTheConnection() throws Exception {
        try (RawClient raw = raw()) {
            RawClient.Response head = raw.send("HEAD", PATH);
            RawClient.Response range = raw.send("GET", PATH, "Range: bytes=0-3");
            RawClient.Response full = raw.send("GET", PATH);

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isEqualTo(String.valueOf(LENGTH));
            assertThat(range.body()).isEqualTo(slice(0, 3));
            assertThat(full.body()).isEqualTo(DATA);
        }
        assertThat(server.awaitExchanges(3, WAIT)).extracting(Exchange::connection).containsOnly(server.awaitExchanges(3, WAIT).get(0).connection());
        assertThat(server.awaitExchanges(3, WAIT).get(0).bodyBytes()).isZero();
        assertThat(server.awaitExchanges(3, WAIT).get(0).bodyStart()).isEqualTo(-1);
    }

    @Test
    void closesTheConnectionWhenAskedTo() throws Exception {
        try (RawClient raw = raw()) {
            RawClient.Response response = raw.send("GET", PATH, "Connection: close");
            assertThat(response.header("connection")).isEqualTo("close");
            assertThat(raw.rest()).isEmpty();
        }
    }

    @Test
    void answers404ForUnknownPathsAnd405ForOtherMethods() throws Exception {
        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(server.uri("/nothing")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("/nothing");
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(server.uri(PATH))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void servesFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("f.raw");
        java.nio.file.Files.write(file, DATA);
        server.add(Resource.of("/f.raw", file, "application/octet-stream"));
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(server.uri("/f.raw"))
                .header("Range", "bytes=1000-").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.body()).isEqualTo(slice(1000, LENGTH - 1));
    }

    @Test
    void faultIgnoreRangesAnswers200WithoutAcceptRanges() throws Exception {
        server.setFaults(PATH, Faults.NONE.withIgnoreRanges());
        HttpResponse<byte[]> response = get("Range", "bytes=100-");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("accept-ranges")).isEmpty();
        assertThat(response.body()).isEqualTo(DATA);
    }

    @Test
    void faultAdvertiseRangesButSendAll() throws Exception {
        server.setFaults(PATH, Faults.NONE.withAdvertiseRangesButSendAll());
        HttpResponse<byte[]> response = get("Range", "bytes=100-");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("accept-ranges")).hasValue("bytes");
        assertThat(response.body()).isEqualTo(DATA);
    }

    @Test
    void faultRangeShiftServesFromAnotherOffsetAndSaysSo() throws Exception {
        server.setFaults(PATH, Faults.NONE.withRangeShift(-40));
        HttpResponse<byte[]> response = get("Range", "bytes=100-199");
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("content-range")).hasValue("bytes 60-159/" + LENGTH);
        assertThat(response.body()).isEqualTo(slice(60, 159));
    }

    @Test
    void faultChangeAfterRequestsSwitchesContentAndValidators() throws Exception {
        byte[] changed = Signals.pcm(4, 5, 10_000);
        server.setFaults(PATH, Faults.NONE.withChangeAfter(2, Content.of(changed)));

        HttpResponse<byte[]> first = get();
        HttpResponse<byte[]> second = get("Range", "bytes=0-9", "If-Range", resource.etag());
        HttpResponse<byte[]> third = get("Range", "bytes=0-9", "If-Range", resource.etag());

        assertThat(first.body()).isEqualTo(DATA);
        assertThat(second.statusCode()).isEqualTo(206);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(third.body()).isEqualTo(changed);
        String newEtag = third.headers().firstValue("etag").orElseThrow();
        assertThat(newEtag).isNotEqualTo(resource.etag()).startsWith("\"").endsWith("\"");
        assertThat(third.headers().firstValue("last-modified")).isNotEqualTo(first.headers().firstValue("last-modified"));
        assertThat(get("Range", "bytes=0-9", "If-Range", newEtag).statusCode()).isEqualTo(206);
    }

    @Test
    void faultChunkedSendsNoContentLength() throws Exception {
        server.setFaults(PATH, Faults.NONE.withChunked());
        try (RawClient raw = raw()) {
            RawClient.Response response = raw.send("GET", PATH, "Range: bytes=40-");
            assertThat(response.status()).isEqualTo(206);
            assertThat(response.header("transfer-encoding")).isEqualTo("chunked");
            assertThat(response.header("content-length")).isNull();
            assertThat(response.body()).isEqualTo(slice(40, LENGTH - 1));
        }
        assertThat(get().body()).isEqualTo(DATA);
    }

    @Test
    void faultShortBodyClosesEarly() throws Exception {
        server.setFaults(PATH, Faults.NONE.withBodyLengthError(-100));
        try (RawClient raw = raw()) {
            RawClient.Response response = raw.send("GET", PATH);
            assertThat(response.header("content-length")).isEqualTo(String.valueOf(LENGTH));
            assertThat(response.endedByEof()).isTrue();
            assertThat(response.body()).isEqualTo(slice(0, LENGTH - 101));
        }
        assertThat(server.awaitExchanges(1, WAIT)).singleElement().satisfies(e -> assertThat(e.complete()).isFalse());
    }

    @Test
    void faultLongBodySendsGarbageAfterThePromisedLength() throws Exception {
        server.setFaults(PATH, Faults.NONE.withBodyLengthError(50));
        try (RawClient raw = raw()) {
            RawClient.Response response = raw.send("GET", PATH, "Range: bytes=0-99");
            assertThat(response.body()).isEqualTo(slice(0, 99));
            byte[] extra = raw.rest();
            assertThat(extra).hasSize(50).containsOnly((byte) 0x5A);
        }
        assertThat(server.awaitExchanges(1, WAIT)).singleElement().satisfies(e -> assertThat(e.bodyBytes()).isEqualTo(150));
    }

    @Test
    void faultCutEveryClosesEachResponseAfterNBodyBytes() throws Exception {
        server.setFaults(PATH, Faults.NONE.withCutEvery(1000));
        try (RawClient raw = raw()) {
            RawClient.Response response = raw.send("GET", PATH);
            assertThat(response.endedByEof()).isTrue();
            assertThat(response.body()).isEqualTo(slice(0, 999));
        }
        try (RawClient raw = raw()) {
            assertThat(raw.send("GET", PATH, "Range: bytes=1000-").body()).isEqualTo(slice(1000, 1999));
        }
        try (RawClient raw = raw()) {
            RawClient.Response small = raw.send("GET", PATH, "Range: bytes=0-9");
            assertThat(small.endedByEof()).isFalse();
            assertThat(small.body()).isEqualTo(slice(0, 9));
        }
        assertThat(server.awaitExchanges(3, WAIT)).extracting(Exchange::complete).containsExactly(false, false, true);
        assertThat(server.awaitExchanges(3, WAIT)).extracting(Exchange::bodyBytes).containsExactly(1000L, 1000L, 10L);
    }

    @Test
    void faultsCanHitOnlyTheFirstRequests() throws Exception {
        byte[] changed = Signals.pcm(4, 7, 10_000);
        server.setFaults(PATH, Faults.NONE.withBodyLengthError(-10).withChangeAfter(2, Content.of(changed)).withOnlyFirst(1));
        try (RawClient raw = raw()) {
            assertThat(raw.send("GET", PATH).endedByEof()).isTrue();
        }
        assertThat(get().body()).isEqualTo(DATA);
        assertThat(get().body()).isEqualTo(changed);
    }

    @Test
    void faultStallPausesTheFirstResponseOnceAtTheOffset() throws Exception {
        server.setFaults(PATH, Faults.NONE.withStall(5000, Duration.ofMillis(300)));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write("GET /a.wav HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            var in = socket.getInputStream();
            byte[] head = readHead(in);
            assertThat(new String(head)).startsWith("HTTP/1.1 200");
            byte[] before = in.readNBytes(5000);
            long stalledFrom = System.nanoTime();
            byte[] after = in.readNBytes(LENGTH - 5000);
            long stall = System.nanoTime() - stalledFrom;
            assertThat(before).isEqualTo(slice(0, 4999));
            assertThat(after).isEqualTo(slice(5000, LENGTH - 1));
            assertThat(Duration.ofNanos(stall)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
        long start = System.nanoTime();
        assertThat(get("Range", "bytes=5000-").body()).isEqualTo(slice(5000, LENGTH - 1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(250));
    }

    @Test
    void faultBandwidthPacesTheBody() throws Exception {
        server.setFaults(PATH, Faults.NONE.withBandwidth(100_000));
        long start = System.nanoTime();
        HttpResponse<byte[]> response = get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.body()).isEqualTo(DATA);
        assertThat(took).isBetween(Duration.ofMillis(350), Duration.ofMillis(2000));
    }

    @Test
    void faultLatencyDelaysEachResponse() throws Exception {
        server.setFaults(PATH, Faults.NONE.withLatency(Duration.ofMillis(200)));
        long start = System.nanoTime();
        get("Range", "bytes=0-0");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void faultFixedStatus() throws Exception {
        server.setFaults(PATH, Faults.NONE.withStatus(500));
        assertThat(get().statusCode()).isEqualTo(500);
        server.setFaults(PATH, Faults.NONE.withStatus(404));
        assertThat(get("Range", "bytes=0-").statusCode()).isEqualTo(404);
        server.setFaults(PATH, Faults.NONE);
        assertThat(get().statusCode()).isEqualTo(200);
    }

    @Test
    void faultRedirectToAnyLocation() throws Exception {
        server.setFaults(PATH, Faults.NONE.withRedirect("file:///etc/passwd"));
        HttpResponse<byte[]> response = get();
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("location")).hasValue("file:///etc/passwd");
    }

    @Test
    void stopDropsConnectionsAndRestartListensOnTheSamePort() throws Exception {
        int port = server.port();
        server.setFaults(PATH, Faults.NONE.withBandwidth(20_000));
        try (RawClient raw = raw()) {
            raw.send("HEAD", PATH);
            Thread stopper = new Thread(() -> {
                try {
                    server.awaitBodyBytes(1000, Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                server.stop();
            });
            stopper.start();
            RawClient.Response cut = raw.send("GET", PATH);
            stopper.join();
            assertThat(cut.endedByEof()).isTrue();
            assertThat(cut.body().length).isLessThan(LENGTH);
        }
        assertThat(server.running()).isFalse();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);

        server.restart();
        server.setFaults(PATH, Faults.NONE);
        assertThat(server.port()).isEqualTo(port);
        assertThat(get().body()).isEqualTo(DATA);
    }

    @Test
    void outageComesBackByItself() throws Exception {
        server.outage(Duration.ofMillis(200));
        assertThat(server.running()).isFalse();
        assertThat(server.awaitRunning(Duration.ofSeconds(5))).isTrue();
        assertThat(get().body()).isEqualTo(DATA);
    }

    @Test
    void closeEndsStalledResponsesQuickly() throws Exception {
        server.setFaults(PATH, Faults.NONE.withStall(10, Duration.ofSeconds(60)));
        try (RawClient raw = raw()) {
            Thread reader = new Thread(() -> {
                try {
                    raw.send("GET", PATH);
                } catch (IOException e) {
                    // expected: the server goes away
                }
            });
            reader.start();
            assertThat(server.awaitBodyBytes(10, Duration.ofSeconds(5))).isTrue();
            long start = System.nanoTime();
            server.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            reader.join(5000);
            assertThat(reader.isAlive()).isFalse();
        }
        String connectionThread = "range-server-conn-" + server.awaitExchanges(1, WAIT).get(0).connection();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals(connectionThread));
    }

    @Test
    void activeShowsResponsesInFlight() throws Exception {
        server.setFaults(PATH, Faults.NONE.withStall(3000, Duration.ofSeconds(30)));
        try (RawClient raw = raw()) {
            Thread reader = new Thread(() -> {
                try {
                    raw.send("GET", PATH, "Range: bytes=1000-");
                } catch (IOException e) {
                    // the server closes while it stalls
                }
            });
            reader.start();
            assertThat(server.awaitBodyBytes(2000, WAIT)).isTrue();
            assertThat(server.active()).singleElement().satisfies(e -> {
                assertThat(e.bodyStart()).isEqualTo(1000);
                assertThat(e.bodyBytes()).isEqualTo(2000);
                assertThat(e.endNanos()).isZero();
                assertThat(e.complete()).isFalse();
            });
            assertThat(server.log()).isEmpty();
            server.stop();
            reader.join(5000);
        }
        assertThat(server.active()).isEmpty();
        assertThat(server.awaitExchanges(1, WAIT)).singleElement().satisfies(e -> assertThat(e.bodyBytes()).isEqualTo(2000));
    }

    @Test
    void awaitLogWaitsForExchanges() throws Exception {
        assertThat(server.awaitLog(log -> log.size() == 1, Duration.ofMillis(50))).isFalse();
        get();
        assertThat(server.awaitLog(log -> log.size() == 1, Duration.ofSeconds(1))).isTrue();
        assertThat(server.log(PATH)).hasSize(1);
        assertThat(server.log("/other")).isEmpty();
        server.clearLog();
        assertThat(server.log()).isEmpty();
        assertThat(server.bodyBytesSent()).isZero();
    }

    private static byte[] readHead(java.io.InputStream in) throws IOException {
        var head = new java.io.ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("EOF in head");
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && (matched % 2 == 0 ? b == '\r' : b == '\n') ? matched + 1 : 0;
        }
        return head.toByteArray();
    }
}
