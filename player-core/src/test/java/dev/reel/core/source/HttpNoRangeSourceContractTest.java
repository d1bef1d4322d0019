package dev.reel.core.source;

import dev.reel.testkit.Faults;
import dev.reel.testkit.RangeServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The source contract for {@link HttpSource} against a server that ignores ranges. */
class HttpNoRangeSourceContractTest extends SourceContractTest {

    private RangeServer server;

    @Override
    Source open(Path spoolDirectory) throws Exception {
        server = SourceTesting.serve(DATA, null);
        server.setFaults(SourceTesting.PATH, Faults.NONE.withIgnoreRanges());
        return HttpSource.open(server.url(SourceTesting.PATH), SourceTesting.spool(spoolDirectory),
                SourceTesting.FAST);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
