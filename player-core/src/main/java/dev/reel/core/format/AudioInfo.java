package dev.reel.core.format;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a header (or a raw format) says about a resource: the PCM format, where the samples start,
 * and how many bytes of them there are when known. Immutable.
 *
 * @param dataOffset byte offset of the first sample in the resource
 * @param dataLength bytes of sample data; empty when the header does not say (streaming WAV
 *     sizes 0 or 0xFFFFFFFF, raw PCM of unknown length): the data runs to the end of the
 *     resource. A resource may hold fewer bytes than declared; the data then ends early.
 * @param channelMask WAVE_FORMAT_EXTENSIBLE's speaker mask, 0 when absent
 */
public record AudioInfo(PcmFormat format, long dataOffset, OptionalLong dataLength, int channelMask) {

    /**
     * @throws IllegalArgumentException for a negative offset or length
     */
    public AudioInfo {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(dataLength, "dataLength");
        if (dataOffset < 0) {
            throw new IllegalArgumentException("negative data offset " + dataOffset);
        }
        if (dataLength.isPresent() && dataLength.getAsLong() < 0) {
            throw new IllegalArgumentException("negative data length " + dataLength.getAsLong());
        }
    }

    /** Whole frames in the declared data; empty when the length is unknown. */
    public OptionalLong frames() {
        return dataLength.isPresent()
                ? OptionalLong.of(dataLength.getAsLong() / format.frameSize())
                : OptionalLong.empty();
    }

    /** Playing time of the declared data in seconds; empty when the length is unknown. */
    public OptionalDouble durationSeconds() {
        OptionalLong frames = frames();
        return frames.isPresent()
                ? OptionalDouble.of((double) frames.getAsLong() / format.sampleRate())
                : OptionalDouble.empty();
    }
}
