package dev.reel.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built launcher, {@code app/target/reel/bin/reel} (system property {@code reel.launcher}). */
final class Launcher {

    private Launcher() {
    }

    /** A finished run: exit code, stdout, stderr. */
    record Result(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
        }
    }

    /** A started run; stdout and stderr go to files, deleted once {@link #await} has read them. */
    record Running(Process process, Path out, Path err) {

        Result await(long timeoutSeconds) throws IOException, InterruptedException {
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(process.info().command().orElse("reel") + " did not exit within "
                            + timeoutSeconds + " s; stderr: "
                            + Files.readString(err));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }

    /** Runs {@code reel args…} with an empty stdin, waiting at most {@code timeoutSeconds}. */
    static Result run(Map<String, String> env, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        Running running = start(env, args);
        running.process().getOutputStream().close();
        return running.await(timeoutSeconds);
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), 30, args);
    }

    /** The command line that runs {@code reel args…}. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("reel.launcher"));
        command.addAll(List.of(args));
        return command;
    }

    static Running start(Map<String, String> env, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        builder.environment().putAll(env);
        return start(builder);
    }

    /** Starts any command (a JVM, keytool) the same way: stdout and stderr to files. */
    static Running start(ProcessBuilder builder) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path out = Files.createTempFile(dir, "reel-out", ".txt");
        Path err = Files.createTempFile(dir, "reel-err", ".txt");
        return new Running(builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
    }
}
