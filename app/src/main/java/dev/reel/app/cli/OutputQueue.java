package dev.reel.app.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A command's output, written in the order it was queued by a daemon thread of its own
 * ({@code reel-output}), so that whoever reports (the player's thread, the stdin reader) never
 * waits for a reader of stdout that stops reading or for a terminal stopped with Ctrl-S.
 *
 * <p>Text queued as an <em>update</em> (a position event, a redraw of the status line) replaces the
 * update of the same stream still waiting, unless other text of that stream was queued after it:
 * while nobody reads, a playing command queues one line, not a line per report. Other text is kept,
 * up to {@link #MAX_WAITING} pieces; beyond that it is dropped and counted, and the count is told on
 * stderr once the writing goes on. The thread ends after a second with nothing to write and starts
 * again with the next text, so an idle command has none. Thread-safe.
 */
final class OutputQueue {

    /** Kept pieces waiting at most: far beyond what a command queues while its reader keeps up. */
    static final int MAX_WAITING = 1000;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PrintStream out;
    private final PrintStream err;
    private final ArrayDeque<Piece> waiting = new ArrayDeque<>();
    /** Per stream (stdout, stderr), the update still waiting that a newer one may replace, or null. */
    private final Piece[] open = new Piece[2];
    private boolean running;
    private boolean writing;
    private long dropped;

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
        int stream = toErr ? 1 : 0;
        if (update && open[stream] != null) {
            open[stream].text = text;
            return;
        }
        if (waiting.size() >= MAX_WAITING) {
            dropped++;
            return;
        }
        Piece piece = new Piece(toErr, text);
        waiting.addLast(piece);
        open[stream] = update ? piece : null;
        if (running) {
            notifyAll();
        } else {
            running = true;
            Thread thread = new Thread(this::run, "reel-output");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Waits until everything queued so far is written, at most {@code timeout}.
     *
     * @return false when the time ran out first (a reader that does not read)
     */
    synchronized boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!waiting.isEmpty() || writing) {
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
            to.print(piece.text);
            to.flush();
            synchronized (this) {
                writing = false;
                notifyAll();
            }
        }
    }

    /** The next piece to write, taken off the queue; null when the thread is to end. */
    private synchronized Piece next() {
        long deadline = System.nanoTime() + IDLE_NANOS;
        try {
            while (waiting.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    running = false;
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            running = false;
            return null;
        }
        Piece piece = waiting.pollFirst();
        int stream = piece.toErr ? 1 : 0;
        if (open[stream] == piece) {
            open[stream] = null;
        }
        if (dropped > 0) {
            waiting.addFirst(new Piece(true, "reel: " + dropped + " lines of output were dropped: "
                    + "nothing read them" + System.lineSeparator()));
            dropped = 0;
        }
        writing = true;
        return piece;
    }

    /** Text for a stream; an update's text is replaced in place while it waits. */
    private static final class Piece {

        final boolean toErr;
        String text;

        Piece(boolean toErr, String text) {
            this.toErr = toErr;
            this.text = text;
        }
    }
}
