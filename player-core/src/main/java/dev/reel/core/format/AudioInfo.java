package dev.reel.core.format;

import java.util.OptionalLong;

/**
 * What a header (or a raw format) says about a resource: the PCM format, where the samples start,
 * and how many bytes of them there are when known.
 *
 * @param channelMask WAVE_FORMAT_EXTENSIBLE's speaker mask, 0 when absent
 */
public record AudioInfo(PcmFormat format, long dataOffset, OptionalLong dataLength, int channelMask) {
}
