package dev.reel.audio;

/**
 * An {@link AudioSink} on a {@code javax.sound} {@code SourceDataLine} of the default mixer or of
 * a mixer chosen by name.
 */
public final class LineSink implements AudioSink {

    /** @param mixerName a mixer's name as {@link AudioDevices#names()} lists it, or null for the default */
    public LineSink(String mixerName) {
        throw new UnsupportedOperationException("stub: audio-out owner");
    }

    @Override
    public void close() {
    }
}
