package dev.reel.app.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;

/**
 * The standard streams a command talks through, so tests can run commands in-process.
 *
 * @param errIsTerminal whether {@code err} is a terminal (the launcher tells), which allows
 *                      status lines and progress bars there
 */
public record Streams(InputStream in, PrintStream out, PrintStream err, boolean errIsTerminal) {

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

    /** Prints one line on stdout and flushes, so that a reading script sees it at once. */
    void println(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Prints the one line a failure gets on stderr. */
    void fail(String message) {
        synchronized (err) {
            err.println("reel: " + message);
            err.flush();
        }
    }
}
