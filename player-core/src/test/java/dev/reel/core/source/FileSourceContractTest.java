package dev.reel.core.source;

import dev.reel.core.spool.SpoolConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The source contract for {@link FileSource}. */
class FileSourceContractTest extends SourceContractTest {

    @TempDir
    Path files;

    @Override
    Source open(Path spoolDirectory) throws Exception {
        Path file = Files.write(files.resolve("a.wav"), DATA);
        return FileSource.open(file, new SpoolConfig(64 * 1024, spoolDirectory, 0));
    }
}
