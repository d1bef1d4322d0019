package dev.reel.core.player;

import dev.reel.core.format.AudioInfo;
import dev.reel.core.format.PcmFormat;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a medium is, as far as its header and its source say: what {@code reel info} prints and
 * what {@link PlayerEvent.Ready} reports. Immutable.
 *
 * @param location the location as requested
 * @param format the PCM format of the samples
 * @param duration playing time in seconds, when the length of the data is known
 * @param size the resource's size in bytes, when known
 * @param seekable whether any position can be fetched directly (a file, a server with ranges)
 * @param live an unbounded stream (a socket) that cannot be sought
 * @param audio where the samples lie in the resource
 */
public record MediaInfo(String location, PcmFormat format, OptionalDouble duration,
        OptionalLong size, boolean seekable, boolean live, AudioInfo audio) {
}
