package dev.reel.audio;

import java.nio.file.Path;

/** An {@link AudioSink} that renders into a WAV file, at the speed the input allows. */
public final class WavFileSink implements AudioSink {

    public WavFileSink(Path file) {
        throw new UnsupportedOperationException("stub: audio-out owner");
    }

    @Override
    public void close() {
    }
}
