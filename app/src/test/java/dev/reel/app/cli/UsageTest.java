package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help texts and usage errors: exit 2 and exactly one line on stderr that points to --help. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UsageTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpPrintsTheUsageOnStdout(String option) {
        CliRun run = CliRun.run(option);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("reel play", "reel listen", "reel info", "reel save", "Exit codes");
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"play", "listen", "info", "save"})
    void everyCommandExplainsItself(String command) {
        CliRun run = CliRun.run(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: reel " + command);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void playHelpNamesEveryOptionAndStdinCommand() {
        String help = CliRun.run("play", "--help").out();

        assertThat(help).contains("--start", "--format", "--device", "--out", "--json",
                "seek S", "seek +S", "pause", "resume", "stop", "volume 0..100", "status");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "play",
        "play --start",
        "play --start -1 a.wav",
        "play --start abc a.wav",
        "play --start NaN a.wav",
        "play --start 1e3 a.wav",
        "play --bogus a.wav",
        "play --json=yes a.wav",
        "play a.wav b.wav",
        "play --out x.wav --device y a.wav",
        "info",
        "save http://127.0.0.1:1/a.wav",
        "listen --port 70000",
        "listen --port x",
        "listen extra",
        "--bogus",
    })
    void usageErrorsExit2WithOneLine(String commandLine) {
        CliRun run = CliRun.run(commandLine.split(" "));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().satisfies(line -> {
            assertThat(line).startsWith("reel: ");
            assertThat(line).contains("--help");
        });
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"s16le", "s16le:44100", "s99le:44100:2", "s16le:0:2", "s16le:44100:0", "s16le:x:2"})
    void aBadFormatIsAUsageError(String format) {
        CliRun run = CliRun.run("play", "--format", format, "a.raw");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("reel: --format " + format + ": ");
    }

    @Test
    void anUnknownDeviceIsAUsageErrorThatListsTheDevices() {
        CliRun run = CliRun.run("play", "--device", "no such device", "a.wav");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("reel: no audio device named 'no such device'; there are: ");
    }

    @Test
    void theWindowGetsEverythingThatIsNoCommand() {
        assertThat(Cli.handles(new String[0])).isFalse();
        assertThat(Cli.handles(new String[] {"http://127.0.0.1/a.wav", "b.wav"})).isFalse();
        assertThat(Cli.handles(new String[] {"play", "a.wav"})).isTrue();
        assertThat(Cli.handles(new String[] {"--help"})).isTrue();
    }
}
