package dev.reel.core.source;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The source contract for {@link HttpSource} against a server that ignores ranges. */
class HttpNoRangeSourceContractTest extends SourceContractTest {

    private LoopbackRangeServer server;

    @Override
    Source open(Path spoolDirectory) throws Exception {
        server = new LoopbackRangeServer(DATA).ranges(false);
        return HttpSource.open(server.url("/a.wav"), SourceTesting.spool(spoolDirectory),
                SourceTesting.FAST);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }
}
