package dev.reel.core.format;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;

/** Reads a RIFF/RF64 WAVE header from a channel positioned at the resource's first byte. */
public final class WavParser {

    private WavParser() {
    }

    /**
     * Reads up to the start of the {@code data} chunk and leaves the channel there.
     *
     * @throws FormatException malformed or unsupported (one line)
     */
    public static AudioInfo parse(ReadableByteChannel in) throws IOException {
        throw new UnsupportedOperationException("stub: format owner");
    }
}
