package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.testkit.AlsaCapture;
import dev.reel.testkit.Signals;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code reel listen} in-process, fed by real sockets. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ListenTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void clearCapture() throws Exception {
        AlsaCapture.clear();
    }

    @Test
    void listenPlaysEachConnectionInTurn() throws Exception {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        byte[] first = Signals.pcm(2, 4000);
        byte[] second = Signals.pcm(2, 4000, 4000);

        try (CliSession session = CliSession.start("listen", "--port", "0", "--format", "s16le:8000:1", "--json")) {
            JsonNode listening = JSON.readTree(session.awaitLine(line -> line.contains("listening"), Duration.ofSeconds(10)));
            assertThat(listening.get("host").asText()).isEqualTo("127.0.0.1");
            int port = listening.get("port").asInt();
            send(port, first);
            session.awaitLine(line -> line.equals("{\"event\":\"ended\"}"), Duration.ofSeconds(10));
            send(port, second);
            session.awaitLine(line -> line.equals("{\"event\":\"ended\"}"), 2, Duration.ofSeconds(10));
            session.send("stop");

            assertThat(session.awaitExit(Duration.ofSeconds(10))).as(session.err()).isZero();
        }
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertThat(AlsaCapture.read(format)).isEqualTo(both);
    }

    @Test
    void listenOnABusyPortIsASourceError() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run("listen", "--port", Integer.toString(busy.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.errLines()).singleElement().asString().startsWith("reel: cannot listen on 127.0.0.1:");
        }
    }

    private static void send(int port, byte[] data) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port); OutputStream out = socket.getOutputStream()) {
            out.write(data);
        }
    }
}
