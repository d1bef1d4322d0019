package dev.reel.app.cli;

import dev.reel.testkit.AlsaCapture;
import dev.reel.testkit.RangeServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the tests that play from a loopback {@link RangeServer} into a cleared ALSA capture. */
abstract class ServerTest {

    @TempDir
    Path dir;
    RangeServer server;

    @BeforeEach
    void startServerAndClearCapture() throws Exception {
        AlsaCapture.clear();
        server = RangeServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
