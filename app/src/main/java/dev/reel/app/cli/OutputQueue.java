package dev.reel.app.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A command's output, written in the order it was queued by a daemon thread of its own
 * ({@code reel-print}), so that whoever reports (the player's thread, the stdin reader) never
 * waits for a reader of stdout that stops reading or for a terminal stopped with Ctrl+S.
 *
 * <p>Text queued as an <em>update</em> (a position event, a redraw of the status line) replaces the
 * update of the same stream still waiting when nothing was queued after that one: while nobody
 * reads, a playing command queues one line, not a line per report, and nothing comes out in
 * another order than it was queued in. Up to {@link #MAX_WAITING} pieces wait; beyond that text
 * is dropped, and one line on stderr, where it would have been, says how many pieces were.
 * The thread ends after a second with nothing to write and starts again with the next text, so an
 * idle command has none. Thread-safe.
 */
final class OutputQueue {

    /**
     * Pieces waiting at most, besides the gap that counts those dropped: far beyond what a command
     * queues while its reader keeps up.
     */
    static final int MAX_WAITING = 1000;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PrintStream out;
    private final PrintStream err;
    private final ArrayDeque<Piece> waiting = new ArrayDeque<>();
    private boolean running;
    private boolean writing;
    /** Pieces written so far: {@link #flush} waits as long as this moves. */
    private long written;

    OutputQueue(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Queues {@code text} for stdout; returns at once. An update may replace another one. */
    void out(String text, boolean update) {
        add(false, text, update);
    }

    /** Queues {@code text} for stderr; returns at once. An update may replace another one. */
    void err(String text, boolean update) {
        add(true, text, update);
    }

    private synchronized void add(boolean toErr, String text, boolean update) {
        Piece last = waiting.peekLast();
        if (update && last != null && last.update && last.toErr == toErr) {
            last.text = text;
            return;
        }
        if (waiting.size() < MAX_WAITING) {
            waiting.addLast(new Piece(toErr, text, update));
        } else {
            if (last.dropped == 0) {
                last = new Piece(true, null, false);
                waiting.addLast(last);
            }
            last.dropped++;
        }
        notifyAll();
        if (!running) {
            Thread thread = new Thread(this::run, "reel-print");
            thread.setDaemon(true);
            thread.start();
            running = true;
        }
    }

    /**
     * Waits until everything queued so far is written, as long as the writing goes on and at most
     * {@code stall} after the last piece went out.
     *
     * @return false when nothing went out for {@code stall} first (a reader that does not read)
     */
    synchronized boolean flush(Duration stall) {
        long seen = written;
        long deadline = System.nanoTime() + stall.toNanos();
        try {
            while (!waiting.isEmpty() || writing) {
                if (written != seen) {
                    seen = written;
                    deadline = System.nanoTime() + stall.toNanos();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run() {
        while (true) {
            Piece piece = next();
            if (piece == null) {
                return;
            }
            PrintStream to = piece.toErr ? err : out;
            boolean done = false;
            try {
                to.print(piece.text);
                to.flush();
                done = true;
            } finally {
                synchronized (this) {
                    writing = false;
                    written++;
                    // A stream that threw (a bug: a PrintStream keeps I/O errors to itself) ends
                    // this thread; the next text starts another.
                    running &= done;
                    notifyAll();
                }
            }
        }
    }

    /** The next piece to write, taken off the queue, its text final; null when the thread is to end. */
    private synchronized Piece next() {
        long deadline = System.nanoTime() + IDLE_NANOS;
        while (waiting.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                running = false;
                return null;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                // Nothing interrupts this thread on purpose; whatever is queued is still written.
            }
        }
        Piece piece = waiting.pollFirst();
        if (piece.dropped > 0) {
            piece.text = "reel: " + piece.dropped + " lines of output were dropped here: nothing read them"
                    + System.lineSeparator();
        }
        writing = true;
        return piece;
    }

    /**
     * Text for a stream; an update's text is replaced in place while it is the last one waiting. A
     * gap (on stderr) stands for the pieces dropped there and counts them.
     */
    private static final class Piece {

        final boolean toErr;
        final boolean update;
        String text;
        long dropped;

        Piece(boolean toErr, String text, boolean update) {
            this.toErr = toErr;
            this.text = text;
            this.update = update;
        }
    }
}
