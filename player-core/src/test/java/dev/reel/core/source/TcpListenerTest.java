package dev.reel.core.source;

import static dev.reel.core.source.SourceTesting.readFrom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.core.spool.SpoolConfig;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A TcpListener hands out one live source per connection with exactly the bytes sent. */
@Timeout(30)
class TcpListenerTest {

    @TempDir
    Path directory;

    @Test
    void deliversWhatEachClientSends() throws Exception {
        try (TcpListener listener = TcpListener.bind("127.0.0.1", 0,
                new SpoolConfig(64 * 1024, directory, 0))) {
            assertThat(listener.port()).isPositive();
            for (int connection = 0; connection < 2; connection++) {
                byte[] data = SourceTesting.randomBytes(200_000 + connection, connection);
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
                    try (Source source = listener.accept()) {
                        SourceInfo info = source.info().get(5, TimeUnit.SECONDS);
                        assertThat(info.live()).isTrue();
                        assertThat(info.length()).isEmpty();
                        try (OutputStream out = client.getOutputStream()) {
                            out.write(data);
                        }
                        assertThat(readFrom(source.spool(), 0)).isEqualTo(data);
                        assertThat(source.spool().length()).hasValue(data.length);
                        SourceTesting.awaitState(source, SourceState.COMPLETE);
                    }
                }
            }
        }
    }

    @Test
    void bindsLoopbackByDefault() throws Exception {
        try (TcpListener listener = TcpListener.bind(null, 0)) {
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.port());
                    Source source = listener.accept()) {
                assertThat(source.info().get(5, TimeUnit.SECONDS).location()).startsWith("tcp://127.0.0.1:");
            }
        }
    }
}
