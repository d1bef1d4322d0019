package dev.reel.core.player;

import dev.reel.audio.AudioException;
import dev.reel.audio.Underrun;
import dev.reel.core.source.Source;
import java.io.IOException;

/**
 * What the player thread does next: the callers' commands and the reports of the writer, the
 * inputs and the spool, all in one queue so that one thread owns every decision. Immutable.
 */
sealed interface Command {

    /** Open {@code request} (through {@code source} when it is already open), playing or paused. */
    record Open(MediaRequest request, Source source, boolean play, long generation) implements Command {
    }

    record Stop() implements Command {
    }

    record Pause() implements Command {
    }

    record Resume() implements Command {
    }

    record Toggle() implements Command {
    }

    /** To {@code seconds}, or by {@code seconds} from the position when {@code relative}. */
    record Seek(double seconds, boolean relative) implements Command {

        /** This seek followed by {@code next}: an absolute seek wins, relative ones add up. */
        Seek then(Seek next) {
            return next.relative ? new Seek(seconds + next.seconds, relative) : next;
        }
    }

    record Volume(int percent) implements Command {
    }

    record Mute(boolean muted) implements Command {
    }

    record Close() implements Command {
    }

    /** The output thread started the playback's writer and {@linkplain Playback#offer offered} it. */
    record WriterStarted(Playback playback) implements Command {
    }

    /** The writer handed the first block at {@code frame} to the device. */
    record FirstBlock(Playback playback, long frame) implements Command {
    }

    record WriterUnderrun(Playback playback, Underrun underrun) implements Command {
    }

    record Drained(Playback playback) implements Command {
    }

    record WriterFailed(Playback playback, AudioException error) implements Command {
    }

    record Starving(SpoolPcmInput input) implements Command {
    }

    record Refilled(SpoolPcmInput input) implements Command {
    }

    record InputFailed(SpoolPcmInput input, IOException error) implements Command {
    }

    /** The next output's preparation ended: a playback waiting for its device can start. */
    record OutputPrepared() implements Command {
    }

    /** The spool's ranges changed; time for a (throttled) download report. */
    record SpoolChanged(Playback playback) implements Command {
    }
}
