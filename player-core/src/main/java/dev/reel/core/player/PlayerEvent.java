package dev.reel.core.player;

import dev.reel.core.format.PcmFormat;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a {@link Player} reports. Delivered on the player's threads, never the caller's; listeners
 * must return quickly (a GUI hands them to its own thread and coalesces).
 */
public sealed interface PlayerEvent {

    /** The header is read: what is about to play. */
    record Ready(String location, PcmFormat format, OptionalDouble duration, OptionalLong size,
            boolean seekable) implements PlayerEvent {
    }

    record StateChanged(PlayerState state) implements PlayerEvent {
    }

    /** The audible position, about 20 times a second while playing. */
    record Position(double seconds) implements PlayerEvent {
    }

    /** A seek took effect; playback continues from {@code seconds}. */
    record Seeked(double seconds) implements PlayerEvent {
    }

    record Buffering(boolean buffering) implements PlayerEvent {
    }

    /** What of the media is downloaded, as time ranges, and how fast bytes arrive. */
    record Downloaded(List<TimeRange> ranges, long bytesPresent, OptionalLong totalBytes,
            double bytesPerSecond) implements PlayerEvent {
    }

    record Underrun(long count, long gapMillis) implements PlayerEvent {
    }

    /** The last frame has been played. */
    record Ended() implements PlayerEvent {
    }

    /** Playback failed; {@code message} is one line for the user. */
    record Error(String message, Kind kind) implements PlayerEvent {

        /** What failed, so that a command line can choose its exit code. */
        public enum Kind { SOURCE, FORMAT, AUDIO }
    }
}
