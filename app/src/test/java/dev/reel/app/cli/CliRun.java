package dev.reel.app.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Runs a command in-process with captured streams; what it printed and how it exited. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    static CliRun run(InputStream stdin, String... args) {
        return run(stdin, false, args);
    }

    /** As if stderr were a terminal: status lines and progress bars are drawn there. */
    static CliRun runOnTerminal(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), true, args);
    }

    private static CliRun run(InputStream stdin, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new Streams(stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines() {
        return lines(out);
    }

    List<String> errLines() {
        return lines(err);
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
