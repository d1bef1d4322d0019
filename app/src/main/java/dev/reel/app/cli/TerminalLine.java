package dev.reel.app.cli;

import java.time.Duration;

/**
 * One line on a terminal's stderr, redrawn in place ({@code \r}, clear to end of line) at most
 * ten times a second: the status of {@code play}, the progress bar of {@code save}. Drawing only
 * queues the text ({@link Streams#errText}); a redraw replaces one still waiting. Thread-safe.
 */
final class TerminalLine {

    /** The shortest time between two redraws, unless forced. */
    static final Duration REDRAW_INTERVAL = Duration.ofMillis(100);
    /**
     * A tenth less than {@link #REDRAW_INTERVAL}: position reports due every interval come a little
     * early or late, and one that came a little early must not be skipped.
     */
    private static final long REDRAW_NANOS = REDRAW_INTERVAL.toNanos() * 9 / 10;

    private final Streams streams;
    private long lastDraw;
    private boolean drawn;

    TerminalLine(Streams streams) {
        this.streams = streams;
    }

    /** Draws {@code text} unless the last draw was too recent and {@code force} is false. */
    synchronized void draw(String text, boolean force) {
        long now = System.nanoTime();
        if (!force && drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        streams.errText("\r" + text + "\033[K", true);
    }

    /** Ends the line, so that what follows starts on a fresh one. */
    synchronized void finish() {
        if (drawn) {
            streams.errText(System.lineSeparator(), false);
            drawn = false;
        }
    }
}
