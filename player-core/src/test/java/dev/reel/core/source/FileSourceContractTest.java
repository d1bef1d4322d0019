package dev.reel.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.core.spool.SpoolConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source contract for {@link FileSource}, and what it adds: the file is read in place. */
class FileSourceContractTest extends SourceContractTest {

    @TempDir
    Path files;

    @Override
    Source open(Path spoolDirectory) throws Exception {
        Path file = Files.write(files.resolve("a.wav"), DATA);
        return FileSource.open(file, new SpoolConfig(64 * 1024, spoolDirectory, 0));
    }

    @Test
    void readsTheFileInPlaceAndLeavesItThere() throws Exception {
        try (Source s = open(spoolDirectory)) {
            assertThat(s.spool().isReadOnly()).isTrue();
            assertThat(s.spool().storedBytes()).isEqualTo(DATA.length);
            s.start();
            assertThat(s.state()).isEqualTo(SourceState.COMPLETE);
            assertThat(SourceTesting.readFrom(s.spool(), 0)).isEqualTo(DATA);
            assertThat(s.spool().memoryBytes()).isZero();
            assertThat(s.stats()).isEqualTo(new SourceStats(DATA.length, 1));
            try (Stream<Path> spooled = Files.walk(spoolDirectory)) {
                assertThat(spooled.filter(Files::isRegularFile)).isEmpty();
            }
        }
        assertThat(Files.readAllBytes(files.resolve("a.wav"))).isEqualTo(DATA);
    }
}
