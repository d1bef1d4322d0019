package dev.reel.core.format;

import java.util.Optional;

/** Raw PCM formats: {@code --format ENC:RATE:CHANNELS} and {@code audio/L8|L16|L24} media types. */
public final class RawPcm {

    private RawPcm() {
    }

    /**
     * Parses {@code s16le:44100:2}.
     *
     * @throws IllegalArgumentException with a one-line message for the user
     */
    public static PcmFormat parseSpec(String spec) {
        throw new UnsupportedOperationException("stub: format owner");
    }

    /** The format of an {@code audio/L16;rate=44100;channels=2} media type; empty for others. */
    public static Optional<PcmFormat> fromContentType(String contentType) throws FormatException {
        throw new UnsupportedOperationException("stub: format owner");
    }
}
