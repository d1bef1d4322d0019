package dev.reel.app.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.time.Duration;

/**
 * The standard streams a command talks through, so tests can run commands in-process. What a
 * command prints while it runs goes through an {@link OutputQueue}: the threads that report (the
 * player's, the stdin reader) never wait for stdout or stderr to take it. Thread-safe.
 */
public final class Streams {

    /**
     * How long a finished command waits for its reader to take more of its last output: as long
     * as the reader takes something at least this often, it gets every line; one that stopped
     * reading holds the process this long.
     */
    static final Duration EXIT_FLUSH = Duration.ofSeconds(2);
    private static final Duration HALT_FLUSH = Duration.ofMillis(500);

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean errIsTerminal;
    private final OutputQueue queue;

    /**
     * @param errIsTerminal whether {@code err} is a terminal (the launcher tells), which allows
     *                      status lines and progress bars there
     */
    public Streams(InputStream in, PrintStream out, PrintStream err, boolean errIsTerminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.errIsTerminal = errIsTerminal;
        this.queue = new OutputQueue(out, err);
    }

    /**
     * The process's own streams; the launcher sets {@code reel.stderr.tty} when stderr is a terminal.
     * Stdin is read through a {@code FileChannel}, whose close wakes a thread blocked reading it:
     * the JVM's exit waits up to 300 ms for threads still inside a native read of a plain
     * {@code System.in} (a pipe left open by a script), so {@code Main} closes it before exiting.
     */
    public static Streams system() {
        InputStream stdin = Channels.newInputStream(new FileInputStream(FileDescriptor.in).getChannel());
        return new Streams(stdin, System.out, System.err, Boolean.getBoolean("reel.stderr.tty"));
    }

    public InputStream in() {
        return in;
    }

    /** Stdout, to print on directly before anything is queued (a usage text). */
    public PrintStream out() {
        return out;
    }

    public boolean errIsTerminal() {
        return errIsTerminal;
    }

    /** Queues one line for stdout, flushed as soon as it is written, so a reading script sees it at once. */
    void println(String line) {
        queue.out(line + System.lineSeparator(), false);
    }

    /** {@link #println}, for a line that only updates the one before (a position): a newer one replaces it while it waits. */
    void printlnUpdate(String line) {
        queue.out(line + System.lineSeparator(), true);
    }

    /** Queues one line for stderr. */
    void errLine(String line) {
        queue.err(line + System.lineSeparator(), false);
    }

    /** Queues text for stderr; a {@code redraw} (of a terminal line) replaces the one still waiting. */
    void errText(String text, boolean redraw) {
        queue.err(text, redraw);
    }

    /** Queues the one line a failure gets for stderr. */
    void fail(String message) {
        errLine("reel: " + message);
    }

    /**
     * The one line of a failure that ends the process at once (a bug): after the queued output if
     * that goes out within half a second, else straight on stderr. Returns when it is written.
     */
    public void failBeforeHalt(String message) {
        fail(message);
        if (!flushWithin(HALT_FLUSH)) {
            err.println("reel: " + message);
            err.flush();
        }
    }

    /** Waits for the queued output to be written while the reader takes some each {@link #EXIT_FLUSH}; for a command's end. */
    void flush() {
        flushWithin(EXIT_FLUSH);
    }

    /** Waits for the queued output to be written while some goes out each {@code stall}; false if it stalled. */
    boolean flushWithin(Duration stall) {
        return queue.flush(stall);
    }
}
