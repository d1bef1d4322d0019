package dev.reel.app.cli;

import dev.reel.core.player.PlayerConfig;
import dev.reel.core.player.PlayerEvent;
import dev.reel.core.player.PlayerState;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Follows one medium's player events for a command: prints them (JSON lines on stdout, or a status
 * line on a terminal's stderr), prints the one line of a failure, and decides the exit code.
 * Events arrive on the player's threads, which printing never holds up: it only queues the text
 * ({@link Streams}). {@link #awaitExit} waits on the command's thread.
 */
final class Playback implements Consumer<PlayerEvent> {

    private final Streams streams;
    private final boolean json;
    private final TerminalLine statusLine;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private PlayerEvent.Ready ready;
    private PlayerState state = PlayerState.IDLE;
    private double position;

    Playback(Streams streams, boolean json, double startSeconds) {
        this.streams = streams;
        this.json = json;
        this.statusLine = streams.errIsTerminal() && !json ? new TerminalLine(streams) : null;
        this.position = startSeconds;
    }

    @Override
    public synchronized void accept(PlayerEvent event) {
        if (exit.isDone()) {
            return;
        }
        if (json) {
            String line = EventJson.line(event);
            if (line != null && event instanceof PlayerEvent.Position) {
                streams.printlnUpdate(line);
            } else if (line != null) {
                streams.println(line);
            }
        }
        if (event instanceof PlayerEvent.Ready r) {
            ready = r;
        } else if (event instanceof PlayerEvent.StateChanged changed) {
            state = changed.state();
            redraw(true);
        } else if (event instanceof PlayerEvent.Position p) {
            position = p.seconds();
            redraw(false);
        } else if (event instanceof PlayerEvent.Seeked seeked) {
            position = seeked.seconds();
            redraw(true);
        } else if (event instanceof PlayerEvent.Ended) {
            finish(ExitCode.OK, null);
        } else if (event instanceof PlayerEvent.Error error) {
            finish(exitCode(error.kind()), error.message());
        }
    }

    /**
     * How often it wants {@code position} events: as often as the JSON lines promise, as often as
     * a terminal's status line is redrawn, or never (zero) when it shows no position.
     */
    Duration positionInterval() {
        if (json) {
            return PlayerConfig.DEFAULT_POSITION_INTERVAL;
        }
        return statusLine != null ? TerminalLine.REDRAW_INTERVAL : Duration.ZERO;
    }

    /** Ends the playback as done (the {@code stop} command). */
    synchronized void stop() {
        finish(ExitCode.OK, null);
    }

    /** Blocks until the medium ended, failed or was stopped; returns the exit code. */
    int awaitExit() {
        return exit.join();
    }

    /** The answer to the {@code status} command, at the player's audible position, {@code seconds}. */
    synchronized String status(int volume, double seconds) {
        OptionalDouble duration = duration();
        if (json) {
            return EventJson.event("status")
                    .put("state", stateName())
                    .put("position", seconds)
                    .put("duration", duration)
                    .put("volume", volume)
                    .toString();
        }
        return StatusLine.text(state, seconds, duration, ready == null ? null : ready.format())
                + "  volume " + volume;
    }

    static int exitCode(PlayerEvent.Error.Kind kind) {
        return kind == PlayerEvent.Error.Kind.SOURCE ? ExitCode.SOURCE : ExitCode.FORMAT;
    }

    private String stateName() {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private void redraw(boolean force) {
        if (statusLine != null) {
            statusLine.draw(StatusLine.text(state, position, duration(), ready == null ? null : ready.format()),
                    force);
        }
    }

    private OptionalDouble duration() {
        return ready == null ? OptionalDouble.empty() : ready.duration();
    }

    /** Ends the status line, prints the failure (if any) and only then lets the command exit. */
    private void finish(int code, String failure) {
        if (statusLine != null) {
            statusLine.finish();
        }
        if (failure != null) {
            streams.fail(failure);
        }
        exit.complete(code);
    }
}
