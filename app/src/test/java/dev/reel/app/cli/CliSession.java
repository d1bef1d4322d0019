package dev.reel.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A command running in-process on its own thread, with a pipe for stdin and its stdout seen line
 * by line as it is printed; for tests that steer playback.
 */
final class CliSession implements AutoCloseable {

    private final PipedOutputStream stdin = new PipedOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private CliSession() {
    }

    static CliSession start(String... args) throws IOException {
        CliSession session = new CliSession();
        return session.run(session.new LineSplitter(), args);
    }

    /** A session whose stdout goes to {@code stdout} instead of {@link #lines()}. */
    static CliSession start(OutputStream stdout, String... args) throws IOException {
        return new CliSession().run(stdout, args);
    }

    private CliSession run(OutputStream stdout, String... args) throws IOException {
        PipedInputStream in = new PipedInputStream(stdin, 4096);
        PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Thread runner = new Thread(() -> {
            try {
                exit.complete(Cli.run(new Streams(in, out, errStream, false), args));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "cli-session");
        runner.setDaemon(true);
        runner.start();
        return this;
    }

    /** Sends one line on the command's stdin. */
    void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Waits for a stdout line matching {@code condition}; returns it. */
    String awaitLine(Predicate<String> condition, Duration timeout) throws InterruptedException {
        return awaitLine(condition, 1, timeout);
    }

    /** Waits for the {@code n}th stdout line matching {@code condition}; returns it. */
    synchronized String awaitLine(Predicate<String> condition, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        int matches = 0;
        while (true) {
            for (; seen < lines.size(); seen++) {
                if (condition.test(lines.get(seen)) && ++matches == n) {
                    return lines.get(seen);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || exit.isDone() && seen == lines.size()) {
                throw new AssertionError("no matching line within " + timeout + "; stdout: " + lines
                        + "; stderr: " + err());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    int awaitExit(Duration timeout) throws Exception {
        return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    String err() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws IOException {
        stdin.close();
    }

    private synchronized void append(int b) {
        if (b == '\n') {
            lines.add(partial.toString());
            partial.setLength(0);
            notifyAll();
        } else {
            partial.append((char) b);
        }
    }

    /** Collects stdout into lines (the CLI prints ASCII only) and wakes waiters at each newline. */
    private final class LineSplitter extends OutputStream {

        @Override
        public void write(int b) {
            append(b);
        }
    }
}
