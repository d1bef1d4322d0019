package dev.reel.app.gui;

import dev.reel.core.format.PcmFormat;
import dev.reel.core.player.PlayerEvent;
import dev.reel.core.player.PlayerState;
import dev.reel.core.player.TimeRange;
import java.util.List;

/**
 * What the window shows of the player, folded from its events. Immutable; {@link #apply} returns
 * the next state, so any thread can fold and the JavaFX thread reads the latest.
 *
 * @param location what is playing, null before the first {@code Ready}
 * @param format null until {@code Ready}
 * @param duration seconds, NaN when unknown
 * @param totalBytes -1 when unknown
 * @param bytesPerSecond download rate
 * @param medium counts {@code Ready} events: changes whenever a medium (even the same URL again) opens
 */
record PlaybackState(String location, PcmFormat format, double duration, boolean seekable,
        PlayerState state, double position, boolean buffering, List<TimeRange> downloaded,
        long bytesPresent, long totalBytes, double bytesPerSecond, long underruns, long medium) {

    static final PlaybackState INITIAL = new PlaybackState(null, null, Double.NaN, false,
            PlayerState.IDLE, 0, false, List.of(), 0, -1, 0, 0, 0);

    PlaybackState apply(PlayerEvent event) {
        if (event instanceof PlayerEvent.Ready r) {
            return new PlaybackState(r.location(), r.format(),
                    r.duration().isPresent() ? r.duration().getAsDouble() : Double.NaN, r.seekable(),
                    state, 0, buffering, List.of(), 0, r.size().isPresent() ? r.size().getAsLong() : -1,
                    0, 0, medium + 1);
        }
        if (event instanceof PlayerEvent.StateChanged s) {
            if (s.state() == PlayerState.OPENING) {
                return new PlaybackState(null, null, Double.NaN, false, PlayerState.OPENING, 0, false, List.of(),
                        0, -1, 0, 0, medium);
            }
            boolean stillBuffering = buffering && s.state() != PlayerState.ENDED && s.state() != PlayerState.ERROR;
            return new PlaybackState(location, format, duration, seekable, s.state(), position, stillBuffering,
                    downloaded, bytesPresent, totalBytes, bytesPerSecond, underruns, medium);
        }
        if (event instanceof PlayerEvent.Position p) {
            return withPosition(p.seconds());
        }
        if (event instanceof PlayerEvent.Seeked s) {
            return withPosition(s.seconds());
        }
        if (event instanceof PlayerEvent.Buffering b) {
            return new PlaybackState(location, format, duration, seekable, state, position, b.buffering(),
                    downloaded, bytesPresent, totalBytes, bytesPerSecond, underruns, medium);
        }
        if (event instanceof PlayerEvent.Downloaded d) {
            return new PlaybackState(location, format, duration, seekable, state, position, buffering,
                    List.copyOf(d.ranges()), d.bytesPresent(),
                    d.totalBytes().isPresent() ? d.totalBytes().getAsLong() : totalBytes, d.bytesPerSecond(),
                    underruns, medium);
        }
        if (event instanceof PlayerEvent.Underrun u) {
            return new PlaybackState(location, format, duration, seekable, state, position, buffering,
                    downloaded, bytesPresent, totalBytes, bytesPerSecond, u.count(), medium);
        }
        if (event instanceof PlayerEvent.Ended) {
            return new PlaybackState(location, format, duration, seekable, PlayerState.ENDED,
                    Double.isNaN(duration) ? position : duration, false, downloaded, bytesPresent, totalBytes,
                    bytesPerSecond, underruns, medium);
        }
        if (event instanceof PlayerEvent.Error) {
            return new PlaybackState(location, format, duration, seekable, PlayerState.ERROR, position, false,
                    downloaded, bytesPresent, totalBytes, bytesPerSecond, underruns, medium);
        }
        return this;
    }

    private PlaybackState withPosition(double seconds) {
        return new PlaybackState(location, format, duration, seekable, state, seconds, buffering, downloaded,
                bytesPresent, totalBytes, bytesPerSecond, underruns, medium);
    }

    /** Waiting for bytes, whether the player said so by state or by event. */
    boolean isBuffering() {
        return buffering || state == PlayerState.BUFFERING;
    }

    /** Playing or about to: the state in which play/pause shows "pause". */
    boolean isRunning() {
        return state == PlayerState.PLAYING || state == PlayerState.BUFFERING || state == PlayerState.OPENING;
    }

    /** True when nothing is playing or paused: a dropped item may start at once. */
    boolean isIdle() {
        return state == PlayerState.IDLE || state == PlayerState.ENDED || state == PlayerState.ERROR;
    }
}
