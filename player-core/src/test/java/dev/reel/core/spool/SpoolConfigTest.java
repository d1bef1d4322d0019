package dev.reel.core.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The default spool directory: one per user under the temp directory, whatever the user's name. */
@Timeout(10)
class SpoolConfigTest {

    @Test
    void theDefaultDirectoryIsTheUsersOwnWithAnyOddCharacterReplaced() {
        assertThat(directoryFor("ana")).isEqualTo(under("reel-ana"));
        assertThat(directoryFor("Ana.B_c-9")).isEqualTo(under("reel-Ana.B_c-9"));
        // One replacement per character the user sees, also outside the BMP (one code point, two chars).
        assertThat(directoryFor("a b/\uD835\uDC9Cé..")).isEqualTo(under("reel-a_b___.."));
    }

    private static Path under(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), name, "spool");
    }

    private static Path directoryFor(String user) {
        String before = System.getProperty("user.name");
        System.setProperty("user.name", user);
        try {
            return SpoolConfig.defaults().directory();
        } finally {
            System.setProperty("user.name", before);
        }
    }
}
