package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The built launcher: it starts the command line, passes arguments through, keeps stdout clean. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherIT {

    @Test
    void helpPrintsUsageAndNothingElse() throws Exception {
        Launcher.Result run = Launcher.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: reel").contains("reel play");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void argumentsPassThroughUnchanged() throws Exception {
        Launcher.Result run = Launcher.run("play", "--start", "a b*", "x.wav");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "reel: --start takes seconds (a number >= 0), not 'a b*' (see 'reel play --help')");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void reelJavaHomeRunsThatJdkInsteadOfTheRuntime() throws Exception {
        String jdk = System.getProperty("java.home");

        Launcher.Result run = Launcher.run(
                Map.of("REEL_JAVA_HOME", jdk, "REEL_JAVA_OPTS", "-XshowSettings:properties"), 30, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("java.home = " + jdk);
        assertThat(run.out()).startsWith("Usage: reel");
    }

    @Test
    void aReelJavaHomeWithoutJavaIsOneLine() throws Exception {
        Launcher.Result run = Launcher.run(Map.of("REEL_JAVA_HOME", "/nonexistent"), 30, "--help");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("reel: REEL_JAVA_HOME=/nonexistent holds no bin/java");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theClassDataArchiveWasMadeAndMaps() throws Exception {
        Path archive = Path.of(System.getProperty("reel.launcher")).getParent().resolveSibling("lib/reel.jsa");
        assertThat(archive).exists();
        assertThat(Files.size(archive)).isGreaterThan(100_000);

        // -Xshare:on makes a JVM that cannot map the archive refuse to start.
        Launcher.Result run = Launcher.run(Map.of("REEL_JAVA_OPTS", "-Xshare:on"), 30, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }
}
